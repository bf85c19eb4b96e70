namespace BlogSite.Tests.Support;

/// <summary>The security tests are only as good as this checker, so it must catch what it claims to.</summary>
public sealed class HtmlSafetyTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<p><iframe src=\"https://example.com\"></iframe></p>")]
    [InlineData("<object data=\"x\"></object>")]
    [InlineData("<embed src=\"x\">")]
    [InlineData("<style>p{}</style>")]
    [InlineData("<form><button>go</button></form>")]
    [InlineData("<img src=\"x\" onerror=\"alert(1)\">")]
    [InlineData("<p style=\"color:red\">x</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\" JaVa&#x09;Script:alert(1)\">x</a>")]
    [InlineData("<a href=\"&amp;#106;avascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#14; javascript:alert(1)\">x</a>")]
    [InlineData("<img src=\"vbscript:msgbox(1)\">")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>")]
    [InlineData("<button formaction=\"javascript:alert(1)\">x</button>")]
    [InlineData("<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>")]
    public void Problems_UnsafeHtml_Reported(string html) => Assert.NotEmpty(HtmlSafety.Problems(html));

    [Theory]
    [InlineData("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("<a href=\"https://example.com/javascript:x\">x</a>")]
    [InlineData("<a href=\"#fn:1\" class=\"footnote-ref\">1</a>")]
    [InlineData("<img src=\"data:image/png;base64,AAAA\" alt=\"x\">")]
    [InlineData("<abbr title=\"&lt;img src=x onerror=alert(1)&gt;\">HTML</abbr>")]
    public void Problems_SafeHtml_None(string html) => Assert.Empty(HtmlSafety.Problems(html));
}
