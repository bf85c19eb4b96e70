namespace BlogSite.Data;

/// <summary>
/// How many articles each month holds: a table of one row per month ('yyyy-MM'), kept in step by
/// triggers on Articles (migration ArchiveMonths), so the archive never counts the whole store. It
/// counts published articles that are not in the bin, whatever their date; readers' counts subtract
/// the scheduled ones, which are few.
/// </summary>
public static class ArchiveIndex
{
    public const string Table = "ArchiveMonths";
}
