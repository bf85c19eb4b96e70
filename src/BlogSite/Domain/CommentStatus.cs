namespace BlogSite.Domain;

public enum CommentStatus
{
    Published = 0,
    Pending = 1,
    Hidden = 2,
    Spam = 3,
    Deleted = 4,
}
