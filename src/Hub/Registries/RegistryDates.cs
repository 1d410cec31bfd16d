namespace IntegrationHub.Hub.Registries;

/// <summary>Birth dates between the hub's form (<c>yyyy-MM-dd</c> or <c>yyyy</c>) and the registries' (<c>yyyyMMdd</c> or <c>yyyy</c>).</summary>
public static class RegistryDates
{
    public static string ToRegistry(string date) => date.Replace("-", "", StringComparison.Ordinal);

    public static string FromRegistry(string date) => date.Length == 8 ? $"{date[..4]}-{date[4..6]}-{date[6..]}" : date;

    /// <summary>Whether a declared date (maybe only a year) agrees with the registry's.</summary>
    public static bool Agree(string declared, string recorded) =>
        declared.Length == 4 || recorded.Length == 4
            ? string.Equals(declared[..4], recorded[..4], StringComparison.Ordinal)
            : string.Equals(declared, recorded, StringComparison.Ordinal);
}
