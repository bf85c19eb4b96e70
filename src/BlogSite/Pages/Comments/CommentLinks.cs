using BlogSite.Web;

namespace BlogSite.Pages.Comments;

/// <summary>
/// The addresses every comment of a page links to, each made once for the page: the reply link (the form's place
/// on the article page) and the report form's action. <see cref="EmbedToken"/> says whether the report forms carry
/// the form token themselves or get it from the page's script (a cached page holds none).
/// </summary>
public sealed record CommentLinks(AddressTemplate Reply, AddressTemplate Report, bool EmbedToken);
