namespace BlogSite.Domain;

public enum ArticleStatus
{
    Draft = 0,
    Published = 1,
}
