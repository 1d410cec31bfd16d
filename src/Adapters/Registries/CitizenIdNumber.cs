namespace IntegrationHub.Adapters.Registries;

/// <summary>
/// The 12-digit personal identification number (số định danh cá nhân) printed on the CCCD card:
/// the province where the birth was registered (3 digits), sex and century (1), the birth year's last
/// two digits (2), and a sequence (6).
/// </summary>
public static class CitizenIdNumber
{
    // The 63 codes of the identification-number regulation; numbers already issued keep theirs after the 2025 merger.
    public static readonly IReadOnlySet<string> ProvinceCodes = new HashSet<string>
    {
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
        "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
        "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
        "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
    };

    public static bool IsWellFormed(string value) => Problem(value, birthYear: null) is null;

    /// <summary>Why the number cannot be a real one, or null when it can.</summary>
    /// <param name="birthYear">The applicant's declared birth year, checked against digits 4–6 when given.</param>
    public static string? Problem(string value, int? birthYear)
    {
        if (value.Length != 12 || !value.All(char.IsAsciiDigit))
        {
            return "a citizen's identification number (CCCD) must be 12 digits";
        }
        if (!ProvinceCodes.Contains(value[..3]))
        {
            return $"{value[..3]} is not a province code, so this is not a CCCD number";
        }
        if (birthYear is { } year && BirthYear(value) != year)
        {
            return $"digits 4–6 say born in {BirthYear(value)}, not {year}";
        }
        return null;
    }

    /// <summary>The birth year digits 4–6 encode: the century from digit 4 (0/1: 1900s, 2/3: 2000s, ... 8/9: 1800s), then two digits.</summary>
    public static int BirthYear(string wellFormed)
    {
        var centuryDigit = wellFormed[3] - '0';
        var century = centuryDigit >= 8 ? 1800 : 1900 + centuryDigit / 2 * 100;
        return century + int.Parse(wellFormed.AsSpan(4, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Digit 4 is even for men and odd for women.</summary>
    public static bool IsFemale(string wellFormed) => (wellFormed[3] - '0') % 2 == 1;
}
