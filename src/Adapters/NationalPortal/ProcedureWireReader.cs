using System.Globalization;
using System.Text.Json;

namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>Reads LayThuTuc's answer (upper-case names, numbers sometimes as text) into <see cref="ProcedureDetails"/>; what is missing is left empty.</summary>
public static class ProcedureWireReader
{
    public static ProcedureDetails Details(ProcedureInfo info, JsonElement item) => new(
        info.Code, info.Name, info.FieldCode, info.FieldName,
        Items(item, "COQUANTHUCHIEN").Select(a => Text(a, "TENDONVI")).FirstOrDefault(n => n is not null),
        [.. Items(item, "CAPTHUCHIEN").Select(l => Text(l, "TENCAP") ?? Text(l, "CAPTHUCHIEN")).OfType<string>()],
        [.. Items(item, "CACHTHUCTHUCHIEN").Select(way => new ProcedureWay(
            (int)Number(way, "KENH"),
            [.. Items(way, "THOIGIAN").Select(time => new ProcessingTime(
                Number(time, "THOIGIANGIAIQUYET"), Text(time, "DONVITINH") ?? "", Text(time, "MOTA"),
                [.. Items(time, "PHILEPHI").Select(fee => new ProcedureFee(Text(fee, "MAPHILEPHI"), Number(fee, "SOTIEN"), Text(fee, "DONVI"), Text(fee, "MOTA")))]))]))],
        [.. Items(item, "THANHPHANHOSO").Select(c => new ProcedureComponent(
            Text(c, "TRUONGHOP"),
            [.. Items(c, "GIAYTO").Select(d => new ProcedureDocument(
                Text(d, "MAGIAYTO"), Text(d, "TENGIAYTO") ?? "", (int)Number(d, "SOBANCHINH"), (int)Number(d, "SOBANSAO"), Text(d, "MA_KQ_THAYTHE")))]))],
        [.. Items(item, "KETQUATHUCHIEN").Select(r => new ProcedureResult(Text(r, "MAKETQUA"), Text(r, "TENKETQUA") ?? ""))]);

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch { JsonValueKind.String => value.GetString(), JsonValueKind.Number => value.GetRawText(), _ => null }
            : null;

    private static decimal Number(JsonElement element, string name) =>
        decimal.TryParse(Text(element, name), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : 0;
}
