namespace BlogSite.Web;

/// <summary>
/// Marks a page that every anonymous reader sees alike, so <see cref="ReaderPageCache"/> may keep its
/// response. Put it only on public GET pages: cache hits are answered before authentication runs.
/// </summary>
/// <param name="query">
/// The query values the page reads, each bound with <see cref="ReaderQueryAttribute"/>. They, parsed, make the
/// cache key; any other query name leaves the page as it is, so such a request is answered from the page without it.
/// </param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReaderPageAttribute(params string[] query) : Attribute
{
    public IReadOnlyList<string> Query { get; } = query;
}
