using IntegrationHub.Adapters.Registries.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Registries;

/// <summary>Verifies citizens against the population database and reads MaKetQua.</summary>
public sealed class PopulationClient(
    [FromKeyedServices(RegistriesServiceCollectionExtensions.Population)] RegistryConnection connection,
    IOptions<PopulationOptions> options) : IPopulationRegistry
{
    public async Task<CitizenLookup> VerifyAsync(CitizenQuery query, CancellationToken cancellationToken)
    {
        var request = new TraCuuCongDan(
            Guid.CreateVersion7().ToString(), options.Value.UnitCode, query.Requester, query.Purpose, query.IdNumber, query.FullName, query.BirthDate);
        var answer = await connection.LookupAsync<KetQuaTraCuuCongDan>(request, cancellationToken);
        return answer.MaKetQua switch
        {
            "0" when answer.CongDan is { SoDinhDanh: { } number, HoVaTen: { } name, NgaySinh: { } born } citizen =>
                new CitizenLookup(LookupStatus.Found, ToRecord(citizen, number, name, born)),
            "1" => new CitizenLookup(LookupStatus.NotFound, null),
            "2" => new CitizenLookup(LookupStatus.NotMatching, null),
            _ => throw new RegistryFaultException($"MaKetQua {answer.MaKetQua}: {answer.MoTa}".TrimEnd(' ', ':')),
        };
    }

    private static CitizenRecord ToRecord(CongDanWire citizen, string number, string name, string born) => new(
        number, name, born, citizen.GioiTinh is 1 or 2 ? (Sex)citizen.GioiTinh : null, citizen.QuocTich, citizen.DanToc, citizen.TonGiao,
        RegistryAddress.From(citizen.QueQuan), RegistryAddress.From(citizen.NoiThuongTru), RegistryAddress.From(citizen.NoiOHienTai),
        string.IsNullOrWhiteSpace(citizen.SoCMNDCu) ? null : citizen.SoCMNDCu, citizen.NgayCapNhat);
}
