using System.Reflection;
using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Tests.Web;

public sealed class ReaderPageCacheKeyTests
{
    private static readonly ReaderPageAttribute Paged = new("pageNumber");

    private static string? KeyOf(string query, ReaderPageAttribute? page = null, string path = "/tags/go") =>
        ReaderPageCacheKey.Of(ReaderPageCacheTests.Request("blog.test", path, query), path, page ?? Paged, withOrigin: false);

    [Theory]
    [InlineData("", "/tags/go")]
    [InlineData("?utm_source=feed", "/tags/go")]
    [InlineData("?utm_source=feed&fbclid=x&pageNumber2=5&=3&&", "/tags/go")]
    [InlineData("?pageNumber=2", "/tags/go?pageNumber=2")]
    [InlineData("?x=1&pageNumber=12&y=2", "/tags/go?pageNumber=12")]
    [InlineData("?PAGENUMBER=3", "/tags/go?pageNumber=3")]
    [InlineData("?page%4Eumber=%34", "/tags/go?pageNumber=4")]
    [InlineData("?pageNumber=2147483647", "/tags/go?pageNumber=2147483647")]
    public void Of_KeepsOnlyTheDeclaredValues_InTheirCanonicalForm(string query, string key) =>
        Assert.Equal(key, KeyOf(query));

    [Theory]
    [InlineData("?pageNumber=abc")]
    [InlineData("?pageNumber=-1")]
    [InlineData("?pageNumber=0")]
    [InlineData("?pageNumber=007")]
    [InlineData("?pageNumber=+7")]
    [InlineData("?pageNumber=%207")]
    [InlineData("?pageNumber=7.0")]
    [InlineData("?pageNumber=")]
    [InlineData("?pageNumber")]
    [InlineData("?pageNumber=2147483648")]
    [InlineData("?pageNumber=99999999999999999999")]
    [InlineData("?pageNumber=2&pageNumber=2")]
    [InlineData("?pageNumber=2&PageNumber=3")]
    [InlineData("?handler=Other")]
    [InlineData("?HANDLER=")]
    public void Of_AMalformedValueOrAHandler_HasNoKey(string query) => Assert.Null(KeyOf(query));

    [Fact]
    public void Of_WritesDeclaredValuesInDeclaredOrder_WhateverTheQueryOrder()
    {
        var page = new ReaderPageAttribute("a", "b");

        Assert.Equal("/x?a=1&b=2", KeyOf("?b=2&z=9&a=1", page, "/x"));
        Assert.Equal("/x?b=2", KeyOf("?b=2", page, "/x"));
    }

    [Fact]
    public void Of_ALongPath_IsKeptWhole()
    {
        var path = "/" + new string('p', 5_000);

        Assert.Equal(path + "?pageNumber=9", KeyOf("?pageNumber=9", path: path));
    }

    [Fact]
    public void Of_WithOrigin_StartsWithSchemeAndHost()
    {
        var request = ReaderPageCacheTests.Request("Blog.Test:8080", "/", "?pageNumber=2");

        Assert.Equal("http://Blog.Test:8080/?pageNumber=2", ReaderPageCacheKey.Of(request, "/", Paged, withOrigin: true));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("42", 42)]
    [InlineData("2147483647", int.MaxValue)]
    public void TryParseNumber_CanonicalPositiveNumbers(string text, int number)
    {
        Assert.True(ReaderQueryAttribute.TryParseNumber(text, out var parsed));
        Assert.Equal(number, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("01")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1e3")]
    [InlineData("١")]
    [InlineData("2147483648")]
    public void TryParseNumber_AnythingElse_IsRefused(string text) => Assert.False(ReaderQueryAttribute.TryParseNumber(text, out _));

    /// <summary>The cache keys on what the attribute declares; the page reads what its handler binds: they must be the same names.</summary>
    [Fact]
    public void EveryReaderPage_DeclaresExactlyTheQueryValuesItsHandlersBind()
    {
        var pages = typeof(ReaderPageAttribute).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(PageModel)) && type.GetCustomAttribute<ReaderPageAttribute>() is not null)
            .ToList();

        Assert.True(pages.Count >= 6, string.Join(", ", pages));
        foreach (var page in pages)
        {
            var declared = page.GetCustomAttribute<ReaderPageAttribute>()!.Query.Order(StringComparer.Ordinal);
            var handlers = page.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(method => method.Name.StartsWith("OnGet", StringComparison.Ordinal))
                .ToList();
            Assert.NotEmpty(handlers);
            foreach (var handler in handlers)
            {
                var parameters = handler.GetParameters();
                var bound = parameters.Where(p => p.GetCustomAttribute<ReaderQueryAttribute>() is not null).Select(p => p.Name!).Order(StringComparer.Ordinal);
                Assert.Equal(declared, bound);

                // Anything else a handler takes comes from the route or is the cancellation token, never the query.
                Assert.All(parameters.Where(p => p.GetCustomAttribute<ReaderQueryAttribute>() is null),
                    p => Assert.True(p.ParameterType == typeof(CancellationToken) || p.Name == "slug" || p.GetCustomAttribute<FromRouteAttribute>() is not null,
                        $"{page.Name}.{handler.Name}({p.Name})"));
            }
        }
    }
}
