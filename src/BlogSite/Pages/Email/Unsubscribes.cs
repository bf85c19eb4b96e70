using BlogSite.Email;

namespace BlogSite.Pages.Email;

public enum UnsubscribeState
{
    /// <summary>The token is sound and names a scope some area handles.</summary>
    Valid,

    /// <summary>Not a token this site made, or for messages no area sends any more.</summary>
    Invalid,

    Done,

    /// <summary>What the token named is gone already (an account, a subscription): nothing is sent to it anyway.</summary>
    NothingLeft,
}

public sealed record UnsubscribeAnswer(UnsubscribeState State, string? Question = null);

/// <summary>Reads an unsubscribe token and hands it to the area whose scope it names (<see cref="IUnsubscribeHandler"/>).</summary>
public sealed class Unsubscribes(UnsubscribeTokens tokens, IEnumerable<IUnsubscribeHandler> handlers)
{
    /// <summary>What the link would stop, without stopping anything: the page a GET shows.</summary>
    public UnsubscribeAnswer Check(string? token) =>
        Find(token) is { } found ? new UnsubscribeAnswer(UnsubscribeState.Valid, found.Handler.Question) : new UnsubscribeAnswer(UnsubscribeState.Invalid);

    public async Task<UnsubscribeAnswer> UnsubscribeAsync(string? token, CancellationToken ct)
    {
        if (Find(token) is not { } found)
        {
            return new UnsubscribeAnswer(UnsubscribeState.Invalid);
        }

        var done = await found.Handler.UnsubscribeAsync(found.Subject, ct);
        return new UnsubscribeAnswer(done ? UnsubscribeState.Done : UnsubscribeState.NothingLeft, found.Handler.Question);
    }

    private (IUnsubscribeHandler Handler, string Subject)? Find(string? token)
    {
        if (tokens.Read(token) is not var (scope, subject))
        {
            return null;
        }

        var handler = handlers.FirstOrDefault(h => string.Equals(h.Scope, scope, StringComparison.Ordinal));
        return handler is null ? null : (handler, subject);
    }
}
