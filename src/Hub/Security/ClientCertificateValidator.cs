using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Security;

/// <summary>
/// Whether a client certificate may identify an agency system: issued (directly or through
/// intermediates it presents) by one of the authorities in <c>Hub:Access:ClientCertificateAuthorities</c>,
/// valid now, and meant for client authentication. Which client it is, is <see cref="AgencyDirectory"/>'s to say.
/// </summary>
/// <remarks>
/// Kestrel hands every request of a TLS connection the same certificate object, so the chain (about
/// 0.17 ms to build) is checked once per connection, at its first request, as TLS itself checks at the
/// handshake; it is not rebuilt for each of the thousands of calls an HTTP/2 connection may carry.
/// </remarks>
public sealed class ClientCertificateValidator
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private readonly X509Certificate2Collection _authorities = [];
    private readonly ConditionalWeakTable<X509Certificate2, Verdict> _verdicts = new();
    private readonly TimeProvider _clock;

    public ClientCertificateValidator(IOptions<AccessOptions> options, TimeProvider clock)
    {
        _clock = clock;
        foreach (var authority in options.Value.ClientCertificateAuthorities)
        {
            var pem = authority.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal) ? authority : File.ReadAllText(authority);
            _authorities.ImportFromPem(pem);
        }
    }

    /// <returns>Why the certificate is refused, or null when it is acceptable.</returns>
    public string? Problem(X509Certificate2 certificate)
    {
        if (!_verdicts.TryGetValue(certificate, out var verdict))
        {
            verdict = new Verdict(Check(certificate));
            _verdicts.AddOrUpdate(certificate, verdict);
        }
        return verdict.Problem;
    }

    private string? Check(X509Certificate2 certificate)
    {
        if (_authorities.Count == 0)
        {
            return "client certificates are not accepted: no authority is configured";
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _clock.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuthentication);
        if (chain.Build(certificate))
        {
            return null;
        }
        var statuses = chain.ChainStatus.Select(s => s.Status).ToHashSet();
        return statuses.Contains(X509ChainStatusFlags.NotTimeValid) ? $"the client certificate {certificate.Subject} has expired or is not yet valid"
            : statuses.Contains(X509ChainStatusFlags.NotValidForUsage) ? $"the client certificate {certificate.Subject} is not for client authentication"
            : $"the client certificate {certificate.Subject} is not issued by an authority the hub trusts";
    }

    private sealed record Verdict(string? Problem);

    /// <summary>Lower-case hex SHA-256 of the certificate: the thumbprint clients are registered by.</summary>
    public static string Sha256(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant();
}
