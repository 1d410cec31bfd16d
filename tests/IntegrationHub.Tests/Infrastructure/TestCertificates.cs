using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>A certificate authority made at run time, and the server and client certificates it issues.</summary>
public sealed class TestCertificates : IDisposable
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    public TestCertificates(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=Integration hub tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddYears(1));
    }

    public X509Certificate2 Authority { get; }

    public string AuthorityPem => Authority.ExportCertificatePem();

    /// <summary>For the hub's TLS endpoint on loopback.</summary>
    public X509Certificate2 Server() => Issue("CN=127.0.0.1", ServerAuthentication, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), loopback: true);

    public X509Certificate2 Client(string subject, DateTimeOffset? notAfter = null) =>
        Issue(subject, ClientAuthentication, DateTimeOffset.UtcNow.AddDays(-2), notAfter ?? DateTimeOffset.UtcNow.AddDays(30), loopback: false);

    /// <summary>
    /// The server certificate as a PKCS#12 file Kestrel can load, alone in a folder of its own: Kestrel
    /// watches the certificate's folder and everything under it for renewals, which in /tmp itself means
    /// every test's scratch files. The folder is removed when the test process ends.
    /// </summary>
    public string ServerPfx(string password)
    {
        var folder = Directory.CreateTempSubdirectory("hub-tls-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var path = Path.Combine(folder, "server.pfx");
        using var server = Server();
        File.WriteAllBytes(path, server.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    public void Dispose() => Authority.Dispose();

    private X509Certificate2 Issue(string subject, Oid usage, DateTimeOffset notBefore, DateTimeOffset notAfter, bool loopback)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        if (loopback)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }
        using var issued = request.Create(Authority, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));
        // Through PKCS#12, so that the private key is usable by TLS on every platform.
        return X509CertificateLoader.LoadPkcs12(issued.CopyWithPrivateKey(key).Export(X509ContentType.Pkcs12, ""), "");
    }
}
