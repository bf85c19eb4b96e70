using System.Net;
using System.Text;

namespace BlogSite.Content;

/// <summary>
/// Highlights shell snippets with a small lexer: comments, quoted strings, variables, keywords,
/// command names, options and operators. TextMate's shell grammar costs ~28 MB of heap and ~0.4 s to
/// load, more than all other grammars together, for what blog snippets need.
/// </summary>
public static class ShellHighlighter
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac",
        "in", "function", "select", "return", "export", "local", "readonly", "declare", "time",
    };

    // After these words the next word is a command again.
    private static readonly HashSet<string> CommandStarters = new(StringComparer.Ordinal)
    {
        "if", "then", "else", "elif", "while", "until", "do", "time", "!",
    };

    private const string OperatorChars = "|&;<>()";

    /// <summary>Escaped HTML with hl-* spans, the same classes the TextMate grammars produce.</summary>
    public static string Highlight(string code)
    {
        var html = new StringBuilder(code.Length * 2);
        var atCommand = true;
        var i = 0;
        while (i < code.Length)
        {
            var c = code[i];
            if (c == '\n')
            {
                // A line ending in a backslash continues the command; any other ends it.
                atCommand = i == 0 || code[i - 1] != '\\';
                html.Append('\n');
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                html.Append(c);
                i++;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(code[i - 1])))
            {
                i = Span(html, code, i, EndOfLine(code, i), "hl-comment");
            }
            else if (c == '\'')
            {
                i = Span(html, code, i, Closing(code, i, '\''), "hl-string");
                atCommand = false;
            }
            else if (c == '"')
            {
                i = DoubleQuoted(html, code, i);
                atCommand = false;
            }
            else if (c == '$')
            {
                var end = VariableEnd(code, i);
                if (end == i + 1 && end < code.Length && code[end] == '(')
                {
                    // $( starts a command substitution: the word after it is a command.
                    i = Span(html, code, i, end + 1, "hl-operator");
                    atCommand = true;
                }
                else
                {
                    i = Span(html, code, i, end, "hl-variable");
                    atCommand = false;
                }
            }
            else if (OperatorChars.Contains(c))
            {
                var end = i;
                while (end < code.Length && OperatorChars.Contains(code[end]))
                {
                    end++;
                }

                var op = code[i..end];
                i = Span(html, code, i, end, "hl-operator");
                // Redirections take a file name next, not a command.
                atCommand = !op.Contains('>') && !op.Contains('<');
            }
            else
            {
                var end = WordEnd(code, i);
                var word = code[i..end];
                var assignment = word.IndexOf('=', StringComparison.Ordinal);
                if (atCommand && Keywords.Contains(word))
                {
                    i = Span(html, code, i, end, "hl-keyword");
                    atCommand = CommandStarters.Contains(word);
                }
                else if (atCommand && assignment > 0 && IsName(word.AsSpan(0, assignment)))
                {
                    // NAME=value before a command: the command is still to come.
                    Span(html, code, i, i + assignment, "hl-variable");
                    html.Append(WebUtility.HtmlEncode(word[assignment..]));
                    i = end;
                }
                else if (atCommand)
                {
                    i = Span(html, code, i, end, "hl-function");
                    atCommand = false;
                }
                else if (c == '-' && end > i + 1)
                {
                    i = Span(html, code, i, end, "hl-attribute");
                }
                else if (Keywords.Contains(word) && word is "in" or "do" or "then")
                {
                    i = Span(html, code, i, end, "hl-keyword");
                    atCommand = word != "in";
                }
                else
                {
                    html.Append(WebUtility.HtmlEncode(word));
                    i = end;
                }
            }
        }

        return html.ToString();
    }

    private static int Span(StringBuilder html, string code, int start, int end, string cssClass)
    {
        html.Append("<span class=\"").Append(cssClass).Append("\">")
            .Append(WebUtility.HtmlEncode(code[start..end])).Append("</span>");
        return end;
    }

    private static int DoubleQuoted(StringBuilder html, string code, int start)
    {
        var end = start + 1;
        html.Append("<span class=\"hl-string\">&quot;");
        while (end < code.Length && code[end] != '"')
        {
            if (code[end] == '\\' && end + 1 < code.Length)
            {
                html.Append(WebUtility.HtmlEncode(code.Substring(end, 2)));
                end += 2;
            }
            else if (code[end] == '$' && VariableEnd(code, end) is var variableEnd && variableEnd > end + 1)
            {
                end = Span(html, code, end, variableEnd, "hl-variable");
            }
            else
            {
                html.Append(WebUtility.HtmlEncode(code[end].ToString()));
                end++;
            }
        }

        if (end < code.Length)
        {
            html.Append("&quot;");
            end++;
        }

        html.Append("</span>");
        return end;
    }

    // $name, ${...}, $1, $?, $@ and friends; a lone $ is just the character.
    private static int VariableEnd(string code, int start)
    {
        var i = start + 1;
        if (i >= code.Length)
        {
            return i;
        }

        if (code[i] == '{')
        {
            return Closing(code, i, '}');
        }

        if ("?@#*!$-0123456789".Contains(code[i]))
        {
            return i + 1;
        }

        while (i < code.Length && (char.IsAsciiLetterOrDigit(code[i]) || code[i] == '_'))
        {
            i++;
        }

        return i;
    }

    // The index after the closing character, or the end of the code when it is missing.
    private static int Closing(string code, int start, char close)
    {
        var end = code.IndexOf(close, start + 1);
        return end < 0 ? code.Length : end + 1;
    }

    private static int EndOfLine(string code, int start)
    {
        var end = code.IndexOf('\n', start);
        return end < 0 ? code.Length : end;
    }

    private static int WordEnd(string code, int start)
    {
        var i = start;
        while (i < code.Length && !char.IsWhiteSpace(code[i]) && !OperatorChars.Contains(code[i]) && code[i] is not ('"' or '\'' or '$'))
        {
            i++;
        }

        return Math.Max(i, start + 1);
    }

    private static bool IsName(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || char.IsAsciiDigit(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
