namespace IntegrationHub.Adapters.NationalPortal.Wire;

/// <summary>One dossier item of DongBoHoSoMC's <c>data</c> array; names are the portal's.</summary>
public sealed record HoSo
{
    public required string MaHoSo { get; init; }
    public required string MaTTHC { get; init; }
    public required string TenTTHC { get; init; }
    public required string MaLinhVuc { get; init; }
    public required string TenLinhVuc { get; init; }
    public required string KenhThucHien { get; init; }
    public string? ChuHoSo { get; init; }
    public string? SoGiayToChuHoSo { get; init; }
    public required string LoaiDoiTuong { get; init; }
    public string? ThongTinKhac { get; init; }
    public string? Email { get; init; }
    public string? SoDienThoai { get; init; }
    public required string TrichYeuHoSo { get; init; }
    public required string NgayTiepNhan { get; init; }
    public required string NgayHenTra { get; init; }
    public required string TrangThaiHoSo { get; init; }
    public string? NgayTra { get; init; }
    public required string HinhThuc { get; init; }
    public string? NgayKetThucXuLy { get; init; }
    public required string DonViXuLy { get; init; }
    public string? NgayTuChoi { get; init; }
    public string? DuocThanhToanTrucTuyen { get; init; }
    public List<DinhDanh>? DinhDanhCHS { get; init; }
    public List<TaiLieuNop>? TaiLieuNop { get; init; }
    public List<LePhi>? DanhSachLePhi { get; init; }
    public List<GiayToKetQua>? DanhSachGiayToKetQua { get; init; }
}

/// <param name="LoaiDinhDanh">1 = 12-digit personal identification number, 2 = 9-digit old ID.</param>
public sealed record DinhDanh(string LoaiDinhDanh, string SoDinhDanh);

public sealed record TaiLieuNop(string TepDinhKemId, string TenTepDinhKem, string IsDeleted, string MaThanhPhanHoSo, string DuongDanTaiTepTin);

public sealed record LePhi(string TenPhiLePhi, string MaPhiLePhi, string HinhThucThu, string Gia, string LoaiPhiLePhi);

public sealed record GiayToKetQua(string TenGiayTo, string MaThanhPhanHoSo, string GiayToId, string DuongDanTepTinKetQua);
