using System.Text;

namespace BlogSite.Pages.Search;

/// <summary>
/// What a reader typed, made into an FTS5 query that cannot be a syntax error: every word and every
/// "quoted phrase" becomes a quoted string, so FTS operators, column names, brackets and stray quotes are
/// only text. Words match as prefixes ("deploy" finds "deployment"), except words of one or two letters or
/// digits, which match whole: "go" finds Go, not every "good" and "google" (a prefix that short is most of the
/// index to merge, seconds over 100,000 articles); all terms must match.
/// </summary>
public sealed record SearchTerms(string Match, IReadOnlyList<string> Terms)
{
    public const int MaxQueryLength = 200;
    public const int MaxTerms = 12;

    /// <summary>Letters and digits a word needs to match as a prefix.</summary>
    public const int MinPrefixLength = 3;

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>The terms of <paramref name="query"/>, at most <see cref="MaxTerms"/>; pieces with no letter or digit are dropped.</summary>
    public static SearchTerms Parse(string query)
    {
        var terms = new List<string>();
        var match = new StringBuilder();
        var quoted = query.Split('"');
        for (var i = 0; i < quoted.Length && terms.Count < MaxTerms; i++)
        {
            // Odd pieces were between quotes: a phrase. Even pieces are words; an unclosed quote runs to the end.
            var pieces = i % 2 == 1 ? [quoted[i]] : quoted[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            foreach (var piece in pieces)
            {
                var term = piece.Trim();
                if (terms.Count == MaxTerms || !term.Any(char.IsLetterOrDigit))
                {
                    continue;
                }

                terms.Add(term);
                match.Append(match.Length == 0 ? "" : " ").Append('"').Append(term).Append('"');
                if (i % 2 == 0 && term.Count(char.IsLetterOrDigit) >= MinPrefixLength)
                {
                    match.Append('*');
                }
            }
        }

        return new SearchTerms(match.ToString(), terms);
    }
}
