using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Adapters.Exchanges;

/// <summary>The lower-case hex SHA-256 the exchange log keeps in place of a message.</summary>
public static class ExchangeDigest
{
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The digest of a head line (method and URI, or status) followed by the body.</summary>
    public static string Of(string head, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(head + "\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
