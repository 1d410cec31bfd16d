using IntegrationHub.Adapters.Registries.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Registries;

/// <summary>Looks enterprises up in the enterprise registration database and reads MaKetQua.</summary>
public sealed class EnterpriseClient(
    [FromKeyedServices(RegistriesServiceCollectionExtensions.Enterprise)] RegistryConnection connection,
    IOptions<EnterpriseOptions> options) : IEnterpriseRegistry
{
    public async Task<EnterpriseLookup> LookupAsync(EnterpriseQuery query, CancellationToken cancellationToken)
    {
        var request = new TraCuuDoanhNghiep(Guid.CreateVersion7().ToString(), options.Value.UnitCode, query.Purpose, query.Code);
        var answer = await connection.LookupAsync<KetQuaTraCuuDoanhNghiep>(request, cancellationToken);
        return answer.MaKetQua switch
        {
            "0" when answer.DoanhNghiep is { MaSoDoanhNghiep: { } code, TenDoanhNghiep: { } name } enterprise =>
                new EnterpriseLookup(LookupStatus.Found, ToRecord(enterprise, code, name)),
            "1" => new EnterpriseLookup(LookupStatus.NotFound, null),
            _ => throw new RegistryFaultException($"MaKetQua {answer.MaKetQua}: {answer.MoTa}".TrimEnd(' ', ':')),
        };
    }

    private static EnterpriseRecord ToRecord(DoanhNghiepWire enterprise, string code, string name) => new(
        code, name, enterprise.TenTiengAnh, enterprise.TenVietTat, enterprise.LoaiHinhDoanhNghiep, enterprise.NgayThanhLap,
        enterprise.TinhTrangHoatDong, RegistryAddress.From(enterprise.DiaChiTruSo), enterprise.VonDieuLe,
        [.. (enterprise.NguoiDaiDienPhapLuat ?? []).Select(p => new LegalRepresentative(p.HoVaTen, p.ChucDanh, p.SoDinhDanh))],
        [.. (enterprise.NganhNghe ?? []).Select(l => new BusinessLine(l.Ma, l.Ten, l.LaNganhChinh ?? false))],
        enterprise.NgayCapNhat);
}
