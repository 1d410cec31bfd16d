using System.Globalization;
using System.Text;

namespace IntegrationHub.Hub.Registries;

/// <summary>Compares names and addresses as people write them: Unicode form, letter case and spacing do not count.</summary>
public static class PersonalText
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static bool Same(string? a, string? b) => string.Equals(Canonical(a), Canonical(b), StringComparison.Ordinal);

    private static string Canonical(string? text) =>
        string.Join(' ', (text ?? "").Normalize(NormalizationForm.FormC).ToUpper(Vietnamese).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
