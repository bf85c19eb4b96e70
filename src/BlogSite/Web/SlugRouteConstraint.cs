using BlogSite.Domain;

namespace BlogSite.Web;

/// <summary>{slug:slug} matches only well-formed slugs, so /articles/Foo and /articles/foo are not two pages.</summary>
public sealed class SlugRouteConstraint : IRouteConstraint
{
    public const string Name = "slug";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && Slug.IsValid(value as string);
}
