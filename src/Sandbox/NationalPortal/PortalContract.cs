using System.Globalization;
using System.Text.Json.Nodes;

namespace IntegrationHub.Sandbox.NationalPortal;

/// <summary>
/// The portal's checks on a dossier (DongBoHoSoMC) or step (CapNhatTienDoHoSoMC) item, per the
/// contract (docs/national-systems.md): required fields, string values, date formats, code ranges and
/// the fields that exist. Each check returns the first problem found, or null.
/// </summary>
public static class PortalContract
{
    /// <summary>Every field of a DongBoHoSoMC item, and of each of its lists' elements, that the contract knows.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> DossierFields = new Dictionary<string, string[]>
    {
        [""] =
        [
            "MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "KenhThucHien", "SoBienNhan", "ChuHoSo", "SoGiayToChuHoSo",
            "LoaiDoiTuong", "MaDoiTuong", "ThongTinKhac", "Email", "Fax", "SoDienThoai", "TrichYeuHoSo", "NgayTiepNhan", "NgayHenTra",
            "TrangThaiHoSo", "NgayTra", "ThongTinTra", "HinhThuc", "NgayKetThucXuLy", "DonViXuLy", "GhiChu", "NoiNopHoSo",
            "HoSoCoThanhPhanSoHoa", "TaiKhoanDuocXacThucVoiVNeID", "DuocThanhToanTrucTuyen", "NgayTuChoi", "NgayNopHoSo",
            "DinhDanhCHS", "DSKetNoiCSDL", "TaiLieuNop", "DanhSachLePhi", "DanhSachTepDinhKemKhac", "DanhSachHoSoBoSung", "DanhSachGiayToKetQua",
        ],
        ["DinhDanhCHS"] = ["LoaiDinhDanh", "SoDinhDanh"],
        ["DSKetNoiCSDL"] = ["MaCSDL"],
        ["TaiLieuNop"] = ["TepDinhKemId", "TenTepDinhKem", "IsDeleted", "MaThanhPhanHoSo", "DuongDanTaiTepTin", "DuocSoHoa", "DuocTaiSuDung", "DuocLayTuKhoDMQG", "MaKetQuaThayThe"],
        ["DanhSachLePhi"] = ["TenPhiLePhi", "MaPhiLePhi", "HinhThucThu", "Gia", "LoaiPhiLePhi"],
        ["DanhSachTepDinhKemKhac"] = ["TenGiayTo", "SoLuong", "LoaiGiayTo"],
        ["DanhSachHoSoBoSung"] =
        [
            "HoSoBoSungId", "NguoiYeuCauBoSung", "NoiDungBoSung", "NgayBoSung", "NguoiTiepNhanBoSung", "ThongTinTiepNhan", "NgayTiepNhanBoSung",
            "TrangThaiBoSung", "DanhSachGiayToBoSung", "DanhSachLePhiBoSung", "NgayHenTraTruoc", "NgayHenTraMoi",
        ],
        ["DanhSachGiayToKetQua"] = ["TenGiayTo", "MaThanhPhanHoSo", "GiayToId", "DuongDanTepTinKetQua", "MaGiayToKetQua"],
    };

    /// <summary>Every field of a CapNhatTienDoHoSoMC item.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ProgressFields = new Dictionary<string, string[]>
    {
        [""] = ["MaHoSo", "NguoiXuLy", "ChucDanh", "ThoiDiemXuLy", "PhongBanXuLy", "NoiDungXuLy", "TrangThai", "NgayBatDau", "NgayKetThucTheoQuyDinh"],
    };

    /// <summary>Every key of a call's body.</summary>
    public static readonly IReadOnlySet<string> EnvelopeFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "session", "madonvi", "service", "isUpdating", "data", "mahoso", "maTTHC", "donViXuLy", "ngayNhan1", "ngayNhan2", "duongdanteptin",
    };

    /// <summary>The first field of <paramref name="item"/> (or of an element of its lists) that <paramref name="fields"/> does not know, as a path.</summary>
    public static string? UnknownField(JsonObject item, IReadOnlyDictionary<string, string[]> fields, string list = "")
    {
        foreach (var (name, value) in item)
        {
            if (!fields[list].Contains(name))
            {
                return list.Length == 0 ? name : $"{list}.{name}";
            }
            if (list.Length == 0 && value is JsonArray elements && fields.ContainsKey(name)
                && elements.OfType<JsonObject>().Select(e => UnknownField(e, fields, name)).FirstOrDefault(u => u is not null) is { } unknown)
            {
                return unknown;
            }
        }
        return null;
    }

    private static readonly string[] DossierRequired =
        ["MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "LoaiDoiTuong", "TrichYeuHoSo", "NgayTiepNhan", "NgayHenTra", "TrangThaiHoSo", "HinhThuc", "DonViXuLy"];

    private static readonly string[] DossierDates = ["NgayTiepNhan", "NgayHenTra", "NgayTra", "NgayKetThucXuLy", "NgayTuChoi"];

    private static readonly string[] ProgressRequired = ["MaHoSo", "NguoiXuLy", "ThoiDiemXuLy", "NoiDungXuLy", "TrangThai"];

    private static readonly string[] ProgressDates = ["ThoiDiemXuLy", "NgayBatDau", "NgayKetThucTheoQuyDinh"];

    public static string? CheckDossier(JsonObject item) =>
        Required(item, DossierRequired)
        ?? Dates(item, DossierDates)
        ?? InRange(item, "TrangThaiHoSo", 1, 10)
        ?? InRange(item, "LoaiDoiTuong", 1, 4)
        ?? InRange(item, "HinhThuc", 0, 1)
        ?? (item["KenhThucHien"] is null ? null : InRange(item, "KenhThucHien", 1, 3))
        ?? MaxLength(item, "TrichYeuHoSo", 1000)
        ?? (Text(item, "Email") is { Length: > 0 } email && !email.Contains('@') ? "Email: không đúng định dạng" : null)
        ?? Items(item, "TaiLieuNop", ["TepDinhKemId", "TenTepDinhKem", "DuongDanTaiTepTin"])
        ?? Items(item, "DanhSachLePhi", ["TenPhiLePhi", "Gia"])
        ?? Items(item, "DanhSachGiayToKetQua", ["TenGiayTo", "GiayToId", "DuongDanTepTinKetQua"])
        ?? Fees(item);

    public static string? CheckProgress(JsonObject item) =>
        Required(item, ProgressRequired)
        ?? Dates(item, ProgressDates)
        ?? InRange(item, "TrangThai", 1, 10)
        ?? MaxLength(item, "NguoiXuLy", 50);

    public static string? Text(JsonObject item, string field) =>
        item[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string? Required(JsonObject item, string[] fields)
    {
        foreach (var field in fields)
        {
            if (item[field] is not null && Text(item, field) is null)
            {
                return $"{field}: phải là chuỗi";
            }
            if (string.IsNullOrWhiteSpace(Text(item, field)))
            {
                return $"{field}: bắt buộc";
            }
        }
        return null;
    }

    private static string? Dates(JsonObject item, string[] fields)
    {
        foreach (var field in fields)
        {
            if (Text(item, field) is { Length: > 0 } text
                && !DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return $"{field}: phải có dạng yyyyMMddHHmmss";
            }
        }
        return null;
    }

    private static string? InRange(JsonObject item, string field, int min, int max) =>
        int.TryParse(Text(item, field), NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code >= min && code <= max
            ? null
            : $"{field}: mã không hợp lệ";

    private static string? MaxLength(JsonObject item, string field, int max) =>
        Text(item, field) is { } text && text.Length > max ? $"{field}: dài quá {max} ký tự" : null;

    private static string? Items(JsonObject item, string list, string[] required)
    {
        if (item[list] is null)
        {
            return null;
        }
        if (item[list] is not JsonArray array)
        {
            return $"{list}: phải là mảng";
        }
        foreach (var entry in array)
        {
            if (entry is not JsonObject element || Required(element, required) is { } problem)
            {
                return $"{list}: phần tử không hợp lệ";
            }
        }
        return null;
    }

    private static string? Fees(JsonObject item) =>
        item["DanhSachLePhi"] is JsonArray fees && fees.OfType<JsonObject>().Any(f => !long.TryParse(Text(f, "Gia"), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            ? "DanhSachLePhi.Gia: phải là số không âm"
            : null;
}
