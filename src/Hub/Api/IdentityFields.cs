using IntegrationHub.Hub.Requests;
using System.Globalization;
using IntegrationHub.Adapters.Registries;

namespace IntegrationHub.Hub.Api;

/// <summary>Checks of citizens' and enterprises' identifiers, made before any registry is asked.</summary>
internal static class IdentityFields
{
    /// <summary>A declared birth date as <c>yyyy-MM-dd</c> or <c>yyyy</c>; null when empty.</summary>
    public static string? BirthDate(string value, string field)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            return null;
        }
        var valid = text.Length == 4
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1800 and <= 2299
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        return valid ? text : throw new InvalidFieldException(field, "must be a date as yyyy-MM-dd, or a year as yyyy");
    }

    /// <summary>A CCCD number, which must agree with the declared birth year and sex where they are given.</summary>
    public static string CitizenNumber(string value, string field, string? birthDate, Hub.Dossiers.Sex? sex)
    {
        var number = RequestFields.Required(value, field, 20);
        var birthYear = birthDate is null ? (int?)null : int.Parse(birthDate.AsSpan(0, 4), CultureInfo.InvariantCulture);
        if (CitizenIdNumber.Problem(number, birthYear) is { } problem)
        {
            throw new InvalidFieldException(field, problem);
        }
        if (sex is { } declared && CitizenIdNumber.IsFemale(number) != (declared == Hub.Dossiers.Sex.Female))
        {
            throw new InvalidFieldException(field, $"digit 4 says {(CitizenIdNumber.IsFemale(number) ? "female" : "male")}, not {declared.ToString().ToLowerInvariant()}");
        }
        return number;
    }

    public static string EnterpriseCode(string value, string field)
    {
        var code = RequestFields.Required(value, field, 20);
        return Adapters.Registries.EnterpriseCode.IsValid(code)
            ? code
            : throw new InvalidFieldException(field, "an enterprise/tax code must be 10 digits with a valid check digit, or 13 for a branch");
    }

    public static Hub.Dossiers.Sex? DeclaredSex(V1.Sex value, string field) => value switch
    {
        V1.Sex.Unspecified => null,
        V1.Sex.Male => Hub.Dossiers.Sex.Male,
        V1.Sex.Female => Hub.Dossiers.Sex.Female,
        _ => throw new InvalidFieldException(field, "must be MALE or FEMALE"),
    };
}
