using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace IntegrationHub.Sandbox.NationalPortal;

/// <summary>
/// The calls DVCQG makes on a province, made as the portal would: the payment look-up (kpdvcqg/dptracuuthanhtoanhs),
/// the amendment of a dossier filed on the portal (nhanhsdvcqg) and a promotion notice filed on it (addtthcKhuyenMai).
/// Each answer is held to the contract; a breach is recorded with the portal's other violations.
/// </summary>
public sealed class ProvinceCalls(PortalSimulatorOptions options, PortalRecords records, NationalFilings filings)
{
    public const string PaymentLookupPath = "/dvcqg/kpdvcqg/dptracuuthanhtoanhs";

    public const string AmendmentPath = "/dvcqg/nhanhsdvcqg";

    public const string PromotionPath = "/dvcqg/addtthcKhuyenMai";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>DVCQG asks what a dossier owes. <paramref name="secret"/>: the key presented; null: the one the province was given.</summary>
    public async Task<ProvinceReply> AskPaymentAsync(string dossierCode, string? secret = null, string? body = null)
    {
        var reply = await PostAsync(PaymentLookupPath, body ?? new JsonObject { ["MaHoSo"] = dossierCode }.ToJsonString(), secret);
        foreach (var breach in Breaches(reply, dossierCode))
        {
            records.Violation($"dptracuuthanhtoanhs {dossierCode}: {breach}");
        }
        return reply;
    }

    /// <summary>
    /// DVCQG tells the province that the applicant amended a dossier filed on the portal: what was filed, what changed,
    /// and the new form's file. The answer must be {error_code: 0 | -1, message: text}.
    /// </summary>
    public async Task<ProvinceReply> SendAmendmentAsync(
        string nationalCode, string procedureCode, JsonObject submitted, JsonObject amended, string fileName, string fileUrl, string? secret = null, string? body = null)
    {
        var call = new JsonObject
        {
            ["service"] = "NhanHoSoDVCQG",
            ["isUpdating"] = true,
            ["data"] = new JsonObject
            {
                ["MaHoSoQG"] = nationalCode, ["MaTTHC"] = procedureCode, ["ThongTinDaNop"] = submitted, ["ThongTinSuaDoi"] = amended,
                ["TenTepDangKy"] = fileName, ["URLTepDangKy"] = fileUrl,
            },
        };
        return Checked("nhanhsdvcqg", nationalCode, await PostAsync(AmendmentPath, body ?? call.ToJsonString(), secret));
    }

    /// <summary>
    /// DVCQG hands the province a promotion notice a trader filed on the portal, its files as base64. The answer must be
    /// {error_code: 0 | -1, message: text}.
    /// </summary>
    public async Task<ProvinceReply> PushPromotionAsync(PromotionNotice notice, string? secret = null, string? body = null)
    {
        // The trader filed it on the portal: from now on the portal holds it, as it does the filings it serves.
        filings.Hold(notice.Code);
        return Checked("addtthcKhuyenMai", notice.Code, await PostAsync(PromotionPath, body ?? PromotionBody(notice), secret));
    }

    /// <summary>The addtthcKhuyenMai body of a notice, as OpenCPS receives it (research notes §1.9).</summary>
    public static string PromotionBody(PromotionNotice notice) => new JsonObject
        {
            ["MaHoSo"] = notice.Code, ["MaTTHC"] = notice.ProcedureCode, ["SoVanBan"] = notice.DocumentNumber,
            ["NgayNopHoSo"] = notice.FiledAt.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            ["TenThuongNhan"] = notice.TraderName,
            ["DiaChiDoanhNghiep"] = new JsonObject { ["MaTinh"] = "02", ["MaHuyen"] = "024", ["MaXa"] = "00688", ["DiaChiChiTiet"] = notice.Address },
            ["DienThoai"] = notice.Phone, ["Fax"] = "", ["Email"] = notice.Email, ["MaSoThue"] = notice.TaxCode,
            ["NguoiLienHe"] = notice.ContactName, ["SoDienThoaiNguoiLienHe"] = notice.Phone,
            ["TenChuongTrinhKhuyenMai"] = notice.Programme,
            ["TenTepDonDangKy"] = notice.Form.Name, ["TepDonDangKy"] = Convert.ToBase64String(notice.Form.Content),
            ["TaiLieuNop"] = new JsonArray([.. notice.Papers.Select(p => (JsonNode)new JsonObject
            {
                ["TenTepDinhKem"] = p.Name, ["Base64"] = Convert.ToBase64String(p.Content),
            })]),
        }.ToJsonString();

    private async Task<ProvinceReply> PostAsync(string path, string body, string? secret)
    {
        var url = (options.ProvinceUrl ?? throw new InvalidOperationException("no ProvinceUrl: the portal does not know where the province is")) + path;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-DVCQG-Key", secret ?? options.ProvinceCallSecret);
        using var response = await Http.SendAsync(request);
        return new ProvinceReply(response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject);
    }

    /// <summary>{error_code: 0 | -1, message: text}, or a violation.</summary>
    private ProvinceReply Checked(string service, string code, ProvinceReply reply)
    {
        if (reply.ErrorCode is not (0 or -1) || reply.Body?["message"] is not JsonValue text || !text.TryGetValue<string>(out _))
        {
            records.Violation($"{service} {code}: the answer is not {{error_code: 0|-1, message: text}}");
        }
        return reply;
    }

    /// <summary>{error_code: -1 | 0 | 1, message}: text for -1 and 0; for 1 the bill, its fees adding up to its amount.</summary>
    private static IEnumerable<string> Breaches(ProvinceReply reply, string dossierCode)
    {
        if (reply.Body is not { } body || body["error_code"] is not JsonValue code || !code.TryGetValue<int>(out var errorCode) || errorCode is < -1 or > 1)
        {
            yield return "the answer is not {error_code: -1|0|1, message}";
            yield break;
        }
        if (errorCode != 1)
        {
            if (body["message"] is not JsonValue text || !text.TryGetValue<string>(out _))
            {
                yield return $"error_code {errorCode} without a message";
            }
            yield break;
        }
        if (body["message"] is not JsonObject bill)
        {
            yield return "error_code 1 without the bill in message";
            yield break;
        }
        string Text(string name) => bill[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        if (Text("MaHoSo") != dossierCode)
        {
            yield return $"MaHoSo {Text("MaHoSo")} is not the dossier asked about";
        }
        var lookup = Text("MaTraCuuTT");
        if (!lookup.StartsWith(dossierCode, StringComparison.Ordinal) || lookup.Length != dossierCode.Length + 14 || !lookup[dossierCode.Length..].All(char.IsAsciiDigit))
        {
            yield return $"MaTraCuuTT {lookup} is not MaHoSo + yyyyMMddHHmmss";
        }
        foreach (var name in new[] { "MaTTHC", "MaDVC", "MaDonVi", "TenDonVi", "NoiDungThanhToan" })
        {
            if (Text(name).Length == 0)
            {
                yield return $"{name} is missing";
            }
        }
        if (bill["PhiLePhi"] is not JsonArray fees || fees.Count == 0 || bill["DSKhoanNop"] is not JsonArray)
        {
            yield return "PhiLePhi (non-empty) or DSKhoanNop is missing";
            yield break;
        }
        var sum = fees.Sum(f => f?["SoTien"] is JsonValue v && v.TryGetValue<long>(out var amount) ? amount : -1);
        if (bill["SoTien"] is not JsonValue total || !total.TryGetValue<long>(out var amountDue) || amountDue != sum || amountDue <= 0)
        {
            yield return "SoTien is not the sum of PhiLePhi";
        }
        if (fees.Any(f => f?["LoaiPhiLePhi"] is not JsonValue k || !k.TryGetValue<int>(out var kind) || kind is not (1 or 2)))
        {
            yield return "LoaiPhiLePhi is not 1 (phí) or 2 (lệ phí)";
        }
    }
}

/// <summary>A promotion notice a trader filed on the portal (addtthcKhuyenMai): the registration form and the papers.</summary>
public sealed record PromotionNotice(
    string Code, string ProcedureCode, DateTimeOffset FiledAt, string TraderName, string TaxCode, string Address, string Phone, string Email,
    string ContactName, string Programme, string DocumentNumber, FiledFile Form, IReadOnlyList<FiledFile> Papers);

public sealed record FiledFile(string Name, byte[] Content);

public sealed record ProvinceReply(HttpStatusCode Status, JsonObject? Body)
{
    public int? ErrorCode => Body?["error_code"] is JsonValue v && v.TryGetValue<int>(out var code) ? code : null;
}
