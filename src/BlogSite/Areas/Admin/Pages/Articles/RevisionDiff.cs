using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace BlogSite.Areas.Admin.Pages.Articles;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>Line by line, what the current text has that a revision had not, and the reverse.</summary>
public static class RevisionDiff
{
    private static readonly InlineDiffBuilder Builder = new(new Differ());

    public static IReadOnlyList<DiffLine> Lines(string revision, string current) =>
        Builder.BuildDiffModel(revision, current, ignoreWhitespace: false).Lines
            .Select(line => new DiffLine(
                line.Type switch
                {
                    ChangeType.Deleted => DiffKind.Removed,
                    ChangeType.Inserted => DiffKind.Added,
                    _ => DiffKind.Same,
                },
                line.Text ?? ""))
            .ToList();
}
