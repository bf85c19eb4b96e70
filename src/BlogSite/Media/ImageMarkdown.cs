using System.Text;

namespace BlogSite.Media;

/// <summary>The Markdown that shows a stored image in an article.</summary>
public static class ImageMarkdown
{
    /// <summary><c>![alt](url)</c>, with the alt text on one line and its brackets escaped so that it cannot end the link early.</summary>
    public static string For(string? alt, string url)
    {
        var text = new StringBuilder();
        foreach (var word in (alt ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            foreach (var c in word)
            {
                if (c is '\\' or '[' or ']')
                {
                    text.Append('\\');
                }

                text.Append(c);
            }
        }

        return $"![{text}]({url})";
    }
}
