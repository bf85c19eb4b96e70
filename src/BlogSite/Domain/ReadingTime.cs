namespace BlogSite.Domain;

public static class ReadingTime
{
    // A common figure for adults reading technical prose on a screen.
    public const int WordsPerMinute = 230;

    /// <summary>Whole minutes, rounded up, never less than one.</summary>
    public static int Of(int words) => Math.Max(1, (words + WordsPerMinute - 1) / WordsPerMinute);
}
