namespace BlogSite.Domain;

/// <summary>
/// The secret that readers' addresses are hashed with during one period, shared by every instance through the
/// store so that their hashes agree across instances and restarts.
/// </summary>
public sealed class AddressSalt
{
    public const int Length = 32;

    /// <summary>Which period this salt is for: whole periods since the Unix epoch; one row a period.</summary>
    public long Period { get; set; }

    public required byte[] Salt { get; set; }
    public DateTime CreatedAt { get; set; }
}
