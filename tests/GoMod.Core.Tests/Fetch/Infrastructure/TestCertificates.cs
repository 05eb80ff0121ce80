using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GoMod.Core.Tests.Fetch.Infrastructure;

/// <summary>Self-signed certificates for https test proxies on 127.0.0.1.</summary>
public static class TestCertificates
{
    private static readonly Lazy<X509Certificate2> LoopbackCertificate = new(() => Create("127.0.0.1"));
    private static readonly Lazy<X509Certificate2> OtherCertificate = new(() => Create("127.0.0.1"));

    /// <summary>A certificate for 127.0.0.1 that the tests tell the downloader to trust.</summary>
    public static X509Certificate2 Loopback => LoopbackCertificate.Value;

    /// <summary>Another certificate for 127.0.0.1 that nobody trusts.</summary>
    public static X509Certificate2 Untrusted => OtherCertificate.Value;

    private static X509Certificate2 Create(string ip)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=GoMod.Sdk test proxy", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Parse(ip));
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }
}
