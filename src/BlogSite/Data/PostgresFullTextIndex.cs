using BlogSite.Pages.Search;

namespace BlogSite.Data;

/// <summary>
/// The full-text index on PostgreSQL, not built yet: issue 13's second part puts PostgreSQL's own full-text search
/// here (a weighted tsvector kept by the database, a GIN index, ranking, marked passages) behind the same
/// <see cref="IFullTextIndex"/>. Until then a search on PostgreSQL fails with this reason, and only a search: pages
/// that merely can search (the admin lists) work as long as nobody types into their search box.
/// </summary>
public sealed class PostgresFullTextIndex : IFullTextIndex
{
    private const string Reason =
        "Full-text search has no PostgreSQL index yet (issue 13, part 2: a weighted tsvector, a GIN index, ranking and marked passages).";

    public IQueryable<FullTextHit> Matches(SearchTerms terms, DateTime now) => throw new NotSupportedException(Reason);

    public IQueryable<int> TitleMatches(SearchTerms terms) => throw new NotSupportedException(Reason);
}
