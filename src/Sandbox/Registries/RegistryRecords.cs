namespace IntegrationHub.Sandbox.Registries;

// The registries' people and enterprises as the simulators hold them; each form they answer in is written from these.

public sealed record DiaChi(string MaTinh, string MaHuyen, string MaXa, string ChiTiet);

public sealed record CongDan(
    string SoDinhDanh, string HoVaTen, string NgaySinh, int GioiTinh, string QuocTich, string DanToc, string TonGiao,
    DiaChi QueQuan, DiaChi NoiThuongTru, DiaChi NoiOHienTai, string SoCMNDCu, string NgayCapNhat);

public sealed record NguoiDaiDien(string HoVaTen, string ChucDanh, string SoDinhDanh);

public sealed record NganhNghe(string Ma, string Ten, bool LaNganhChinh);

public sealed record DoanhNghiep(
    string MaSoDoanhNghiep, string TenDoanhNghiep, string TenTiengAnh, string TenVietTat, string LoaiHinhDoanhNghiep,
    string NgayThanhLap, string TinhTrangHoatDong, DiaChi DiaChiTruSo, long VonDieuLe,
    IReadOnlyList<NguoiDaiDien> NguoiDaiDienPhapLuat, IReadOnlyList<NganhNghe> NganhNghe, string NgayCapNhat);
