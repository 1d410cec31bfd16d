using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Adapters.Registries;

namespace IntegrationHub.Sandbox.Registries;

/// <summary>
/// The enterprise database's answer in the three forms public clients read: NGSP/LGSP's
/// <c>{Data:{MainInformation, HOAdress, Representatives, BusinessActivities}, DataCount, Status, Message}</c>,
/// Hồ Chí Minh City's <c>{StatusCode, Status, ThrowException, Description, ResultObject}</c> (the same fields flattened),
/// and Thanh Hóa's <c>{GetEntCert:[…]}</c> in Vietnamese names. A branch (13 digits) is answered with its parent's record.
/// </summary>
internal sealed class EnterpriseForms(IReadOnlyDictionary<string, DoanhNghiep> enterprises, Action counted)
{
    private static readonly JsonSerializerOptions WireJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public (HttpStatusCode Status, string Json) Ngsp(string code)
    {
        if (!EnterpriseCode.IsValid(code))
        {
            return (HttpStatusCode.OK, NgspEnvelope(null, "0", "msdn không hợp lệ"));
        }
        return Find(code) is not { } enterprise
            ? (HttpStatusCode.OK, NgspEnvelope(null, "1", "Không tìm thấy doanh nghiệp"))
            : (HttpStatusCode.OK, NgspEnvelope(new JsonObject
            {
                ["MainInformation"] = MainInformation(enterprise),
                ["HOAdress"] = new JsonObject
                {
                    ["CityID"] = enterprise.DiaChiTruSo.MaTinh,
                    ["DistrictID"] = enterprise.DiaChiTruSo.MaHuyen,
                    ["WardID"] = enterprise.DiaChiTruSo.MaXa,
                    ["AddressFullText"] = enterprise.DiaChiTruSo.ChiTiet,
                },
                ["Representatives"] = Array(enterprise.NguoiDaiDienPhapLuat, p => new JsonObject { ["FULL_NAME"] = p.HoVaTen, ["POSITION_NAME"] = p.ChucDanh }),
                ["BusinessActivities"] = Array(enterprise.NganhNghe, l => new JsonObject { ["CODE"] = l.Ma, ["NAME"] = l.Ten, ["IS_MAIN"] = l.LaNganhChinh ? "Y" : "N" }),
            }, "1", "Thành công"));
    }

    public (HttpStatusCode Status, string Json) Hcm(string code)
    {
        if (!EnterpriseCode.IsValid(code))
        {
            return (HttpStatusCode.OK, HcmEnvelope(400, "FAIL", "MaSoDoanhNghiep không hợp lệ", null));
        }
        if (Find(code) is not { } enterprise)
        {
            return (HttpStatusCode.OK, HcmEnvelope(200, "SUCCESS", "Không tìm thấy doanh nghiệp", null));
        }
        var flat = MainInformation(enterprise);
        flat["HO_ADDRESS_FULLTEXT"] = enterprise.DiaChiTruSo.ChiTiet;
        return (HttpStatusCode.OK, HcmEnvelope(200, "SUCCESS", "Thành công", flat));
    }

    public (HttpStatusCode Status, string Json) ThanhHoa(string code)
    {
        if (!EnterpriseCode.IsValid(code))
        {
            return (HttpStatusCode.BadRequest, new JsonObject { ["message"] = "msdn không hợp lệ" }.ToJsonString(WireJson));
        }
        var found = Find(code) is { } enterprise ? new JsonArray(EntCert(enterprise)) : [];
        return (HttpStatusCode.OK, new JsonObject { ["GetEntCert"] = found }.ToJsonString(WireJson));
    }

    private DoanhNghiep? Find(string code)
    {
        counted();
        return enterprises.GetValueOrDefault(code[..10]);
    }

    private static JsonObject MainInformation(DoanhNghiep enterprise) => new()
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
    };

    // The house number ("Số 12") and the street line come apart in this form.
    private static JsonObject EntCert(DoanhNghiep enterprise)
    {
        var street = enterprise.DiaChiTruSo.ChiTiet.Split(' ', 3);
        return new JsonObject
        {
            ["MaSoDoanhNghiep"] = enterprise.MaSoDoanhNghiep,
            ["TenTiengViet"] = enterprise.TenDoanhNghiep,
            ["TenNuocNgoai"] = enterprise.TenTiengAnh,
            ["TenVietTat"] = enterprise.TenVietTat,
            ["LoaiHinhDN"] = enterprise.LoaiHinhDoanhNghiep,
            ["NgayDangKyLanDau"] = VietnameseDate(enterprise.NgayThanhLap),
            ["NgayDangKyThayDoi"] = VietnameseDate(enterprise.NgayCapNhat),
            ["TinhTrangPhapLy"] = new JsonArray(new JsonObject { ["TinhTrangPhapLy"] = enterprise.TinhTrangHoatDong, ["MaTinhTrangPhapLy"] = "01" }),
            ["DaiDienPhapLuat"] = Array(enterprise.NguoiDaiDienPhapLuat, p => new JsonObject
            {
                ["ThongTinCaNhan"] = new JsonArray(new JsonObject { ["HoVaTen"] = p.HoVaTen, ["MaLoaiGiayToChungThuc"] = "CCCD", ["SoGiayChungThuc"] = p.SoDinhDanh }),
            }),
            ["DiaChiTruSo"] = new JsonArray(new JsonObject
            {
                ["DiaChi"] = new JsonArray(new JsonObject
                {
                    ["MaQuocGia"] = "VN",
                    ["MaTinhThanh"] = enterprise.DiaChiTruSo.MaTinh,
                    ["MaQuanHuyen"] = enterprise.DiaChiTruSo.MaHuyen,
                    ["MaPhuongXa"] = enterprise.DiaChiTruSo.MaXa,
                    ["SoNha"] = string.Join(' ', street[..2]),
                    ["DiaChi"] = street[2],
                }),
            }),
            ["NganhNgheKinhDoanh"] = Array(enterprise.NganhNghe, l => new JsonObject { ["MaNganh"] = l.Ma, ["TenNganh"] = l.Ten, ["LaNganhChinh"] = l.LaNganhChinh }),
        };
    }

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonObject> item) => new([.. items.Select(i => (JsonNode)item(i))]);

    private static string NgspEnvelope(JsonObject? data, string status, string message) =>
        new JsonObject { ["Data"] = data, ["DataCount"] = data is null ? 0 : 1, ["Status"] = status, ["Message"] = message }.ToJsonString(WireJson);

    private static string HcmEnvelope(int statusCode, string status, string description, JsonObject? result) =>
        new JsonObject
        {
            ["StatusCode"] = statusCode, ["Status"] = status, ["ThrowException"] = statusCode != 200, ["Description"] = description, ["ResultObject"] = result,
        }.ToJsonString(WireJson);

    // The registry's yyyyMMdd as the LGSP services' yyyy-MM-ddTHH:mm:ss, and as Thanh Hóa's dd/MM/yyyy.
    private static string IsoDate(string yyyyMMdd) => $"{yyyyMMdd[..4]}-{yyyyMMdd[4..6]}-{yyyyMMdd[6..8]}T00:00:00";

    private static string VietnameseDate(string yyyyMMdd) => $"{yyyyMMdd[6..8]}/{yyyyMMdd[4..6]}/{yyyyMMdd[..4]}";
}
