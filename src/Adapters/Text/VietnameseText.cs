using System.Globalization;
using System.Text;

namespace IntegrationHub.Adapters.Text;

/// <summary>Vietnamese text for systems that take only ASCII (payment descriptions, SMS without diacritics).</summary>
public static class VietnameseText
{
    /// <summary>Drops tone and vowel marks and maps đ/Đ (a letter of its own, not a mark) to d/D.</summary>
    public static string WithoutDiacritics(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(c switch
            {
                'đ' => 'd',
                'Đ' => 'D',
                _ => c,
            });
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
