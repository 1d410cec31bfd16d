using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using WireMock;

namespace IntegrationHub.Sandbox.Registries;

/// <summary>
/// The population database's own SOAP service (C06), simulated: signed Basic authentication checked
/// with code of the simulator's own (a stale timestamp, another URL or another secret is refused),
/// TraCuuThongTinCongDan answered with the citizen when number, name (upper-case, with or without
/// diacritics) and birth date go together, and with an empty collection otherwise. Also the same request
/// carried by a VNPT-style LGSP: <c>{accessToken, lgspAccessToken, data}</c> with the platform's token.
/// </summary>
internal sealed class C06Endpoint(
    IReadOnlyDictionary<string, CongDan> citizens, C06SimulatorOptions options, Func<string> serviceUrl, Func<string, bool> tokenValid, Action counted)
{
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Request = "http://dancuquocgia.bca";
    private static readonly XNamespace Answer = "http://www.mic.gov.vn/dancu/1.0";
    private static readonly TimeSpan TimestampWindow = TimeSpan.FromMinutes(5);

    public IResponseMessage Handle(IRequestMessage request) =>
        Authenticated(request) ? Reply(request.Body) : SimulatorResponses.Text(HttpStatusCode.Unauthorized, "Unauthorized");

    public IResponseMessage HandleLgsp(IRequestMessage request)
    {
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(request.Body ?? "") as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }
        var token = (string?)body?["accessToken"] ?? "";
        return token.StartsWith("Bearer ", StringComparison.Ordinal) && tokenValid(token["Bearer ".Length..]) && LgspCredentials((string?)body?["lgspAccessToken"])
            ? Reply((string?)body?["data"])
            : SimulatorResponses.RawJson(HttpStatusCode.Unauthorized, """{"error":"invalid_token"}""");
    }

    /// <summary>Whether an <c>lgspaccesstoken</c> (base64 of a JSON object) names this LGSP's access key and secret.</summary>
    public bool LgspCredentials(string? header)
    {
        try
        {
            var credentials = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header ?? ""))) as JsonObject;
            return (string?)credentials?["AccessKey"] == options.LgspAccessKey && (string?)credentials?["SecretKey"] == options.SecretKey;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private IResponseMessage Reply(string? envelope)
    {
        XElement? lookup;
        try
        {
            lookup = XDocument.Parse(envelope ?? "").Root?.Element(Soap + "Body")?.Element(Request + "TraCuuThongTinCongDan");
        }
        catch (XmlException)
        {
            lookup = null;
        }
        if (lookup is null || Field(lookup, "MaTichHop") != options.IntegrationCode || Field(lookup, "MaYeuCau") is null || Field(lookup, "MaCanBo") is null)
        {
            return Fault("Yêu cầu không hợp lệ: thiếu TraCuuThongTinCongDan, MaYeuCau, MaCanBo hoặc sai MaTichHop");
        }
        counted();
        var born = lookup.Element(Request + "NgayThangNamSinh");
        var birth = Field(born, "NgayThangNam") ?? Field(born, "Nam") ?? "";
        var found = Field(lookup, "SoDinhDanh") is { } number && citizens.TryGetValue(number, out var citizen)
            && Fold(Field(lookup, "HoVaTen") ?? "") == Fold(citizen.HoVaTen)
            && (birth.Length == 4 ? citizen.NgaySinh.StartsWith(birth, StringComparison.Ordinal) : citizen.NgaySinh == birth)
                ? citizen : null;
        var collection = new XElement(Answer + "CongdanCollection",
            new XAttribute("SoCongDan", found is null ? 0 : 1), new XAttribute("ThoiDiemDuLieu", found?.NgayCapNhat ?? ""));
        if (found is not null)
        {
            collection.Add(CongDan(found));
        }
        return SimulatorResponses.Xml(HttpStatusCode.OK, Envelope(collection));
    }

    private bool Authenticated(IRequestMessage request)
    {
        var authorization = Header(request, "Authorization");
        var timestamp = Header(request, "Timestamp");
        if (!authorization.StartsWith("Basic ", StringComparison.Ordinal)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var millis)
            || (DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeMilliseconds(millis)).Duration() > TimestampWindow)
        {
            return false;
        }
        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]));
        }
        catch (FormatException)
        {
            return false;
        }
        var expected = $"{options.Username}:{Sha256Hex(serviceUrl() + options.Username + timestamp + options.SecretKey)}";
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credentials), Encoding.UTF8.GetBytes(expected));
    }

    private static XElement CongDan(CongDan citizen) => new(Answer + "CongDan",
        new XElement(Answer + "SoDinhDanh", citizen.SoDinhDanh),
        new XElement(Answer + "SoCMND", citizen.SoCMNDCu),
        new XElement(Answer + "HoVaTen", new XElement(Answer + "Ho"), new XElement(Answer + "ChuDem"), new XElement(Answer + "Ten", citizen.HoVaTen)),
        new XElement(Answer + "GioiTinh", citizen.GioiTinh),
        new XElement(Answer + "DanToc", citizen.DanToc),
        new XElement(Answer + "TonGiao", citizen.TonGiao),
        new XElement(Answer + "NgayThangNamSinh", new XElement(Answer + "Nam", citizen.NgaySinh[..4]), new XElement(Answer + "NgayThangNam", citizen.NgaySinh)),
        Address("QueQuan", citizen.QueQuan),
        Address("ThuongTru", citizen.NoiThuongTru),
        Address("NoiOHienTai", citizen.NoiOHienTai),
        new XElement(Answer + "QuocTich", citizen.QuocTich));

    private static XElement Address(string name, DiaChi address) => new(Answer + name,
        new XElement(Answer + "MaTinhThanh", address.MaTinh), new XElement(Answer + "MaQuanHuyen", address.MaHuyen),
        new XElement(Answer + "MaPhuongXa", address.MaXa), new XElement(Answer + "ChiTiet", address.ChiTiet), new XElement(Answer + "QuocGia", "VN"));

    private static IResponseMessage Fault(string reason) => SimulatorResponses.Xml(HttpStatusCode.InternalServerError, Envelope(
        new XElement(Soap + "Fault", new XElement("faultcode", "soapenv:Client"), new XElement("faultstring", reason))));

    private static string Envelope(XElement content) =>
        new XDocument(new XElement(Soap + "Envelope", new XAttribute(XNamespace.Xmlns + "soapenv", Soap), new XElement(Soap + "Body", content)))
            .ToString(SaveOptions.DisableFormatting);

    private static string? Field(XElement? parent, string name) => parent?.Element(Request + name)?.Value is { Length: > 0 } value ? value : null;

    private static string Header(IRequestMessage request, string name) =>
        request.Headers is { } headers && headers.TryGetValue(name, out var values) ? values.FirstOrDefault() ?? "" : "";

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    // Upper case without diacritics, spaces folded: how the public client sends names.
    private static string Fold(string name)
    {
        var letters = name.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => c is 'đ' or 'Đ' ? 'D' : char.ToUpperInvariant(c));
        return string.Join(' ', new string([.. letters]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
