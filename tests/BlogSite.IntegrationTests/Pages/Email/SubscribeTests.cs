using System.Net;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using static BlogSite.IntegrationTests.Subscriptions.ReaderMail;

namespace BlogSite.IntegrationTests.Pages.Email;

/// <summary>"Get new articles by e-mail" and the confirmation gate every address passes (Pages/Email/Subscribe).</summary>
public sealed class SubscribeTests
{
    [Fact]
    public async Task Subscribe_OnTheHomePage_SendsOnlyTheConfirmation_UntilItIsUsed()
    {
        using var site = await SiteAsync();
        var author = await AuthorAsync(site);
        var reader = await ReaderAsync(site);

        var response = await SubscribeAsync(reader, "ann@blogsite.test");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/email/subscribe?asked=true", response.Headers.Location!.PathAndQuery());
        var page = await BlogFactory.ParseAsync(await reader.GetAsync(response.Headers.Location!.PathAndQuery()));
        Assert.Equal("Check your inbox", page.QuerySelector("h1")!.TextContent);
        var confirmation = await site.Smtp.SingleForAsync("ann@blogsite.test");
        Assert.Equal("Please confirm your e-mail address", confirmation.Message.Subject);
        Assert.Contains("new articles by e-mail, each article as it is published", confirmation.Text, StringComparison.Ordinal);
        Assert.Contains(ConfirmLink(confirmation), confirmation.Text, StringComparison.Ordinal);

        await PublishAsync(author, "Published before the confirmation");
        await SettleAsync(site);
        Assert.Single(To(site.Smtp, "ann@blogsite.test"));

        var confirmed = await BlogFactory.ParseAsync(await ConfirmAsync(reader, ConfirmLink(confirmation)));
        Assert.Equal("Your address is confirmed", confirmed.QuerySelector("h1")!.TextContent);
        Assert.Contains("New articles: each article as it is published.", confirmed.QuerySelector(".confirm-page__list")!.TextContent, StringComparison.Ordinal);
        var slug = await PublishAsync(author, "Published after the confirmation");
        await SettleAsync(site);

        var messages = To(site.Smtp, "ann@blogsite.test");
        Assert.Equal(2, messages.Count);
        Assert.Equal("New: Published after the confirmation", messages[1].Message.Subject);
        Assert.Contains($"http://localhost/articles/{slug}", messages[1].Links);
    }

    [Fact]
    public async Task StrangersAddress_TypedAgainAndAgain_GetsOneConfirmationAWindow_AndIsForgottenUnconfirmed()
    {
        using var site = await SiteAsync();
        var prankster = await ReaderAsync(site);

        await SubscribeAsync(prankster, "stranger@blogsite.test");
        await SubscribeAsync(prankster, "Stranger@BlogSite.test", ArticleFrequency.Daily, path: $"/articles/{ArticleSlug}");
        await CommentAsync(site, prankster, "Not the stranger", "A comment that asks for replies.", "stranger@blogsite.test", notify: true);
        await SettleAsync(site);

        Assert.Single(To(site.Smtp, "stranger@blogsite.test"));
        Assert.Equal(1, await site.WithDbAsync(db => db.ReaderAddresses.CountAsync()));

        site.Clock.Advance(TimeSpan.FromHours(24));
        await SubscribeAsync(prankster, "stranger@blogsite.test");
        await SettleAsync(site);
        Assert.Equal(2, To(site.Smtp, "stranger@blogsite.test").Count);

        site.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await SettleAsync(site);
        Assert.Equal(0, await site.WithDbAsync(db => db.ReaderAddresses.CountAsync()));
        Assert.Equal(0, await site.WithDbAsync(db => db.ReplySubscriptions.CountAsync()));
        Assert.Equal(0, await site.WithDbAsync(db => db.ArticleSubscriptions.CountAsync()));
    }

    [Fact]
    public async Task OneNetwork_TypingManyAddresses_IsRefusedPastItsShare_WithNothingStored()
    {
        using var site = await SiteAsync(settings: ("Email:Readers:ConfirmationsPerRequester", "2"));
        var client = await ReaderAsync(site, peer: "203.0.113.9");
        await SubscribeAsync(client, "one@blogsite.test");
        await SubscribeAsync(client, "two@blogsite.test");

        var refused = await SubscribeAsync(client, "three@blogsite.test");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var page = await BlogFactory.ParseAsync(refused);
        Assert.Contains("Confirmation messages have been sent to 2 addresses from your network", page.QuerySelector(".subscribe .form__errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("three@blogsite.test", page.QuerySelector("#subscribe-email")!.GetAttribute("value"));
        await SettleAsync(site);
        Assert.Empty(To(site.Smtp, "three@blogsite.test"));
        Assert.False(await site.WithDbAsync(db => db.ReaderAddresses.AnyAsync(a => a.Email == "three@blogsite.test")));

        // Another network is not held to this one's count.
        var elsewhere = await ReaderAsync(site, peer: "198.51.100.4");
        Assert.Equal(HttpStatusCode.Redirect, (await SubscribeAsync(elsewhere, "three@blogsite.test")).StatusCode);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("Ann <ann@blogsite.test>")]
    [InlineData("")]
    public async Task NotAnAddress_Is422_WithTheFormAndWhatWasTyped_AndNothingStored(string typed)
    {
        using var site = await SiteAsync();
        var client = await ReaderAsync(site);

        var response = await SubscribeAsync(client, typed);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Contains("doesn't look like an e-mail address", Forms.DescriptionOfInvalid(page, "Input.Email"), StringComparison.Ordinal);
        Assert.Equal(typed, page.QuerySelector("#subscribe-email")!.GetAttribute("value") ?? "");
        Assert.False(await site.WithDbAsync(db => db.ReaderAddresses.AnyAsync()));
    }

    [Fact]
    public async Task ConfirmedAddress_AskingAgain_GetsTheSameAnswer_NoMessage_AndKeepsItsChoice()
    {
        using var site = await SiteAsync();
        await SubscribeConfirmedAsync(site, "kept@blogsite.test", ArticleFrequency.Weekly);
        var someoneElse = await ReaderAsync(site);

        var response = await SubscribeAsync(someoneElse, "kept@blogsite.test", ArticleFrequency.EachArticle);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/email/subscribe?asked=true", response.Headers.Location!.PathAndQuery());
        await SettleAsync(site);
        Assert.Single(To(site.Smtp, "kept@blogsite.test"));
        Assert.Equal(ArticleFrequency.Weekly, await site.WithDbAsync(db => db.ArticleSubscriptions.Select(s => s.Frequency).SingleAsync()));
    }

    [Fact]
    public async Task PostWithoutAFormToken_Is400_WithTheFormHoldingOne()
    {
        using var site = await SiteAsync();
        var client = site.CreateReaderClient();

        var response = await client.PostAsync("/email/subscribe", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "late@blogsite.test",
            ["Input.Frequency"] = "Daily",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Contains("press Subscribe again", page.QuerySelector(".form__errors")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelector("form.subscribe input[name='__RequestVerificationToken']")!.GetAttribute("value")!);
        Assert.Equal("late@blogsite.test", page.QuerySelector("#subscribe-email")!.GetAttribute("value"));
        Assert.False(await site.WithDbAsync(db => db.ReaderAddresses.AnyAsync()));
    }

    [Fact]
    public async Task ConfirmationLink_OpenedByAScanner_ConfirmsNothing_AndAnInventedOneIs404()
    {
        using var site = await SiteAsync();
        await SubscribeAsync(await ReaderAsync(site), "scanned@blogsite.test");
        var link = ConfirmLink(await site.Smtp.SingleForAsync("scanned@blogsite.test"));

        var asked = await site.CreateReaderClient().GetAsync(new Uri(link).PathAndQuery);
        var invented = await site.CreateReaderClient().GetAsync("/email/confirm?token=" + new string('a', 32));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal("Confirm your address", (await BlogFactory.ParseAsync(asked)).QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("scanned@", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await site.WithDbAsync(db => db.ReaderAddresses.AnyAsync(a => a.ConfirmedAt != null)));
        Assert.Equal(HttpStatusCode.NotFound, invented.StatusCode);
        Assert.Equal("This link doesn't work", (await BlogFactory.ParseAsync(invented)).QuerySelector("h1")!.TextContent);
    }
}
