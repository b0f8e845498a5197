using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FleetPool.Browser.Tests.Deployment;

/// <summary>A self-signed certificate for 127.0.0.1 and localhost, made for one run and written as PEM for nginx.</summary>
public sealed class TlsCertificate
{
    private TlsCertificate(string certPath, string keyPath, string thumbprint) => (CertPath, KeyPath, Thumbprint) = (certPath, keyPath, thumbprint);

    /// <summary>The certificate (PEM): nginx's ssl_certificate, and the trust store of the app instances (SSL_CERT_FILE).</summary>
    public string CertPath { get; }

    /// <summary>The private key (PEM): nginx's ssl_certificate_key.</summary>
    public string KeyPath { get; }

    /// <summary>The certificate's thumbprint, which test clients trust and nothing else.</summary>
    public string Thumbprint { get; }

    /// <summary>Creates the certificate and writes it into <paramref name="folder"/>.</summary>
    public static TlsCertificate Create(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        // A CA of itself, so OpenSSL-based clients (the app instances' back-channel) accept it as their only root.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        var certPath = Path.Combine(folder, "tls.crt");
        var keyPath = Path.Combine(folder, "tls.key");
        File.WriteAllText(certPath, certificate.ExportCertificatePem() + "\n");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        return new TlsCertificate(certPath, keyPath, certificate.Thumbprint);
    }

    /// <summary>An HTTP client for the proxy that trusts this certificate only; redirects are not followed.</summary>
    public HttpClient Client(string baseUrl, bool followRedirects = false) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = followRedirects,
            UseCookies = false,
            MaxConnectionsPerServer = 64,
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == Thumbprint },
        })
        { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
}
