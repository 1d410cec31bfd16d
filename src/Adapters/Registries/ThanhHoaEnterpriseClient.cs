using IntegrationHub.Adapters.Registries.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Registries;

/// <summary>Looks enterprises up through Thanh Hóa's ĐKKD service (<see cref="EnterpriseDialect.ThanhHoaDkkd"/>).</summary>
public sealed class ThanhHoaEnterpriseClient(
    [FromKeyedServices(RegistriesServiceCollectionExtensions.Enterprise)] RegistryConnection connection,
    IOptions<EnterpriseOptions> options) : IEnterpriseRegistry
{
    public async Task<EnterpriseLookup> LookupAsync(EnterpriseQuery query, CancellationToken cancellationToken)
    {
        var answer = await connection.QueryAsync<GetEntCertAnswer>(options.Value.ThanhHoaPath, "msdn", query.Code, cancellationToken);
        if (answer.GetEntCert is null)
        {
            throw new RegistryFaultException("an answer without GetEntCert");
        }
        return answer.GetEntCert.FirstOrDefault() is { MaSoDoanhNghiep: { Length: > 0 } code, TenTiengViet: { Length: > 0 } name } found
            ? new EnterpriseLookup(LookupStatus.Found, ToRecord(found, code, name))
            : new EnterpriseLookup(LookupStatus.NotFound, null);
    }

    private static EnterpriseRecord ToRecord(EntCert found, string code, string name) => new(
        code, name, found.TenNuocNgoai, found.TenVietTat, found.LoaiHinhDN, RegistryValues.Date(found.NgayDangKyLanDau),
        found.TinhTrangPhapLy?.FirstOrDefault()?.TinhTrangPhapLy,
        found.DiaChiTruSo?.FirstOrDefault()?.DiaChi?.FirstOrDefault() is { } address
            ? new RegistryAddress(address.MaTinhThanh, address.MaQuanHuyen, address.MaPhuongXa, Street(address))
            : null,
        null,
        [.. (found.DaiDienPhapLuat ?? []).SelectMany(d => d.ThongTinCaNhan ?? []).Select(p => new LegalRepresentative(p.HoVaTen, null, p.SoGiayChungThuc))],
        [.. (found.NganhNgheKinhDoanh ?? []).Select(l => new BusinessLine(l.MaNganh, l.TenNganh, RegistryValues.Yes(l.LaNganhChinh)))],
        RegistryValues.Date(found.NgayDangKyThayDoi));

    // The house number and the street line come apart; the hub keeps them as one line beside the codes.
    private static string? Street(DiaChiDkkdWire address) =>
        string.Join(' ', new[] { address.SoNha, address.DiaChi }.Where(part => !string.IsNullOrWhiteSpace(part))) is { Length: > 0 } line ? line : null;
}
