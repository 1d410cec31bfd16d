using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Adapters.Payments.Vnpay;

/// <summary>
/// vnp_SecureHash as API 2.1.0 computes it: HMAC-SHA512 with the terminal's secret over the query string
/// itself: the non-empty vnp_ fields in ordinal order of their names, form-encoded (space as +,
/// upper-case %XX), joined with &amp;. Web API calls hash their fields pipe-joined in a fixed order instead.
/// </summary>
public static class VnpaySignature
{
    public const string HashField = "vnp_SecureHash";

    /// <summary>The signed query string, ending in <c>vnp_SecureHash</c>.</summary>
    public static string SignedQuery(IEnumerable<KeyValuePair<string, string>> fields, string secret)
    {
        var query = Canonical(fields);
        return $"{query}&{HashField}={Hash(query, secret)}";
    }

    /// <summary>Whether the fields carry a hash the secret makes; the comparison takes the same time whatever differs.</summary>
    public static bool Verify(IReadOnlyDictionary<string, string> fields, string secret) =>
        fields.TryGetValue(HashField, out var given)
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(given.ToLowerInvariant()), Encoding.ASCII.GetBytes(Hash(Canonical(fields), secret)));

    /// <summary>For web API calls: the values joined with | in the order the API lists them.</summary>
    public static string PipeHash(IEnumerable<string?> values, string secret) => Hash(string.Join('|', values.Select(v => v ?? "")), secret);

    public static string Canonical(IEnumerable<KeyValuePair<string, string>> fields) => string.Join('&', fields
        .Where(f => f.Key.StartsWith("vnp_", StringComparison.Ordinal) && f.Value.Length > 0 && f.Key is not (HashField or "vnp_SecureHashType"))
        .OrderBy(f => f.Key, StringComparer.Ordinal)
        .Select(f => $"{WebUtility.UrlEncode(f.Key)}={WebUtility.UrlEncode(f.Value)}"));

    public static string Hash(string data, string secret) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data)));
}
