namespace IntegrationHub.Adapters.Registries;

/// <summary>
/// The enterprise code, which is also the tax code (mã số doanh nghiệp = mã số thuế): 10 digits with a
/// check digit, or 13 for a dependent unit (the parent's 10 digits and a 3-digit suffix 001–999).
/// </summary>
public static class EnterpriseCode
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    public static bool IsValid(string value)
    {
        if (value.Length is not (10 or 13) || !value.All(char.IsAsciiDigit))
        {
            return false;
        }
        if (value.Length == 13 && value[10..] == "000")
        {
            return false;
        }
        return CheckDigit(value.AsSpan(0, 9)) == value[9] - '0';
    }

    /// <summary>The 10th digit for nine leading digits, or -1 when no digit can complete them.</summary>
    public static int CheckDigit(ReadOnlySpan<char> firstNine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (firstNine[i] - '0') * Weights[i];
        }
        var digit = 10 - sum % 11;
        return digit == 10 ? -1 : digit;
    }
}
