using BlogSite.Areas.Admin.Pages.Articles;
using BlogSite.Areas.Admin.Pages.Comments;
using BlogSite.Areas.Admin.Pages.Users;

namespace BlogSite.Areas.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>The moderators' and admins' pages; their authorization is set up with the pages in AddBlogWeb.</summary>
    public static IServiceCollection AddBlogAdmin(this IServiceCollection services)
    {
        services.AddScoped<ModerationQueries>();
        services.AddScoped<ModerationCommands>();
        services.AddScoped<Pages.Email.EmailAdmin>();
        services.AddScoped<UserAdminCommands>();
        services.AddScoped<ArticleEditorQueries>();
        services.AddScoped<ArticleEditorCommands>();
        services.AddScoped<BlogSite.Export.SiteExporter>();
        return services;
    }
}
