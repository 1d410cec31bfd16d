using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Adapters.Text;

namespace IntegrationHub.Adapters.Payments.PaymentPlatform;

/// <summary>MaXacThuc: computed over a message's fields in the order a recipe names them.</summary>
public static class PlatformChecksum
{
    /// <param name="fields">Wire names joined by <c>|</c>, e.g. <see cref="PlatformChecksumRecipe.Confirm"/>.</param>
    /// <param name="message">A JSON object; a field it lacks counts as empty.</param>
    public static string Compute(PlatformChecksumAlgorithm algorithm, string fields, JsonElement message, string key)
    {
        var values = fields.Split('|').Select(name => JsonFields.Text(message, name.Trim()));
        var bytes = algorithm switch
        {
            PlatformChecksumAlgorithm.HmacSha256 => HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(string.Join('|', values))),
            _ => SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', values.Append(key)))),
        };
        return Convert.ToHexStringLower(bytes);
    }

    public static bool Verify(PlatformChecksumAlgorithm algorithm, string fields, JsonElement message, string key)
    {
        var stated = JsonFields.Text(message, "MaXacThuc");
        var expected = Compute(algorithm, fields, message, key);
        return stated.Length == expected.Length
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stated.ToLowerInvariant()), Encoding.ASCII.GetBytes(expected));
    }
}
