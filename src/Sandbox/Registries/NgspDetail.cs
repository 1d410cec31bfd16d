using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Adapters.Registries;

namespace IntegrationHub.Sandbox.Registries;

/// <summary>
/// The enterprise database's NGSP/LGSP detail (<c>chiTietDoanhNghiep?msdn=</c>), simulated in the
/// service's own shape: <c>{Data:{MainInformation, HOAdress, Representatives, BusinessActivities}, DataCount, Status, Message}</c>.
/// </summary>
internal static class NgspDetail
{
    public static string Answer(IReadOnlyDictionary<string, DoanhNghiep> enterprises, string code, Action counted)
    {
        if (!EnterpriseCode.IsValid(code))
        {
            return Envelope(null, "0", "msdn không hợp lệ");
        }
        counted();
        // A branch (13 digits) is answered with its parent's record.
        if (!enterprises.TryGetValue(code[..10], out var enterprise))
        {
            return Envelope(null, "1", "Không tìm thấy doanh nghiệp");
        }
        var data = new JsonObject
        {
            ["MainInformation"] = new JsonObject
            {
                ["ENTERPRISE_GDT_CODE"] = enterprise.MaSoDoanhNghiep,
                ["NAME"] = enterprise.TenDoanhNghiep,
                ["NAME_F"] = enterprise.TenTiengAnh,
                ["SHORT_NAME"] = enterprise.TenVietTat,
                ["ENTERPRISE_TYPE_NAME"] = enterprise.LoaiHinhDoanhNghiep,
                ["FOUNDING_DATE"] = IsoDate(enterprise.NgayThanhLap),
                ["ENTERPRISE_STATUS_NAME"] = enterprise.TinhTrangHoatDong,
                ["LEGAL_NAMES"] = string.Join(";", enterprise.NguoiDaiDienPhapLuat.Select(p => p.HoVaTen)),
                ["CAPITAL_AMOUNT"] = enterprise.VonDieuLe,
                ["LAST_AMEND_DATE"] = IsoDate(enterprise.NgayCapNhat),
            },
            ["HOAdress"] = new JsonObject
            {
                ["CityID"] = enterprise.DiaChiTruSo.MaTinh,
                ["DistrictID"] = enterprise.DiaChiTruSo.MaHuyen,
                ["WardID"] = enterprise.DiaChiTruSo.MaXa,
                ["AddressFullText"] = enterprise.DiaChiTruSo.ChiTiet,
            },
            ["Representatives"] = new JsonArray([.. enterprise.NguoiDaiDienPhapLuat.Select(p => (JsonNode)new JsonObject { ["FULL_NAME"] = p.HoVaTen, ["POSITION_NAME"] = p.ChucDanh })]),
            ["BusinessActivities"] = new JsonArray([.. enterprise.NganhNghe.Select(l => (JsonNode)new JsonObject { ["CODE"] = l.Ma, ["NAME"] = l.Ten, ["IS_MAIN"] = l.LaNganhChinh ? "Y" : "N" })]),
        };
        return Envelope(data, "1", "Thành công");
    }

    private static string Envelope(JsonObject? data, string status, string message) =>
        new JsonObject { ["Data"] = data, ["DataCount"] = data is null ? 0 : 1, ["Status"] = status, ["Message"] = message }
            .ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    // The registry's yyyyMMdd as the service's yyyy-MM-ddTHH:mm:ss.
    private static string IsoDate(string yyyyMMdd) => $"{yyyyMMdd[..4]}-{yyyyMMdd[4..6]}-{yyyyMMdd[6..8]}T00:00:00";
}
