using System.Globalization;
using System.Text.Json;

namespace IntegrationHub.Adapters.Registries;

/// <summary>Values as the enterprise services write them, read into the hub's forms.</summary>
internal static class RegistryValues
{
    // LGSP services write yyyy-MM-ddTHH:mm:ss (OpenCPS parses them so); Vietnamese-named ones may write dd/MM/yyyy.
    private static readonly string[] DateForms = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd", "dd/MM/yyyy", "dd/MM/yyyy HH:mm:ss"];

    /// <summary>The hub keeps registry dates as yyyyMMdd; null for a value in none of the services' forms.</summary>
    public static string? Date(string? value) =>
        DateTime.TryParseExact(value, DateForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) : null;

    /// <summary>A number, or a string of digits (services write both).</summary>
    public static long? Amount(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out var amount) => amount,
        { ValueKind: JsonValueKind.String } text when long.TryParse(text.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) => amount,
        _ => null,
    };

    /// <summary>A yes given as true, "1", "Y" or "true".</summary>
    public static bool Yes(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.String } text => text.GetString() is "1" or "Y" or "y" or "true" or "True",
        { ValueKind: JsonValueKind.Number } number => number.TryGetInt32(out var flag) && flag == 1,
        _ => false,
    };
}
