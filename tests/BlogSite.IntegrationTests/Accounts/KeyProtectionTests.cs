using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Accounts;

public sealed class KeyProtectionTests
{
    [Fact]
    public async Task Keys_WithACertificate_AreEncryptedInTheStore_AndSignInStillWorks()
    {
        var folder = Directory.CreateTempSubdirectory("blogsite-cert-").FullName;
        try
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=BlogSite keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var path = Path.Combine(folder, "keys.pfx");
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "pfx-secret"));
            using var factory = new BlogFactory();
            factory.Settings["DataProtection:CertificatePath"] = path;
            factory.Settings["DataProtection:CertificatePassword"] = "pfx-secret";

            var staff = await factory.SignedInClientAsync(Roles.Admin);

            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/admin/articles")).StatusCode);
            var keys = await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<encryptedSecret decryptorType=\"Microsoft.AspNetCore.DataProtection.XmlEncryption.EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
                Assert.Contains(Convert.ToBase64String(certificate.RawData), xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Keys_WithoutACertificate_AreKeptPlain_AsConfigured()
    {
        using var factory = new BlogFactory();

        var staff = await factory.SignedInClientAsync(Roles.Admin);

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/admin/articles")).StatusCode);
        var xml = Assert.Single(await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync()));
        Assert.Contains("NullXmlDecryptor", xml, StringComparison.Ordinal);
    }
}
