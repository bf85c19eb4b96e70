using BlogSite.Domain;

namespace BlogSite.Pages.Email;

/// <summary>What the "Get new articles by e-mail" form posts; the address is checked by <see cref="EmailAddress.Normalise"/>.</summary>
public sealed class SubscribeInput
{
    public string? Email { get; set; }

    public ArticleFrequency Frequency { get; set; } = ArticleFrequency.EachArticle;
}

/// <summary>What the form partial needs: what is typed so far, whether it may embed a token, and messages by field ("" for the form).</summary>
public sealed record SubscribeForm(SubscribeInput Input, bool EmbedToken, IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>The empty form as the home page and the article page show it.</summary>
    public static SubscribeForm Empty(bool embedToken) => new(new SubscribeInput(), embedToken, new Dictionary<string, string>());
}
