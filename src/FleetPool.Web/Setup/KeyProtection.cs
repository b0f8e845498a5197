using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FleetPool.Core.Data;
using Microsoft.AspNetCore.DataProtection;

namespace FleetPool.Web.Setup;

/// <summary>Settings section <c>DataProtection</c>: the certificate that encrypts the cookie and token keys at rest.</summary>
public sealed class KeyProtectionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with a private key, relative to the app's folder or absolute. Required outside Development.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx file's password (from an environment variable or a secret store, never a committed file).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Earlier certificates, kept after a rotation so keys they encrypted can still be read.</summary>
    public string[] PreviousCertificatePaths { get; set; } = [];

    /// <summary>Create a self-signed certificate at <see cref="CertificatePath"/> when the file is missing (Development, tests).</summary>
    public bool GenerateIfMissing { get; set; }
}

/// <summary>
/// The keys that sign cookies and tokens live in the app database (every instance shares them) and are encrypted there with
/// a certificate that is not in the database, so a copy of the database or a backup cannot forge a sign-in. Production
/// refuses to start without one; Development generates <c>App_Data/dataprotection.pfx</c>, the tests one per process.
/// </summary>
public static class KeyProtection
{
    private static readonly Lazy<X509Certificate2> ForTests = new(() => Create());

    /// <summary>Registers data protection with keys in the database, encrypted with the configured certificate.</summary>
    public static IServiceCollection AddFleetPoolKeyProtection(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var o = config.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new();
        var certificate = o.CertificatePath is { Length: > 0 } ? Load(env, o.CertificatePath, o.CertificatePassword, o.GenerateIfMissing)
            : env.IsEnvironment("Testing") ? ForTests.Value
            : env.IsDevelopment() ? Load(env, Path.Combine("App_Data", "dataprotection.pfx"), null, generate: true)
            : throw new InvalidOperationException(
                "Set DataProtection:CertificatePath (and DataProtection:CertificatePassword) to a .pfx certificate: it encrypts the sign-in keys stored in the database.");
        var previous = o.PreviousCertificatePaths.Select(p => Load(env, p, o.CertificatePassword, false));
        services.AddDataProtection().SetApplicationName("FleetPool").PersistKeysToDbContext<FleetPoolDb>()
            .ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate([certificate, .. previous]);
        return services;
    }

    private static X509Certificate2 Load(IHostEnvironment env, string path, string? password, bool generate)
    {
        var full = Path.Combine(env.ContentRootPath, path);
        if (!File.Exists(full) && generate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var temp = $"{full}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temp, Create().Export(X509ContentType.Pfx, password));
            try
            {
                File.Move(temp, full, overwrite: false); // two processes starting together: the first file wins
            }
            catch (IOException) when (File.Exists(full))
            {
                File.Delete(temp);
            }
        }
        return File.Exists(full)
            ? X509CertificateLoader.LoadPkcs12FromFile(full, password, X509KeyStorageFlags.EphemeralKeySet)
            : throw new InvalidOperationException($"DataProtection: no certificate file at {full}.");
    }

    private static X509Certificate2 Create()
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=FleetPool data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
    }
}
