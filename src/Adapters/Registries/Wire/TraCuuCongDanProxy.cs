using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationHub.Adapters.Registries.Wire;

// A provincial JSON proxy in front of C06 (Thanh Hóa's); names are the proxy's.

/// <summary>C06's request fields as JSON: SoDinhDanh for a 12-digit number, SoCMND for a 9-digit one; NgayThangNam (yyyyMMdd) or Nam (yyyy).</summary>
public sealed record TraCuuCongDanProxy(
    string HoVaTen, string SoDinhDanh, string SoCMND, string NgayThangNam, string Nam, string MaTichHop, string MaDVC, string MaCanBo, string MaYeuCau);

/// <param name="ErrorCode">0 when <paramref name="Message"/> is C06's SOAP answer; a number or a string of digits.</param>
public sealed record KetQuaCongDanProxy(
    [property: JsonPropertyName("error_code")] JsonElement? ErrorCode,
    [property: JsonPropertyName("message")] string? Message);
