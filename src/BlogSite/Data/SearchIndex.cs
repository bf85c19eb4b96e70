namespace BlogSite.Data;

/// <summary>
/// The full-text index of articles: an SQLite FTS5 table with one row per article (rowid = article id),
/// created and kept in step by triggers on Articles, ArticleTags and Tags (migration Search). SQLite
/// refuses the RETURNING clause on tables with AFTER triggers, so those three save without it.
/// </summary>
public static class SearchIndex
{
    public const string Table = "ArticleSearch";
}
