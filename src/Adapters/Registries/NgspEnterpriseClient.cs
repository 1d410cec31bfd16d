using IntegrationHub.Adapters.Registries.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Registries;

/// <summary>Looks enterprises up through the NGSP/LGSP <c>chiTietDoanhNghiep</c> service (<see cref="EnterpriseDialect.Ngsp"/>).</summary>
public sealed class NgspEnterpriseClient(
    [FromKeyedServices(RegistriesServiceCollectionExtensions.Enterprise)] RegistryConnection connection,
    IOptions<EnterpriseOptions> options) : IEnterpriseRegistry
{
    public async Task<EnterpriseLookup> LookupAsync(EnterpriseQuery query, CancellationToken cancellationToken)
    {
        var answer = await connection.QueryAsync<ChiTietDoanhNghiep>(options.Value.NgspPath, "msdn", query.Code, cancellationToken);
        if (answer.Status != "1")
        {
            throw new RegistryFaultException($"Status {answer.Status}: {answer.Message}".TrimEnd(' ', ':'));
        }
        return answer is { DataCount: > 0, Data.MainInformation: { ENTERPRISE_GDT_CODE: { } code, NAME: { } name } main }
            ? new EnterpriseLookup(LookupStatus.Found, ToRecord(answer.Data, main, code, name))
            : new EnterpriseLookup(LookupStatus.NotFound, null);
    }

    private static EnterpriseRecord ToRecord(ChiTietDoanhNghiepData data, MainInformation main, string code, string name) => new(
        code, name, main.NAME_F, main.SHORT_NAME, main.ENTERPRISE_TYPE_NAME, RegistryValues.Date(main.FOUNDING_DATE), main.ENTERPRISE_STATUS_NAME,
        data.HOAdress is { } address ? new RegistryAddress(address.CityID, address.DistrictID, address.WardID, address.AddressFullText) : null,
        RegistryValues.Amount(main.CAPITAL_AMOUNT),
        [.. (data.Representatives ?? []).Select(r => new LegalRepresentative(r.FULL_NAME, r.POSITION_NAME, null))],
        [.. (data.BusinessActivities ?? []).Select(a => new BusinessLine(a.CODE, a.NAME, a.IS_MAIN == "Y"))],
        RegistryValues.Date(main.LAST_AMEND_DATE));
}
