using System.Globalization;
using System.Text.Json;
using IntegrationHub.Adapters.NationalPortal.Wire;
using IntegrationHub.Adapters.Registries;

namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>
/// Where the portal's pull answers (DanhSachHoSo rows, TraCuuHoSo of a filing, LayTaiLieuHoSo files) become the
/// hub's terms. A row that cannot be taken as it is says why, field by field; it is never taken in part.
/// </summary>
public static class FilingWireReader
{
    public static FiledRow ReadRow(JsonElement row)
    {
        var raw = row.GetRawText();
        HoSoNopTrucTuyen? wire;
        try
        {
            wire = row.Deserialize<HoSoNopTrucTuyen>();
        }
        catch (JsonException e)
        {
            return new FiledRow(null, null, $"the row is not DanhSachHoSo's: {e.Message}", raw);
        }
        var code = wire?.MaHoSo?.Trim();
        string? Problem()
        {
            if (wire is null || string.IsNullOrEmpty(code) || code.Length > 80)
            {
                return "maHoSo: missing";
            }
            if (string.IsNullOrWhiteSpace(wire.MaDonVi))
            {
                return "maDonVi: missing, the handling agency is not known";
            }
            if (string.IsNullOrWhiteSpace(wire.MaTTHC))
            {
                return "maTTHC: missing";
            }
            if (ReadDate(wire.NgayNhanHoSo) is null)
            {
                return $"ngayNhanHoSo: '{wire.NgayNhanHoSo}' is not dd/MM/yyyy HH:mm:ss";
            }
            if (string.IsNullOrWhiteSpace(wire.HoTenNguoiNop))
            {
                return "hoTenNguoiNop: missing";
            }
            if (CitizenIdNumber.Problem(wire.SoDinhDanh ?? "", birthYear: null) is { } idProblem)
            {
                return $"soDinhDanh: {idProblem}";
            }
            return (wire.HoSoDinhKem ?? []).Select((d, i) => string.IsNullOrWhiteSpace(d.FileDinhKem) ? $"hoSoDinhKem[{i}].filedinhkem: missing" : null)
                .FirstOrDefault(p => p is not null);
        }
        if (Problem() is { } problem)
        {
            return new FiledRow(code, null, problem, raw);
        }
        return new FiledRow(code, new FiledDossier(
            code!, wire!.MaTTHC!.Trim(), wire.MaDonVi!.Trim(), ReadDate(wire.NgayNhanHoSo)!.Value, wire.HoTenNguoiNop!.Trim(), wire.SoDinhDanh!,
            wire.NgaySinh, wire.DiaChi, wire.SoDienThoai, wire.Email, string.IsNullOrWhiteSpace(wire.TrichYeu) ? $"Hồ sơ {code} nộp trên Cổng DVCQG" : wire.TrichYeu.Trim(),
            [.. (wire.HoSoDinhKem ?? []).Select((d, i) => new FiledDocument(
                d.MaGiayTo ?? "", string.IsNullOrWhiteSpace(d.TenGiayTo) ? $"Tệp {i + 1}" : d.TenGiayTo.Trim(), d.FileDinhKem!))]), null, raw);
    }

    /// <summary>TraCuuHoSo's first record, when the portal holds the dossier.</summary>
    public static FilingState? ReadState(JsonElement? result)
    {
        if (result is not { ValueKind: JsonValueKind.Array } items || items.GetArrayLength() == 0)
        {
            return null;
        }
        var detail = items[0].Deserialize<HoSoChiTiet>();
        return new FilingState(detail?.MaTrangThai ?? "", ReadDate(detail?.NgayHenTra));
    }

    /// <summary>LayTaiLieuHoSo's file at <paramref name="path"/>, decoded; null when the answer does not hold it as base64.</summary>
    public static byte[]? ReadFile(JsonElement? result, string path)
    {
        if (result is not { ValueKind: JsonValueKind.Array } files)
        {
            return null;
        }
        var file = files.EnumerateArray().Select(f => f.Deserialize<TepTinDinhKem>()).FirstOrDefault(f => f?.DuongDan == path) ?? (files.GetArrayLength() == 1 ? files[0].Deserialize<TepTinDinhKem>() : null);
        try
        {
            return file?.Base64 is { } text ? Convert.FromBase64String(text) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    internal static DateTimeOffset? ReadDate(string? text) =>
        DateTime.TryParseExact(text, "dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, VietnamTime.Offset).ToUniversalTime()
            : null;
}
