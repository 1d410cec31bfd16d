using IntegrationHub.Adapters.Registries.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Registries;

/// <summary>Looks enterprises up through Hồ Chí Minh City's LGSP (<see cref="EnterpriseDialect.HcmLgsp"/>).</summary>
public sealed class HcmEnterpriseClient(
    [FromKeyedServices(RegistriesServiceCollectionExtensions.Enterprise)] RegistryConnection connection,
    IOptions<EnterpriseOptions> options) : IEnterpriseRegistry
{
    public async Task<EnterpriseLookup> LookupAsync(EnterpriseQuery query, CancellationToken cancellationToken)
    {
        var answer = await connection.QueryAsync<TraCuuThongTinDoanhNghiep>(options.Value.HcmPath, "MaSoDoanhNghiep", query.Code, cancellationToken);
        if (answer.StatusCode == 404)
        {
            return new EnterpriseLookup(LookupStatus.NotFound, null);
        }
        if (answer.Status != "SUCCESS" || answer.ThrowException == true)
        {
            throw new RegistryFaultException($"Status {answer.Status ?? answer.StatusCode?.ToString()}: {answer.Description}".TrimEnd(' ', ':'));
        }
        return answer.ResultObject is { ENTERPRISE_GDT_CODE: { Length: > 0 } code, NAME: { Length: > 0 } name } found
            ? new EnterpriseLookup(LookupStatus.Found, ToRecord(found, code, name))
            : new EnterpriseLookup(LookupStatus.NotFound, null);
    }

    // The flattened form carries the representatives' names only, ";"-joined as NGSP's LEGAL_NAMES.
    private static EnterpriseRecord ToRecord(HcmEnterprise found, string code, string name) => new(
        code, name, found.NAME_F, found.SHORT_NAME, found.ENTERPRISE_TYPE_NAME, RegistryValues.Date(found.FOUNDING_DATE), found.ENTERPRISE_STATUS_NAME,
        found.HO_ADDRESS_FULLTEXT is { } address ? new RegistryAddress(null, null, null, address) : null,
        RegistryValues.Amount(found.CAPITAL_AMOUNT),
        [.. (found.LEGAL_NAMES ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => new LegalRepresentative(n, null, null))],
        [],
        RegistryValues.Date(found.LAST_AMEND_DATE));
}
