namespace BlogSite.Web;

/// <summary>
/// Marks a page that every anonymous reader sees alike, so <see cref="ReaderPageCache"/> may keep its
/// response. Put it only on public GET pages: cache hits are answered before authentication runs.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReaderPageAttribute : Attribute;
