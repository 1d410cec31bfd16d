namespace IntegrationHub.Adapters.Registries;

/// <summary>Who is asked about, as the applicant declared them, and who asks why.</summary>
/// <param name="BirthDate"><c>yyyyMMdd</c>, or <c>yyyy</c> when only the year is known.</param>
/// <param name="Requester">The agency client or officer asking (MaCanBo).</param>
/// <param name="Purpose">The procedure or dossier code the lookup is for (MucDich).</param>
public sealed record CitizenQuery(string IdNumber, string FullName, string BirthDate, string Requester, string Purpose);

public enum LookupStatus
{
    Found,
    /// <summary>
    /// No record goes with what was asked. C06 answers a number whose declared name or birth date is not
    /// what it holds as it answers an unknown number, so a citizen's "not found" covers both.
    /// </summary>
    NotFound,
}

/// <param name="Citizen">When found.</param>
public sealed record CitizenLookup(LookupStatus Status, CitizenRecord? Citizen);

/// <summary>What the population database holds of a citizen.</summary>
/// <param name="BirthDate">yyyyMMdd as the registry gives it.</param>
public sealed record CitizenRecord(
    string IdNumber, string FullName, string BirthDate, Sex? Sex, string? Nationality, string? Ethnicity, string? Religion,
    RegistryAddress? HomeTown, RegistryAddress? PermanentAddress, RegistryAddress? CurrentAddress, string? OldIdNumber, string? UpdatedOn);

public enum Sex
{
    Male = 1,
    Female = 2,
}

/// <summary>An address as registries give it: province, district and ward codes, and the rest in words.</summary>
public sealed record RegistryAddress(string? ProvinceCode, string? DistrictCode, string? WardCode, string? Detail);

/// <summary>The registry could not be asked or did not answer properly; the caller may try again later.</summary>
public sealed class RegistryFaultException(string message, Exception? inner = null) : Exception(message, inner);
