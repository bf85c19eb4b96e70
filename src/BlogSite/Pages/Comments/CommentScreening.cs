using BlogSite.Content;
using BlogSite.Domain;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Comments;

/// <summary>
/// Whether a comment waits for a moderator, and why, in words a moderator reads: on posting (the site's policy,
/// too many links, a blocked word) and when readers report it (enough different addresses).
/// </summary>
public sealed class CommentScreening(CommentRenderer renderer, IOptions<CommentOptions> options)
{
    /// <summary>Why a new comment with <paramref name="body"/> is held, or null when it is published at once.</summary>
    public string? ReasonToHold(string body)
    {
        var limits = options.Value;
        if (limits.Policy == CommentPolicy.HoldAll)
        {
            return "Every comment waits for approval";
        }

        var links = renderer.CountLinks(body);
        if (links > limits.MaxLinks)
        {
            return $"Contains {links} links (more than {limits.MaxLinks})";
        }

        return CommentText.FindBlockedWord(body, limits.Blocklist) is { } word ? $"Contains the blocked word \"{word}\"" : null;
    }

    /// <summary>
    /// Why a published comment reported by <paramref name="readers"/> readers from <paramref name="addresses"/>
    /// addresses is held, or null while too few addresses reported it: one address can take any number of readers' keys.
    /// </summary>
    public string? ReasonToHoldReported(int readers, int addresses) =>
        addresses < options.Value.ReportsToHold ? null
        : readers == addresses ? $"Reported by {Plural.Count(readers, "reader", "readers")}"
        : $"Reported by {Plural.Count(readers, "reader", "readers")} from {Plural.Count(addresses, "address", "addresses")}";
}
