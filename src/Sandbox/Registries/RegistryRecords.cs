namespace IntegrationHub.Sandbox.Registries;

// The registries' records in their wire form (registries.md): the simulators answer with them as they are.

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
