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
    public string? SoBienNhan { get; init; }
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
    public string? HoSoCoThanhPhanSoHoa { get; init; }
    public List<DinhDanh>? DinhDanhCHS { get; init; }
    public List<KetNoiCSDL>? DSKetNoiCSDL { get; init; }
    public List<TaiLieuNop>? TaiLieuNop { get; init; }
    public List<LePhi>? DanhSachLePhi { get; init; }
    public List<HoSoBoSung>? DanhSachHoSoBoSung { get; init; }
    public List<GiayToKetQua>? DanhSachGiayToKetQua { get; init; }
}

/// <param name="LoaiDinhDanh">1 = 12-digit personal identification number, 2 = 9-digit old ID.</param>
public sealed record DinhDanh(string LoaiDinhDanh, string SoDinhDanh);

/// <param name="MaCSDL">A national database consulted for the dossier.</param>
public sealed record KetNoiCSDL(string MaCSDL);

/// <param name="DuocSoHoa">0/1: digitised.</param>
/// <param name="DuocTaiSuDung">0 not reused, 1 a reused electronic document, 2 reused as a substitute result (with <paramref name="MaKetQuaThayThe"/>).</param>
/// <param name="DuocLayTuKhoDMQG">0/1: taken from the citizen's document store on the portal.</param>
public sealed record TaiLieuNop(
    string TepDinhKemId, string TenTepDinhKem, string IsDeleted, string MaThanhPhanHoSo, string DuongDanTaiTepTin,
    string DuocSoHoa, string DuocTaiSuDung, string DuocLayTuKhoDMQG, string? MaKetQuaThayThe);

public sealed record LePhi(string TenPhiLePhi, string MaPhiLePhi, string HinhThucThu, string Gia, string LoaiPhiLePhi);

/// <param name="TrangThaiBoSung">0 waiting for the papers, 1 received.</param>
/// <param name="DanhSachGiayToBoSung">The papers handed in, shaped as <see cref="TaiLieuNop"/>.</param>
public sealed record HoSoBoSung(
    string HoSoBoSungId, string NguoiYeuCauBoSung, string NoiDungBoSung, string NgayBoSung, string? NguoiTiepNhanBoSung,
    string? NgayTiepNhanBoSung, string TrangThaiBoSung, string NgayHenTraTruoc, string? NgayHenTraMoi, List<TaiLieuNop>? DanhSachGiayToBoSung = null);

public sealed record GiayToKetQua(string TenGiayTo, string MaThanhPhanHoSo, string GiayToId, string DuongDanTepTinKetQua, string? MaGiayToKetQua);
