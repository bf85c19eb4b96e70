using System.Diagnostics;
using System.Text;

namespace BlogSite.Content;

/// <summary>Thrown by <see cref="BoundedHtmlWriter"/> when a render goes past its bound.</summary>
internal sealed class RenderLimitException(RenderFailure failure) : Exception(failure.ToString())
{
    public RenderFailure Failure { get; } = failure;
}

/// <summary>
/// Where Markdig writes HTML: it stops the render as soon as the output passes its length or the clock passes its
/// deadline, so a small input that expands a thousandfold never builds the huge string at all.
/// </summary>
internal sealed class BoundedHtmlWriter(int maxCharacters, long deadlineTimestamp) : TextWriter
{
    private readonly StringBuilder html = new();

    public override Encoding Encoding => Encoding.Unicode;

    public static BoundedHtmlWriter Within(int maxCharacters, TimeSpan timeLimit) =>
        new(maxCharacters, Stopwatch.GetTimestamp() + (long)(timeLimit.TotalSeconds * Stopwatch.Frequency));

    /// <summary>Throws when the deadline has passed, for the steps between writes (parsing, sanitizing).</summary>
    public void CheckDeadline()
    {
        if (Stopwatch.GetTimestamp() > deadlineTimestamp)
        {
            throw new RenderLimitException(RenderFailure.TooSlow);
        }
    }

    public override void Write(char value)
    {
        Reserve(1);
        html.Append(value);
    }

    public override void Write(string? value)
    {
        Reserve(value?.Length ?? 0);
        html.Append(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Reserve(count);
        html.Append(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Reserve(buffer.Length);
        html.Append(buffer);
    }

    public override string ToString() => html.ToString();

    private void Reserve(int count)
    {
        if (html.Length + count > maxCharacters)
        {
            throw new RenderLimitException(RenderFailure.TooLarge);
        }

        CheckDeadline();
    }
}
