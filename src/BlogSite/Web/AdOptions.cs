using System.ComponentModel.DataAnnotations;

namespace BlogSite.Web;

/// <summary>The advertisement slots around an article body.</summary>
public sealed class AdOptions : IValidatableObject
{
    public const string SectionName = "Ads";

    public bool Enabled { get; init; } = true;

    [Required]
    public AdSlotOptions AboveBody { get; init; } = new();

    [Required]
    public AdSlotOptions BelowBody { get; init; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        foreach (var (name, slot) in new[] { (nameof(AboveBody), AboveBody), (nameof(BelowBody), BelowBody) })
        {
            var slotResults = new List<ValidationResult>();
            Validator.TryValidateObject(slot, new ValidationContext(slot), slotResults, validateAllProperties: true);
            results.AddRange(slotResults.Select(r => new ValidationResult($"{name}: {r.ErrorMessage}", [name])));
        }

        return results;
    }
}

public enum AdSize
{
    /// <summary>A wide strip, 90 px high.</summary>
    Banner,

    /// <summary>A 250 px high block.</summary>
    Rectangle,
}

/// <summary>
/// One slot. Its height is reserved by its size, so the page does not move when the creative loads.
/// With no creative configured the slot shows its label in the reserved space.
/// </summary>
public sealed class AdSlotOptions
{
    public bool Enabled { get; init; } = true;

    public AdSize Size { get; init; } = AdSize.Banner;

    [StringLength(80)]
    public string? Sponsor { get; init; }

    [StringLength(200)]
    public string? Text { get; init; }

    [Url]
    public string? Url { get; init; }
}
