using System.Text.RegularExpressions;
using IntegrationHub.Hub.Registries;

namespace IntegrationHub.Hub.Logging;

/// <summary>
/// Masks the personal identifiers that can be recognised in free text: 12-digit identification numbers
/// (CCCD) and Vietnamese mobile numbers in any of their forms. Names and addresses cannot be
/// recognised, so the hub never puts them in log lines or errors in the first place.
/// </summary>
public static partial class PersonalDataText
{
    public static string Mask(string text) =>
        text.Length < 9 ? text : Phone().Replace(CitizenId().Replace(text, m => IdentifierMask.Mask(m.Value)), m => IdentifierMask.Mask(m.Value));

    [GeneratedRegex(@"(?<![0-9])[0-9]{12}(?![0-9])")]
    private static partial Regex CitizenId();

    // 0xxxxxxxxx, 84xxxxxxxxx, +84xxxxxxxxx, with the mobile prefixes 3, 5, 7, 8 and 9.
    [GeneratedRegex(@"(?<![0-9])(?:\+?84|0)[35789][0-9]{8}(?![0-9])")]
    private static partial Regex Phone();
}
