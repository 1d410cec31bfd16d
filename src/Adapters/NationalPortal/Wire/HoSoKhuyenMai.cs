using System.Text.Json.Serialization;

namespace IntegrationHub.Adapters.NationalPortal.Wire;

/// <summary>
/// DVCQG pushes to the province a notice of a sales promotion (thông báo khuyến mại) a trader filed on the portal
/// (<c>addtthcKhuyenMai</c>; research notes §1.9, as OpenCPS receives it): the trader, the programme, the registration
/// form and the papers, each file as base64.
/// </summary>
public sealed record HoSoKhuyenMai(
    [property: JsonPropertyName("MaHoSo")] string? MaHoSo,
    [property: JsonPropertyName("MaTTHC")] string? MaTTHC,
    [property: JsonPropertyName("SoVanBan")] string? SoVanBan,
    [property: JsonPropertyName("NgayNopHoSo")] string? NgayNopHoSo,
    [property: JsonPropertyName("TenThuongNhan")] string? TenThuongNhan,
    [property: JsonPropertyName("DiaChiDoanhNghiep")] DiaChiDoanhNghiep? DiaChiDoanhNghiep,
    [property: JsonPropertyName("DienThoai")] string? DienThoai,
    [property: JsonPropertyName("Fax")] string? Fax,
    [property: JsonPropertyName("Email")] string? Email,
    [property: JsonPropertyName("MaSoThue")] string? MaSoThue,
    [property: JsonPropertyName("NguoiLienHe")] string? NguoiLienHe,
    [property: JsonPropertyName("SoDienThoaiNguoiLienHe")] string? SoDienThoaiNguoiLienHe,
    [property: JsonPropertyName("TenChuongTrinhKhuyenMai")] string? TenChuongTrinhKhuyenMai,
    [property: JsonPropertyName("TenTepDonDangKy")] string? TenTepDonDangKy,
    [property: JsonPropertyName("TepDonDangKy")] string? TepDonDangKy,
    [property: JsonPropertyName("TaiLieuNop")] IReadOnlyList<TaiLieuNopKhuyenMai>? TaiLieuNop);

/// <summary>The trader's address: province, district and commune codes and the street address.</summary>
public sealed record DiaChiDoanhNghiep(
    [property: JsonPropertyName("MaTinh")] string? MaTinh,
    [property: JsonPropertyName("MaHuyen")] string? MaHuyen,
    [property: JsonPropertyName("MaXa")] string? MaXa,
    [property: JsonPropertyName("DiaChiChiTiet")] string? DiaChiChiTiet);

public sealed record TaiLieuNopKhuyenMai(
    [property: JsonPropertyName("TenTepDinhKem")] string? TenTepDinhKem,
    [property: JsonPropertyName("Base64")] string? Base64);
