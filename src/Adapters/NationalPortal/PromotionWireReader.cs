using System.Globalization;
using IntegrationHub.Adapters.NationalPortal.Wire;
using IntegrationHub.Adapters.Registries;

namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>
/// Where a pushed promotion notice (addtthcKhuyenMai) becomes the hub's terms, or says, by the portal's field name, the
/// first reason it cannot be taken; never taken in part.
/// </summary>
public static class PromotionWireReader
{
    public static (string? Problem, PushedPromotion? Promotion) Read(HoSoKhuyenMai? wire, int maxFileBytes)
    {
        var code = wire?.MaHoSo?.Trim();
        if (wire is null || string.IsNullOrEmpty(code) || code.Length > 80)
        {
            return ("MaHoSo: bắt buộc, tối đa 80 ký tự", null);
        }
        if (string.IsNullOrWhiteSpace(wire.MaTTHC))
        {
            return ("MaTTHC: bắt buộc", null);
        }
        if (ReadDate(wire.NgayNopHoSo) is not { } filedAt)
        {
            return ($"NgayNopHoSo: '{wire.NgayNopHoSo}' không phải ngày dd/MM/yyyy [HH:mm:ss]", null);
        }
        if (string.IsNullOrWhiteSpace(wire.TenThuongNhan))
        {
            return ("TenThuongNhan: bắt buộc", null);
        }
        if (wire.MaSoThue?.Trim() is not { } taxCode || !EnterpriseCode.IsValid(taxCode))
        {
            return ($"MaSoThue: '{wire.MaSoThue}' không phải mã số thuế (10 chữ số có số kiểm tra, hoặc 13 với đơn vị phụ thuộc)", null);
        }
        var files = new List<PushedFile>();
        var sent = new[] { (Field: "TepDonDangKy", Name: wire.TenTepDonDangKy, Base64: wire.TepDonDangKy) }
            .Concat((wire.TaiLieuNop ?? []).Select((t, i) => (Field: $"TaiLieuNop[{i}]", Name: t.TenTepDinhKem, t.Base64)));
        foreach (var (field, name, base64) in sent)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return ($"{field}: thiếu tên tệp", null);
            }
            if (Decode(base64) is not { } content)
            {
                return ($"{field}: nội dung không phải base64", null);
            }
            if (content.Length > maxFileBytes)
            {
                return ($"{field}: {content.Length} byte, vượt quá {maxFileBytes}", null);
            }
            files.Add(new PushedFile(name.Trim(), content));
        }
        var address = wire.DiaChiDoanhNghiep?.DiaChiChiTiet?.Trim();
        var programme = string.IsNullOrWhiteSpace(wire.TenChuongTrinhKhuyenMai) ? code : wire.TenChuongTrinhKhuyenMai.Trim();
        return (null, new PushedPromotion(
            code, wire.MaTTHC.Trim(), filedAt, wire.TenThuongNhan.Trim(), taxCode, string.IsNullOrEmpty(address) ? null : address,
            Blank(wire.DienThoai) ?? Blank(wire.SoDienThoaiNguoiLienHe), Blank(wire.Email),
            $"Thông báo khuyến mại: {programme}" + (Blank(wire.SoVanBan) is { } number ? $" (văn bản số {number})" : ""), files));
    }

    // The push's date is not pinned down by public material: the portal's own form first, then the day alone.
    private static DateTimeOffset? ReadDate(string? text) =>
        FilingWireReader.ReadDate(text)
        ?? (DateTime.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day, VietnamTime.Offset).ToUniversalTime()
            : null);

    private static byte[]? Decode(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return null;
        }
        var content = new byte[base64.Length * 3 / 4];
        return Convert.TryFromBase64String(base64, content, out var written) ? content[..written] : null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
