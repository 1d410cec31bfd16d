using IntegrationHub.Adapters.Registries;

namespace IntegrationHub.Hub.Registries;

/// <summary>
/// What the hub keeps of a citizen: what a dossier's applicant needs and nothing more (no ethnicity,
/// religion, home town or old ID number), so that the cache holds as little personal data as it can.
/// </summary>
/// <param name="BirthDate"><c>yyyy-MM-dd</c>, or <c>yyyy</c> when the registry holds only the year.</param>
/// <param name="PermanentAddress">nơi thường trú</param>
/// <param name="CurrentAddress">nơi ở hiện tại</param>
public sealed record CitizenFacts(
    string IdNumber, string FullName, string BirthDate, Dossiers.Sex? Sex, string? Nationality, string? PermanentAddress, string? CurrentAddress)
{
    public static CitizenFacts From(CitizenRecord record) => new(
        record.IdNumber, record.FullName, RegistryDates.FromRegistry(record.BirthDate), (Dossiers.Sex?)(int?)record.Sex, record.Nationality,
        record.PermanentAddress?.Detail, record.CurrentAddress?.Detail);
}

/// <summary>What the hub keeps of an enterprise: what a dossier's applicant needs.</summary>
/// <param name="Address">Head office (trụ sở chính).</param>
/// <param name="LegalRepresentative">The first legal representative's name.</param>
public sealed record EnterpriseFacts(
    string Code, string Name, string? Address, string? LegalForm, string? OperatingStatus, string? LegalRepresentative)
{
    public static EnterpriseFacts From(EnterpriseRecord record) => new(
        record.Code, record.Name, record.HeadOffice?.Detail, record.LegalForm, record.OperatingStatus,
        record.LegalRepresentatives.FirstOrDefault(r => !string.IsNullOrWhiteSpace(r.FullName))?.FullName);
}
