using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Audit;

/// <summary>
/// The hub's key for sealing the exchange log (ECDSA P-256). It comes from configuration, never the
/// database the log is in, so that whoever can rewrite the log cannot also make its seals. In the
/// sandbox a key is made for the process when none is given.
/// </summary>
public sealed class SealKey : IDisposable
{
    private readonly ECDsa _key;

    public SealKey(IOptions<AuditOptions> options, ILogger<SealKey> logger)
    {
        _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (options.Value.SealKey is { Length: > 0 } pem)
        {
            _key.ImportFromPem(pem);
        }
        else
        {
            // Only in the sandbox: elsewhere the start-up check (SampleSecrets) requires the key.
            logger.LogWarning("No {Setting}: the exchange log is sealed with a key made for this process only", $"{AuditOptions.SectionName}:SealKey");
        }
        Id = Convert.ToHexStringLower(SHA256.HashData(_key.ExportSubjectPublicKeyInfo()))[..16];
    }

    /// <summary>The first 16 hex digits of the SHA-256 of the public key: which key made a seal.</summary>
    public string Id { get; }

    public string Sign(string text) => Convert.ToBase64String(_key.SignData(System.Text.Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256));

    public bool Verify(string text, string signature)
    {
        try
        {
            return _key.VerifyData(System.Text.Encoding.UTF8.GetBytes(text), Convert.FromBase64String(signature), HashAlgorithmName.SHA256);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>What a seal signs: the position and hash of the chain's head.</summary>
    public static string Sealed(long position, string hash) => $"{position}|{hash}";

    public void Dispose() => _key.Dispose();
}
