using System.Text.Json.Serialization;

namespace IntegrationHub.Adapters.Registries.Wire;

// Field names as registries.md gives them (the onboarding specification replaces them here only).

/// <summary>A verification request: the number with the name and birth date the applicant declared.</summary>
public sealed record TraCuuCongDan(string MaYeuCau, string MaDonVi, string MaCanBo, string MucDich, string SoDinhDanh, string HoVaTen, string NgaySinh);

public sealed record KetQuaTraCuuCongDan(string? MaKetQua, string? MoTa, CongDanWire? CongDan);

public sealed record CongDanWire(
    string? SoDinhDanh, string? HoVaTen, string? NgaySinh, int? GioiTinh, string? QuocTich, string? DanToc, string? TonGiao,
    DiaChiWire? QueQuan, DiaChiWire? NoiThuongTru, DiaChiWire? NoiOHienTai, string? SoCMNDCu, string? NgayCapNhat);

public sealed record DiaChiWire(string? MaTinh, string? MaHuyen, string? MaXa, string? ChiTiet);

/// <summary>The platform's OAuth 2 token answer.</summary>
public sealed record PlatformToken(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn);
