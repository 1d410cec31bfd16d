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
/// carried by a VNPT-style LGSP (<c>{accessToken, lgspAccessToken, data}</c> with the platform's token), and its
/// fields as JSON through a provincial proxy (<c>{error_code, message}</c>).
/// </summary>
internal sealed class C06Endpoint(
    IReadOnlyDictionary<string, CongDan> citizens, C06SimulatorOptions options, Func<string> serviceUrl, Func<string, bool> tokenValid, Action counted)
{
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Request = "http://dancuquocgia.bca";
    private static readonly XNamespace Answer = "http://www.mic.gov.vn/dancu/1.0";
    private static readonly TimeSpan TimestampWindow = TimeSpan.FromMinutes(5);
    private static readonly HashSet<string> ProxyFields = ["HoVaTen", "SoDinhDanh", "SoCMND", "NgayThangNam", "Nam", "MaTichHop", "MaDVC", "MaCanBo", "MaYeuCau"];

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

    /// <summary>The request's fields as JSON with the platform's token, answered <c>{error_code, message}</c> with the SOAP answer as the message.</summary>
    public IResponseMessage HandleJsonProxy(IRequestMessage request)
    {
        var authorization = Header(request, "Authorization");
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !tokenValid(authorization["Bearer ".Length..]))
        {
            return SimulatorResponses.RawJson(HttpStatusCode.Unauthorized, """{"error":"invalid_token"}""");
        }
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(request.Body ?? "") as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }
        var (number, old) = (Json(body, "SoDinhDanh"), Json(body, "SoCMND"));
        var (date, year) = (Json(body, "NgayThangNam"), Json(body, "Nam"));
        // The proxy takes C06's fields and no others: a field it does not know is refused, not ignored.
        if (body?.Select(field => field.Key).FirstOrDefault(name => !ProxyFields.Contains(name)) is { } unknown)
        {
            return SimulatorResponses.RawJson(HttpStatusCode.OK, new JsonObject { ["error_code"] = 1, ["message"] = $"Trường không hợp lệ: {unknown}" }.ToJsonString());
        }
        var asked = body is null || (number is null) == (old is null) || (date is null) == (year is null)
            ? null
            : new Asked(Json(body, "MaTichHop"), Json(body, "MaYeuCau"), Json(body, "MaCanBo"), number ?? old, Json(body, "HoVaTen"), date ?? year);
        var (answered, content) = LookUp(asked, "SoDinhDanh or SoCMND, NgayThangNam or Nam, ");
        return SimulatorResponses.RawJson(HttpStatusCode.OK, new JsonObject { ["error_code"] = answered ? 0 : 1, ["message"] = content }.ToJsonString());
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
        var born = lookup?.Element(Request + "NgayThangNamSinh");
        var asked = lookup is null ? null : new Asked(
            Field(lookup, "MaTichHop"), Field(lookup, "MaYeuCau"), Field(lookup, "MaCanBo"), Field(lookup, "SoDinhDanh"), Field(lookup, "HoVaTen"),
            Field(born, "NgayThangNam") ?? Field(born, "Nam"));
        var (answered, content) = LookUp(asked, "TraCuuThongTinCongDan, ");
        return answered
            ? SimulatorResponses.Xml(HttpStatusCode.OK, content)
            : SimulatorResponses.Xml(HttpStatusCode.InternalServerError, Envelope(
                new XElement(Soap + "Fault", new XElement("faultcode", "soapenv:Client"), new XElement("faultstring", content))));
    }

    /// <summary>C06's SOAP answer: the citizen when number, name (upper-case, with or without diacritics) and birth date go together, else an empty collection; or why the request is refused.</summary>
    private (bool Answered, string Content) LookUp(Asked? asked, string shape)
    {
        if (asked is null || asked.IntegrationCode != options.IntegrationCode || asked.RequestId is null || asked.Officer is null)
        {
            return (false, $"Yêu cầu không hợp lệ: thiếu {shape}MaYeuCau, MaCanBo hoặc sai MaTichHop");
        }
        counted();
        var birth = asked.Birth ?? "";
        var found = asked.Number is { } number && citizens.TryGetValue(number, out var citizen)
            && Fold(asked.Name ?? "") == Fold(citizen.HoVaTen)
            && (birth.Length == 4 ? citizen.NgaySinh.StartsWith(birth, StringComparison.Ordinal) : citizen.NgaySinh == birth)
                ? citizen : null;
        var collection = new XElement(Answer + "CongdanCollection",
            new XAttribute("SoCongDan", found is null ? 0 : 1), new XAttribute("ThoiDiemDuLieu", found?.NgayCapNhat ?? ""));
        if (found is not null)
        {
            collection.Add(CongDan(found));
        }
        return (true, Envelope(collection));
    }

    private sealed record Asked(string? IntegrationCode, string? RequestId, string? Officer, string? Number, string? Name, string? Birth);

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

    private static string Envelope(XElement content) =>
        new XDocument(new XElement(Soap + "Envelope", new XAttribute(XNamespace.Xmlns + "soapenv", Soap), new XElement(Soap + "Body", content)))
            .ToString(SaveOptions.DisableFormatting);

    private static string? Field(XElement? parent, string name) => parent?.Element(Request + name)?.Value is { Length: > 0 } value ? value : null;

    private static string? Json(JsonObject? body, string name) =>
        body?[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

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
