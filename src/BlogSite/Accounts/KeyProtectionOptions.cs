namespace BlogSite.Accounts;

/// <summary>
/// How the data-protection keys (which sign sign-in cookies, antiforgery tokens and the sealed reader cookie)
/// are kept in the store: encrypted with a certificate when one is given, else as plain XML.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PFX/PKCS#12 file with a private key; relative paths are under the content root.</summary>
    public string? CertificatePath { get; init; }

    /// <summary>The PFX file's password, when it has one (better from an environment variable than from appsettings).</summary>
    public string? CertificatePassword { get; init; }
}
