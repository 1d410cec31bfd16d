using System.Text.Json;

namespace IntegrationHub.Adapters.Registries.Wire;

// Thanh Hóa's ĐKKD service (apiDKKD/DoanhNghiep/chiTietDoanhNghiep); names are the service's.

/// <summary>The enterprises the code names: none when the service does not hold it.</summary>
public sealed record GetEntCertAnswer(List<EntCert>? GetEntCert);

public sealed record EntCert(
    string? MaSoDoanhNghiep, string? TenTiengViet, string? TenNuocNgoai, string? TenVietTat, string? LoaiHinhDN,
    string? NgayDangKyLanDau, string? NgayDangKyThayDoi, List<TinhTrangPhapLyWire>? TinhTrangPhapLy,
    List<DaiDienPhapLuatWire>? DaiDienPhapLuat, List<DiaChiTruSoWire>? DiaChiTruSo, List<NganhNgheKinhDoanhWire>? NganhNgheKinhDoanh);

public sealed record TinhTrangPhapLyWire(string? TinhTrangPhapLy, string? MaTinhTrangPhapLy);

public sealed record DaiDienPhapLuatWire(List<ThongTinCaNhanWire>? ThongTinCaNhan);

/// <param name="SoGiayChungThuc">The number of the identity paper (a CCCD's is the personal identification number).</param>
public sealed record ThongTinCaNhanWire(string? HoVaTen, string? SoGiayChungThuc);

public sealed record DiaChiTruSoWire(List<DiaChiDkkdWire>? DiaChi);

public sealed record DiaChiDkkdWire(string? MaTinhThanh, string? MaQuanHuyen, string? MaPhuongXa, string? SoNha, string? DiaChi);

/// <param name="LaNganhChinh">The main business line: true, "1" or "Y".</param>
public sealed record NganhNgheKinhDoanhWire(string? MaNganh, string? TenNganh, JsonElement? LaNganhChinh);
