using System.Net;
using System.Text;
using TextMateSharp.Grammars;
using TextMateSharp.Registry;

namespace BlogSite.Content;

/// <summary>
/// Turns fenced code into HTML spans on the server with TextMate grammars. Spans carry classes,
/// not colours, so the stylesheet decides the palette (and its dark variant) and CSP needs no inline styles.
/// </summary>
public sealed class CodeHighlighter
{
    private const string ShellLanguage = "shellscript";

    private static readonly Dictionary<string, string> LanguageIds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["c#"] = "csharp",
        ["cs"] = "csharp",
        ["csharp"] = "csharp",
        ["go"] = "go",
        ["golang"] = "go",
        ["sh"] = ShellLanguage,
        ["bash"] = ShellLanguage,
        ["shell"] = ShellLanguage,
        ["zsh"] = ShellLanguage,
        ["console"] = ShellLanguage,
        ["shellscript"] = ShellLanguage,
        ["json"] = "json",
        ["jsonc"] = "json",
        ["js"] = "javascript",
        ["javascript"] = "javascript",
        ["ts"] = "typescript",
        ["typescript"] = "typescript",
        ["html"] = "html",
        ["xml"] = "xml",
        ["css"] = "css",
        ["scss"] = "scss",
        ["sql"] = "sql",
        ["yaml"] = "yaml",
        ["yml"] = "yaml",
        ["python"] = "python",
        ["py"] = "python",
        ["rust"] = "rust",
        ["java"] = "java",
        ["cpp"] = "cpp",
        ["c"] = "c",
        ["diff"] = "diff",
        ["markdown"] = "markdown",
        ["md"] = "markdown",
    };

    // Most specific first: the first scope prefix that matches a token's innermost scopes names its class.
    private static readonly (string Prefix, string Class)[] ScopeClasses =
    [
        ("comment", "hl-comment"),
        ("string.regexp", "hl-string"),
        ("string", "hl-string"),
        ("constant.character.escape", "hl-string"),
        ("constant.numeric", "hl-number"),
        ("constant.language", "hl-constant"),
        ("constant", "hl-constant"),
        ("keyword.operator", "hl-operator"),
        ("keyword", "hl-keyword"),
        ("storage.type", "hl-type"),
        ("storage", "hl-keyword"),
        ("entity.name.type", "hl-type"),
        ("entity.name.class", "hl-type"),
        ("support.type", "hl-type"),
        ("support.class", "hl-type"),
        ("entity.name.function", "hl-function"),
        ("support.function", "hl-function"),
        ("entity.name.tag", "hl-keyword"),
        ("entity.other.attribute-name", "hl-attribute"),
        ("support.type.property-name", "hl-attribute"),
        ("variable.parameter", "hl-variable"),
        ("variable", "hl-variable"),
    ];

    // Long lines in minified code can make some grammars slow; each line gets at most this long.
    private static readonly TimeSpan LineTimeLimit = TimeSpan.FromMilliseconds(200);

    // Built on first use: loading the grammar index costs start-up time a site without code never needs.
    private readonly Lazy<(RegistryOptions Options, Registry Registry)> textMate = new(() =>
    {
        var options = new RegistryOptions(ThemeName.LightPlus);
        return (options, new Registry(options));
    });

    private readonly Dictionary<string, IGrammar?> grammars = [];
    private readonly Lock gate = new();

    /// <summary>Escaped, highlighted HTML for the inside of a &lt;code&gt;, or null for an unknown language.</summary>
    public string? Highlight(string code, string language)
    {
        if (!LanguageIds.TryGetValue(language, out var languageId))
        {
            return null;
        }

        if (languageId == ShellLanguage)
        {
            return ShellHighlighter.Highlight(code);
        }

        // Grammars are lazily compiled and keep state, so tokenising is serialised; results are memoised upstream.
        lock (gate)
        {
            var grammar = Grammar(languageId);
            return grammar is null ? null : Tokenise(grammar, code);
        }
    }

    private IGrammar? Grammar(string languageId)
    {
        if (!grammars.TryGetValue(languageId, out var grammar))
        {
            var (options, registry) = textMate.Value;
            var scope = options.GetScopeByLanguageId(languageId);
            grammar = scope is null ? null : registry.LoadGrammar(scope);
            grammars[languageId] = grammar;
        }

        return grammar;
    }

    private static string Tokenise(IGrammar grammar, string code)
    {
        var html = new StringBuilder(code.Length * 2);
        IStateStack? state = null;
        var lines = code.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var result = grammar.TokenizeLine(line, state, LineTimeLimit);
            state = result.RuleStack;
            foreach (var token in result.Tokens)
            {
                var start = Math.Min(token.StartIndex, line.Length);
                var end = Math.Min(token.EndIndex, line.Length);
                if (end <= start)
                {
                    continue;
                }

                var text = WebUtility.HtmlEncode(line[start..end]);
                var cssClass = ClassOf(token.Scopes);
                if (cssClass is null)
                {
                    html.Append(text);
                }
                else
                {
                    html.Append("<span class=\"").Append(cssClass).Append("\">").Append(text).Append("</span>");
                }
            }

            // A line that hit the time limit is only partly tokenised; the rest goes out plain.
            var done = result.Tokens.Length == 0 ? 0 : Math.Min(result.Tokens[^1].EndIndex, line.Length);
            html.Append(WebUtility.HtmlEncode(line[done..]));

            if (i < lines.Length - 1)
            {
                html.Append('\n');
            }
        }

        return html.ToString();
    }

    private static string? ClassOf(List<string> scopes)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            foreach (var (prefix, cssClass) in ScopeClasses)
            {
                if (scopes[i].StartsWith(prefix, StringComparison.Ordinal))
                {
                    return cssClass;
                }
            }
        }

        return null;
    }
}
