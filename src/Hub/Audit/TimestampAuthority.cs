using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Audit;

/// <summary>
/// An RFC 3161 time-stamping authority, as X-Road anchors its message log: it signs that a seal existed
/// at a time, so a seal cannot be made later and dated back, even by someone holding the hub's key.
/// </summary>
public sealed class TimestampAuthority(IHttpClientFactory clients, IOptions<AuditOptions> options)
{
    public const string ClientName = "timestamp-authority";

    // id-kp-timeStamping: the TSA's certificate must be issued for this.
    private const string TimeStampingUsage = "1.3.6.1.5.5.7.3.8";

    public bool Configured => options.Value.TimestampAuthorityUrl is not null;

    /// <returns>The timestamp token (DER) over <paramref name="data"/>.</returns>
    /// <exception cref="CryptographicException">The TSA's answer is not a valid timestamp for this request.</exception>
    public async Task<byte[]> StampAsync(byte[] data, CancellationToken cancellationToken)
    {
        var request = Rfc3161TimestampRequest.CreateFromData(data, HashAlgorithmName.SHA256, nonce: RandomNumberGenerator.GetBytes(8), requestSignerCertificates: true);
        using var content = new ByteArrayContent(request.Encode());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        using var http = clients.CreateClient(ClientName);
        using var response = await http.PostAsync(options.Value.TimestampAuthorityUrl, content, cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = request.ProcessResponse(await response.Content.ReadAsByteArrayAsync(cancellationToken), out _);
        return token.AsSignedCms().Encode();
    }

    /// <returns>Why the token does not prove that <paramref name="data"/> existed at <paramref name="at"/>; null when it does.</returns>
    public string? Problem(byte[] token, byte[] data, DateTimeOffset at)
    {
        if (!Rfc3161TimestampToken.TryDecode(token, out var decoded, out _))
        {
            return "its timestamp is not an RFC 3161 token";
        }
        if (!decoded.VerifySignatureForData(data, out var signer) || signer is null)
        {
            return "its timestamp is not over this seal or its signature does not verify";
        }
        var stamped = decoded.TokenInfo.Timestamp;
        if (!IssuedByTrustedAuthority(signer, stamped))
        {
            return $"its timestamp is signed by {signer.Subject}, not the configured time-stamping authority";
        }
        return (stamped - at).Duration() > options.Value.TimestampTolerance
            ? $"its timestamp says {stamped:u}, but the seal says it was made at {at:u}"
            : null;
    }

    private bool IssuedByTrustedAuthority(X509Certificate2 signer, DateTimeOffset stamped)
    {
        if (options.Value.TimestampAuthorityCertificate is not { Length: > 0 } pem)
        {
            return false;
        }
        using var trusted = X509Certificate2.CreateFromPem(pem);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        // A certificate that has expired since still vouches for what it stamped while valid.
        chain.ChainPolicy.VerificationTime = stamped.UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(TimeStampingUsage));
        return signer.Thumbprint == trusted.Thumbprint || chain.Build(signer);
    }
}
