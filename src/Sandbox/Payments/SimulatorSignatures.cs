using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationHub.Adapters.Payments.PaymentPlatform;

namespace IntegrationHub.Sandbox.Payments;

/// <summary>
/// The gateways' signatures as the simulated gateways compute them, written apart from the hub's
/// adapters on purpose: were they shared, a signing bug would pass on both sides. The known-answer
/// tests hold both this and the adapters to values computed outside .NET.
/// </summary>
public static class SimulatorSignatures
{
    /// <summary>
    /// VNPAY's vnp_SecureHash over a query: the non-empty vnp_ fields but the hash's own, sorted by
    /// name, each name and value encoded as PHP's urlencode does (letters, digits and - _ . kept, space
    /// as +, every other byte of the UTF-8 as %XX), joined with &amp;, then HMAC-SHA512 in lower-case hex.
    /// </summary>
    public static string VnpayQueryHash(IEnumerable<KeyValuePair<string, string>> fields, string secret)
    {
        var signed = fields
            .Where(f => f.Key.StartsWith("vnp_", StringComparison.Ordinal) && f.Key is not ("vnp_SecureHash" or "vnp_SecureHashType") && f.Value.Length > 0)
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => PhpUrlEncode(f.Key) + "=" + PhpUrlEncode(f.Value));
        return HmacSha512(string.Join("&", signed), secret);
    }

    /// <summary>VNPAY's web-API hash: the values joined with | in the API's order, HMAC-SHA512 in lower-case hex.</summary>
    public static string VnpayPipeHash(IEnumerable<string?> values, string secret) => HmacSha512(string.Join("|", values.Select(v => v ?? "")), secret);

    /// <summary>The payment platform's MaXacThuc over the recipe's fields (| between them): SHA-256 with the key as the last field, or HMAC-SHA256 keyed.</summary>
    public static string PlatformChecksum(PlatformChecksumAlgorithm algorithm, string recipe, JsonObject message, string key)
    {
        var joined = string.Join("|", recipe.Split('|').Select(name => Text(message[name.Trim()])));
        var digest = algorithm == PlatformChecksumAlgorithm.HmacSha256
            ? HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(joined))
            : SHA256.HashData(Encoding.UTF8.GetBytes(joined + "|" + key));
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Whether a stated signature is the expected one, in constant time and whatever the case of its hex.</summary>
    public static bool Matches(string? stated, string expected) =>
        stated is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stated.ToLowerInvariant()), Encoding.ASCII.GetBytes(expected));

    private static string HmacSha512(string data, string secret) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data)));

    private static string PhpUrlEncode(string value)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            encoded.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c.ToString()
                : c == ' ' ? "+"
                : "%" + b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}
