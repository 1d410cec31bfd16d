using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Audit;

/// <summary>What a seal's signature says about it.</summary>
public enum SealSignature
{
    Valid,
    /// <summary>Made by a key that is neither the hub's nor a declared retired one.</summary>
    UnknownKey,
    Invalid,
}

/// <summary>
/// The hub's key for sealing the exchange log (ECDSA P-256), and the public keys of the ones it had
/// before. Keys come from configuration, never the database the log is in, so that whoever can rewrite
/// the log cannot also make its seals. In the sandbox a key is made for the process when none is given.
/// </summary>
public sealed class SealKey : IDisposable
{
    private readonly ECDsa _key;
    private readonly Dictionary<string, ECDsa> _verifiers = new(StringComparer.Ordinal);

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
        Id = IdOf(_key);
        _verifiers[Id] = _key;
        foreach (var retired in options.Value.RetiredSealKeys)
        {
            var key = ECDsa.Create();
            key.ImportFromPem(retired);
            _verifiers.TryAdd(IdOf(key), key);
        }
    }

    /// <summary>The first 16 hex digits of the SHA-256 of the public key: which key made a seal.</summary>
    public string Id { get; }

    public string Sign(string text) => Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256));

    public SealSignature Verify(string keyId, string text, string signature)
    {
        if (!_verifiers.TryGetValue(keyId, out var key))
        {
            return SealSignature.UnknownKey;
        }
        try
        {
            return key.VerifyData(Encoding.UTF8.GetBytes(text), Convert.FromBase64String(signature), HashAlgorithmName.SHA256)
                ? SealSignature.Valid : SealSignature.Invalid;
        }
        catch (FormatException)
        {
            return SealSignature.Invalid;
        }
    }

    /// <summary>What a seal signs: the position and hash of the chain's head.</summary>
    public static string Sealed(long position, string hash) => $"{position}|{hash}";

    public void Dispose()
    {
        foreach (var key in _verifiers.Values.Distinct())
        {
            key.Dispose();
        }
    }

    private static string IdOf(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
}
