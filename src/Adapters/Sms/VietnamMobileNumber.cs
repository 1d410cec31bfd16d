using PhoneNumbers;

namespace IntegrationHub.Adapters.Sms;

/// <summary>
/// Vietnamese mobile numbers as citizens write them (0912 345 678, +84 912345678, 84912345678), checked
/// against libphonenumber's metadata, kept in E.164 (+84912345678) and written in each provider's form.
/// </summary>
public static class VietnamMobileNumber
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164, or null when it is not a Vietnamese mobile number.</summary>
    public static string? Normalize(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return null;
        }
        var digits = new string([.. written.Where(c => char.IsAsciiDigit(c) || c == '+')]);
        if (digits.StartsWith("0084", StringComparison.Ordinal))
        {
            digits = "+" + digits[2..];
        }
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11)
        {
            digits = "+" + digits;
        }
        try
        {
            var number = Numbers.Parse(digits, "VN");
            return number.CountryCode == 84 && Numbers.IsValidNumber(number) && Numbers.GetNumberType(number) == PhoneNumberType.MOBILE
                ? Numbers.Format(number, PhoneNumberFormat.E164)
                : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary><c>84912345678</c> (Viettel-style brandname APIs).</summary>
    public static string International(string e164) => e164.TrimStart('+');

    /// <summary><c>0912345678</c> (eSMS-style APIs).</summary>
    public static string National(string e164) => "0" + e164[3..];
}
