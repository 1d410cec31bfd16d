namespace IntegrationHub.Adapters.Registries;

/// <param name="Requester">The agency client or officer asking.</param>
/// <param name="Purpose">The procedure or dossier code the lookup is for (MucDich).</param>
public sealed record EnterpriseQuery(string Code, string Requester, string Purpose);

/// <param name="Enterprise">When found.</param>
public sealed record EnterpriseLookup(LookupStatus Status, EnterpriseRecord? Enterprise);

/// <summary>What the enterprise registration database holds of an enterprise.</summary>
/// <param name="FoundedOn">yyyyMMdd as the registry gives it.</param>
/// <param name="CharterCapital">VND.</param>
public sealed record EnterpriseRecord(
    string Code, string Name, string? EnglishName, string? ShortName, string? LegalForm, string? FoundedOn, string? OperatingStatus,
    RegistryAddress? HeadOffice, long? CharterCapital, IReadOnlyList<LegalRepresentative> LegalRepresentatives,
    IReadOnlyList<BusinessLine> BusinessLines, string? UpdatedOn);

/// <param name="IdNumber">The representative's personal identification number.</param>
public sealed record LegalRepresentative(string? FullName, string? Title, string? IdNumber);

public sealed record BusinessLine(string? Code, string? Name, bool IsMain);

/// <summary>The national enterprise registration database (Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp).</summary>
public interface IEnterpriseRegistry
{
    /// <exception cref="RegistryFaultException">Down, timed out, refused our credentials, or answered something else than its format.</exception>
    Task<EnterpriseLookup> LookupAsync(EnterpriseQuery query, CancellationToken cancellationToken);
}
