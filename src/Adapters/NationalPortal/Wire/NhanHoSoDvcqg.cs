using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationHub.Adapters.NationalPortal.Wire;

/// <summary>
/// DVCQG pushes to the province an amendment or supplement of a dossier filed on the portal (<c>nhanhsdvcqg</c>;
/// research notes §1.9): <c>{service, isUpdating, data:{MaHoSoQG, MaTTHC, ThongTinDaNop, ThongTinSuaDoi,
/// TenTepDangKy, URLTepDangKy}}</c>. What was filed and what changed are kept as the portal sent them.
/// </summary>
public sealed record NhanHoSoDvcqg(
    [property: JsonPropertyName("service")] string? Service,
    [property: JsonPropertyName("isUpdating")] JsonElement? IsUpdating,
    [property: JsonPropertyName("data")] NhanHoSoDvcqgData? Data);

public sealed record NhanHoSoDvcqgData(
    [property: JsonPropertyName("MaHoSoQG")] string? MaHoSoQG,
    [property: JsonPropertyName("MaTTHC")] string? MaTTHC,
    [property: JsonPropertyName("ThongTinDaNop")] JsonElement? ThongTinDaNop,
    [property: JsonPropertyName("ThongTinSuaDoi")] JsonElement? ThongTinSuaDoi,
    [property: JsonPropertyName("TenTepDangKy")] string? TenTepDangKy,
    [property: JsonPropertyName("URLTepDangKy")] string? URLTepDangKy);
