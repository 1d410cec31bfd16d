using System.Text.Json.Serialization;

namespace IntegrationHub.Adapters.NationalPortal.Wire;

/// <summary>A DanhSachHoSo row: a dossier filed on DVCQG for one of the province's agencies (Thanh Hóa's GPLX client's names).</summary>
public sealed record HoSoNopTrucTuyen
{
    [JsonPropertyName("maHoSo")] public string? MaHoSo { get; init; }
    [JsonPropertyName("maTTHC")] public string? MaTTHC { get; init; }
    [JsonPropertyName("maDonVi")] public string? MaDonVi { get; init; }
    /// <summary>dd/MM/yyyy HH:mm:ss, GMT+7.</summary>
    [JsonPropertyName("ngayNhanHoSo")] public string? NgayNhanHoSo { get; init; }
    [JsonPropertyName("hoTenNguoiNop")] public string? HoTenNguoiNop { get; init; }
    [JsonPropertyName("soDinhDanh")] public string? SoDinhDanh { get; init; }
    [JsonPropertyName("ngaySinh")] public string? NgaySinh { get; init; }
    [JsonPropertyName("diaChi")] public string? DiaChi { get; init; }
    [JsonPropertyName("soDienThoai")] public string? SoDienThoai { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("trichYeu")] public string? TrichYeu { get; init; }
    [JsonPropertyName("hoSoDinhKem")] public IReadOnlyList<HoSoDinhKem>? HoSoDinhKem { get; init; }
}

public sealed record HoSoDinhKem
{
    [JsonPropertyName("magiayto")] public string? MaGiayTo { get; init; }
    [JsonPropertyName("tengiayto")] public string? TenGiayTo { get; init; }
    /// <summary>The file's path at the portal, for LayTaiLieuHoSo.</summary>
    [JsonPropertyName("filedinhkem")] public string? FileDinhKem { get; init; }
}

/// <summary>TraCuuHoSo of a filed dossier (the GPLX client's fields): its state and the date promised.</summary>
public sealed record HoSoChiTiet
{
    public string? MaHoSo { get; init; }
    public string? MaTrangThai { get; init; }
    /// <summary>dd/MM/yyyy HH:mm:ss, GMT+7.</summary>
    public string? NgayHenTra { get; init; }
    public string? MaDonViXuLy { get; init; }
}

/// <summary>A LayTaiLieuHoSo file.</summary>
public sealed record TepTinDinhKem
{
    public string? Base64 { get; init; }
    public string? DuongDan { get; init; }
    public string? TenTaiLieu { get; init; }
}
