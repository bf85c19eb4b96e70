using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Data;

/// <summary>Categories and tags by name, for the content sync and the editor alike.</summary>
public static class TaxonomyExtensions
{
    /// <summary>The category whose slug the name makes, from this unit of work, the store, or new.</summary>
    public static async Task<Category> FindOrAddCategoryAsync(this BlogDbContext db, string name, CancellationToken ct)
    {
        var slug = Slug.From(name);
        return db.Categories.Local.FirstOrDefault(c => c.Slug == slug)
            ?? await db.Categories.FirstOrDefaultAsync(c => c.Slug == slug, ct)
            ?? db.Categories.Add(new Category { Slug = slug, Name = name }).Entity;
    }

    /// <summary>The tags the names make, in order; new ones are added to this unit of work.</summary>
    public static async Task<List<Tag>> FindOrAddTagsAsync(this BlogDbContext db, IEnumerable<string> names, CancellationToken ct)
    {
        var tags = new List<Tag>();
        foreach (var name in names)
        {
            var slug = Slug.From(name);
            tags.Add(db.Tags.Local.FirstOrDefault(t => t.Slug == slug)
                ?? await db.Tags.FirstOrDefaultAsync(t => t.Slug == slug, ct)
                ?? db.Tags.Add(new Tag { Slug = slug, Name = name }).Entity);
        }

        return tags;
    }
}
