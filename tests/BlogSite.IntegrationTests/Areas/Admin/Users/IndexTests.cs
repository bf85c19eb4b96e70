using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BlogSite.Accounts;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Areas.Admin.Users;

public sealed class IndexTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    private async Task<string> AddUserAsync(string role)
    {
        var email = $"listed-{Guid.NewGuid():N}@blogsite.test";
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<UserCommands>().AddAsync(email, email[..20], AdminData.Password, [role]));
        return email;
    }

    private Task<IList<string>> RolesOfAsync(string email) => WithUsersAsync(async users =>
        await users.GetRolesAsync((await users.FindByEmailAsync(email))!));

    private async Task<T> WithUsersAsync<T>(Func<UserManager<BlogUser>, Task<T>> use)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<UserManager<BlogUser>>());
    }

    private static IHtmlFormElement RoleForm(IDocument page, string userId) =>
        (IHtmlFormElement)page.QuerySelector($"form.role-form input[name='userId'][value='{userId}']")!.Closest("form")!;

    [Fact]
    public async Task Users_AsAdmin_ListsNameEmailRolesAndLockout()
    {
        var email = await AddUserAsync(Roles.Moderator);
        await WithUsersAsync(async users => await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.UtcNow.AddHours(1)));
        var (client, _) = await AdminData.SignInAsync(factory, Roles.Admin);

        var page = await BlogFactory.ParseAsync(await client.GetAsync("/admin/users"));

        var row = page.QuerySelectorAll(".users-table tbody tr").Single(r => r.QuerySelector(".users-table__email")!.TextContent.Trim() == email);
        Assert.Equal(email[..20], row.QuerySelector(".users-table__name")!.TextContent.Trim());
        var ticked = row.QuerySelectorAll("input[name='roles']").OfType<IHtmlInputElement>().Where(i => i.IsChecked).Select(i => i.Value);
        Assert.Equal([Roles.Moderator], ticked);
        Assert.Contains("Locked out", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddUser_Valid_CreatesUserWithRoles_WhoCanSignIn()
    {
        var email = $"new-{Guid.NewGuid():N}@blogsite.test";
        var (client, _) = await AdminData.SignInAsync(factory, Roles.Admin);
        var page = await BlogFactory.ParseAsync(await client.GetAsync("/admin/users"));
        var form = (IHtmlFormElement)page.QuerySelector("form[action*='handler=Add']")!;
        ((IHtmlInputElement)form.QuerySelector("input[name='NewUser.Roles'][value='Author']")!).IsChecked = true;
        ((IHtmlInputElement)form.QuerySelector("input[name='NewUser.Roles'][value='Moderator']")!).IsChecked = true;

        var response = await Forms.PostAsync(client, form, new Dictionary<string, string>
        {
            ["NewUser.Email"] = email,
            ["NewUser.DisplayName"] = "Nora Newcomer " + Guid.NewGuid().ToString("N")[..6],
            ["NewUser.Password"] = AdminData.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Roles.Author, Roles.Moderator], (await RolesOfAsync(email)).Order());
        var after = await BlogFactory.ParseAsync(await client.GetAsync(response.Headers.Location));
        Assert.Contains(email, after.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(after.QuerySelectorAll(".users-table__email"), e => e.TextContent.Trim() == email);

        var login = await Forms.SubmitAsync(factory.CreateReaderClient(), "/account/login", "main form",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = AdminData.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task AddUser_BadEmailShortPasswordUnknownRole_Returns422WithMessages_AndCreatesNothing()
    {
        var (client, _) = await AdminData.SignInAsync(factory, Roles.Admin);
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());

        var response = await Forms.SubmitAsync(client, "/admin/users", "form[action*='handler=Add']", new Dictionary<string, string>
        {
            ["NewUser.Email"] = "not-an-email",
            ["NewUser.DisplayName"] = "Bad Input",
            ["NewUser.Password"] = "short",
            ["NewUser.Roles"] = "Overlord",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Contains("valid email address", Forms.DescriptionOfInvalid(page, "NewUser.Email"), StringComparison.Ordinal);
        Assert.Contains("at least 12 characters", Forms.DescriptionOfInvalid(page, "NewUser.Password"), StringComparison.Ordinal);
        Assert.Contains("Unknown role Overlord", page.QuerySelector("#new-roles-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("not-an-email", ((IHtmlInputElement)page.QuerySelector("input[name='NewUser.Email']")!).Value);
        Assert.Equal("", ((IHtmlInputElement)page.QuerySelector("input[name='NewUser.Password']")!).Value);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task AddUser_NoRole_Returns422()
    {
        var (client, _) = await AdminData.SignInAsync(factory, Roles.Admin);
        var email = $"norole-{Guid.NewGuid():N}@blogsite.test";

        var response = await Forms.SubmitAsync(client, "/admin/users", "form[action*='handler=Add']", new Dictionary<string, string>
        {
            ["NewUser.Email"] = email,
            ["NewUser.Password"] = AdminData.Password,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("at least one role", (await BlogFactory.ParseAsync(response)).QuerySelector("#new-roles-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await WithUsersAsync(users => users.FindByEmailAsync(email)));
    }

    [Theory]
    [InlineData("duplicate", "is already taken")]
    [InlineData("weak", "lowercase")]
    public async Task AddUser_RefusedByIdentity_Returns422InSummary_AndCreatesNothing(string problem, string message)
    {
        var existing = await AddUserAsync(Roles.Author);
        var email = problem == "duplicate" ? existing : $"weak-{Guid.NewGuid():N}@blogsite.test";
        var (client, _) = await AdminData.SignInAsync(factory, Roles.Admin);
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());

        var response = await Forms.SubmitAsync(client, "/admin/users", "form[action*='handler=Add']", new Dictionary<string, string>
        {
            ["NewUser.Email"] = email,
            ["NewUser.DisplayName"] = "Refused " + Guid.NewGuid().ToString("N")[..8],
            ["NewUser.Password"] = problem == "weak" ? "ALL-UPPER-CASE-9" : AdminData.Password,
            ["NewUser.Roles"] = Roles.Author,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, (await BlogFactory.ParseAsync(response)).QuerySelector(".form__errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task EditRoles_ForAnotherUser_SavesExactlyTheTickedRoles()
    {
        var email = await AddUserAsync(Roles.Author);
        var id = await WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.Id);
        var (client, _) = await AdminData.SignInAsync(factory, Roles.Admin);
        var form = RoleForm(await BlogFactory.ParseAsync(await client.GetAsync("/admin/users")), id);
        foreach (var box in form.QuerySelectorAll("input[name='roles']").OfType<IHtmlInputElement>())
        {
            box.IsChecked = box.Value is Roles.Moderator or Roles.Admin;
        }

        var response = await Forms.PostAsync(client, form, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Roles.Admin, Roles.Moderator], (await RolesOfAsync(email)).Order());
        var after = await BlogFactory.ParseAsync(await client.GetAsync(response.Headers.Location));
        Assert.Equal("Roles saved.", after.QuerySelector(".notice")!.TextContent.Trim());
    }

    [Fact]
    public async Task EditRoles_RemovingOwnAdminRole_Returns422AndKeepsIt()
    {
        var (client, name) = await AdminData.SignInAsync(factory, Roles.Admin);
        var email = name + "@blogsite.test";
        var id = await WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.Id);
        var form = RoleForm(await BlogFactory.ParseAsync(await client.GetAsync("/admin/users")), id);
        foreach (var box in form.QuerySelectorAll("input[name='roles']").OfType<IHtmlInputElement>())
        {
            box.IsChecked = box.Value == Roles.Author;
        }

        var response = await Forms.PostAsync(client, form, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Contains("own account", RoleForm(page, id).QuerySelector(".field__error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([Roles.Admin], await RolesOfAsync(email));
    }

    [Fact]
    public async Task EditRoles_UnknownRole_Returns422AndChangesNothing()
    {
        var email = await AddUserAsync(Roles.Author);
        var id = await WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.Id);
        var (client, _) = await AdminData.SignInAsync(factory, Roles.Admin);
        var form = RoleForm(await BlogFactory.ParseAsync(await client.GetAsync("/admin/users")), id);

        var response = await Forms.PostAsync(client, form, new Dictionary<string, string> { ["roles"] = "Overlord" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Unknown role Overlord", (await BlogFactory.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal([Roles.Author], await RolesOfAsync(email));
    }
    private static IHtmlFormElement? SignInForm(IDocument page, string userId) =>
        page.QuerySelectorAll("form.sign-in-form input[name='userId']").Where(i => i.GetAttribute("value") == userId)
            .Select(i => i.Closest("form")).OfType<IHtmlFormElement>().SingleOrDefault();

    [Fact]
    public async Task Disable_AnotherUser_ShowsDisabledAndAnEnableButton_ThenEnables()
    {
        var email = await AddUserAsync(Roles.Author);
        var id = await WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.Id);
        var (client, _) = await AdminData.SignInAsync(factory, Roles.Admin);

        var disable = SignInForm(await BlogFactory.ParseAsync(await client.GetAsync("/admin/users")), id)!;
        Assert.Contains("handler=Disable", disable.Action, StringComparison.Ordinal);
        var response = await Forms.PostAsync(client, disable, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.IsDisabled));
        var page = await BlogFactory.ParseAsync(await client.GetAsync("/admin/users"));
        var row = page.QuerySelectorAll(".users-table tbody tr").Single(r => r.QuerySelector(".users-table__email")!.TextContent.Trim() == email);
        Assert.Contains("Disabled", row.QuerySelector(".users-table__sign-in")!.TextContent, StringComparison.Ordinal);
        var enable = SignInForm(page, id)!;
        Assert.Contains("handler=Enable", enable.Action, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, enable, new Dictionary<string, string>())).StatusCode);
        Assert.False(await WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.IsDisabled));
    }

    [Fact]
    public async Task Disable_Self_HasNoButton_AndAPostIs422()
    {
        var (client, name) = await AdminData.SignInAsync(factory, Roles.Admin);
        var id = await WithUsersAsync(async users => (await users.FindByEmailAsync(name + "@blogsite.test"))!.Id);
        var other = await AddUserAsync(Roles.Author);
        var otherId = await WithUsersAsync(async users => (await users.FindByEmailAsync(other))!.Id);
        var page = await BlogFactory.ParseAsync(await client.GetAsync("/admin/users"));
        Assert.Null(SignInForm(page, id));

        // Another row's form carries a valid token; only the user it names differs.
        var response = await Forms.PostAsync(client, SignInForm(page, otherId)!, new Dictionary<string, string> { ["userId"] = id });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("your own account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await WithUsersAsync(async users => (await users.FindByIdAsync(id))!.IsDisabled));
    }

    [Fact]
    public async Task Disable_TheLastAdminWhoCanSignIn_IsRefused()
    {
        using var alone = new BlogFactory();
        var (client, name) = await AdminData.SignInAsync(alone, Roles.Admin);
        await using var scope = alone.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<UserCommands>();
        var actor = (await commands.IdOfAsync(name + "@blogsite.test"))!;
        // A second admin, disabled, doesn't count.
        var gone = $"gone-{Guid.NewGuid():N}@blogsite.test";
        Assert.Empty(await commands.AddAsync(gone, gone[..20], AdminData.Password, [Roles.Admin]));
        Assert.Empty(await commands.DisableAsync((await commands.IdOfAsync(gone))!, actor));

        var errors = await commands.DisableAsync(actor, actorId: null);

        Assert.Contains("last admin", Assert.Single(errors), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
    }
}
