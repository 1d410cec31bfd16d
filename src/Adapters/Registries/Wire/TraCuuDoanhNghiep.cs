namespace IntegrationHub.Adapters.Registries.Wire;

// Field names as registries.md gives them (the onboarding specification replaces them here only).

public sealed record TraCuuDoanhNghiep(string MaYeuCau, string MaDonVi, string MucDich, string MaSoDoanhNghiep);

public sealed record KetQuaTraCuuDoanhNghiep(string? MaKetQua, string? MoTa, DoanhNghiepWire? DoanhNghiep);

public sealed record DoanhNghiepWire(
    string? MaSoDoanhNghiep, string? TenDoanhNghiep, string? TenTiengAnh, string? TenVietTat, string? LoaiHinhDoanhNghiep,
    string? NgayThanhLap, string? TinhTrangHoatDong, DiaChiWire? DiaChiTruSo, long? VonDieuLe,
    List<NguoiDaiDienWire>? NguoiDaiDienPhapLuat, List<NganhNgheWire>? NganhNghe, string? NgayCapNhat);

public sealed record NguoiDaiDienWire(string? HoVaTen, string? ChucDanh, string? SoDinhDanh);

public sealed record NganhNgheWire(string? Ma, string? Ten, bool? LaNganhChinh);
