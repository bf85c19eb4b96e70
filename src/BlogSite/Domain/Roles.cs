namespace BlogSite.Domain;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Author = "Author";
    public const string Moderator = "Moderator";

    public static readonly IReadOnlyList<string> All = [Admin, Author, Moderator];
}
