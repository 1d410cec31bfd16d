using IntegrationHub.Hub.Requests;
using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;

namespace IntegrationHub.Hub.Api;

/// <summary>Field checks shared by the request mappers; each failure names the request's field path.</summary>
internal static partial class RequestFields
{
    public static string Required(string value, string field, int maxLength)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            throw new InvalidFieldException(field, "is required");
        }
        return Checked(text, field, maxLength);
    }

    public static string? Optional(string value, string field, int maxLength)
    {
        var text = value.Trim();
        return text.Length == 0 ? null : Checked(text, field, maxLength);
    }

    public static string Matching(string value, string field, Regex pattern, string expected)
    {
        var text = Required(value, field, 100);
        return pattern.IsMatch(text) ? text : throw new InvalidFieldException(field, $"must be {expected}");
    }

    /// <summary>A list's page size: <paramref name="byDefault"/> when not given, otherwise 1 to <paramref name="max"/>.</summary>
    public static string? OptionalMatching(string value, string field, Regex pattern, string expected) =>
        string.IsNullOrWhiteSpace(value) ? null : Matching(value, field, pattern, expected);

    public static int PageSize(int requested, int byDefault, int max) =>
        requested == 0 ? byDefault
        : requested >= 1 && requested <= max ? requested
        : throw new InvalidFieldException("page_size", $"must be between 1 and {max}");

    public static DateTimeOffset Time(Timestamp? value, string field) =>
        value is null ? throw new InvalidFieldException(field, "is required") : OptionalTime(value, field)!.Value;

    public static DateTimeOffset? OptionalTime(Timestamp? value, string field)
    {
        if (value is null)
        {
            return null;
        }
        try
        {
            return value.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw new InvalidFieldException(field, "is not a valid timestamp");
        }
    }

    public static string Url(string value, string field, int maxLength)
    {
        var text = Required(value, field, maxLength);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? text
            : throw new InvalidFieldException(field, "must be an absolute http(s) URL");
    }

    public static string Sha256(string value, string field) =>
        Matching(value, field, Sha256Pattern(), "64 hexadecimal characters (SHA-256)").ToLowerInvariant();

    private static string Checked(string text, string field, int maxLength)
    {
        if (text.Length > maxLength)
        {
            throw new InvalidFieldException(field, $"is longer than {maxLength} characters");
        }
        if (text.Any(char.IsControl))
        {
            throw new InvalidFieldException(field, "contains control characters");
        }
        return text;
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Pattern();

    /// <summary>mã định danh đơn vị: four groups, the last naming the province (H + two characters), e.g. 000.00.01.H22.</summary>
    [GeneratedRegex(@"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$")]
    public static partial Regex AgencyCode();

    /// <summary>National procedure codes such as 1.001234, possibly with a local suffix.</summary>
    [GeneratedRegex(@"^[0-9]+\.[0-9]{6}(\.[0-9A-Za-z.]+)?$")]
    public static partial Regex ProcedureCode();

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z._\-]{0,79}$")]
    public static partial Regex DossierCode();

    /// <summary>A state agency's or organisation's identifier: an agency code, a tax code, a decision number such as 123/QĐ-UBND.</summary>
    [GeneratedRegex(@"^[0-9A-Za-zĐđ][0-9A-Za-zĐđ./\-]{0,49}$")]
    public static partial Regex OrganisationId();

    [GeneratedRegex(@"^\+?[0-9][0-9 .\-]{7,19}$")]
    public static partial Regex Phone();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    public static partial Regex Email();

    [GeneratedRegex(@"^[0-9A-Za-z._\-:]{1,100}$")]
    public static partial Regex RequestId();
}
