using System.Text.Json;
using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Adapters.NationalPortal;
using IntegrationHub.Adapters.NationalPortal.Wire;
using IntegrationHub.Hub.Audit;
using IntegrationHub.Hub.PortalIntake;
using IntegrationHub.Hub.Security;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.PortalCalls;

/// <summary>The calls the national portal (DVCQG) makes on the province, answered in its <c>{error_code, message}</c> convention.</summary>
public static class PortalCallsServiceCollectionExtensions
{
    public const string PaymentLookupPath = "/dvcqg/kpdvcqg/dptracuuthanhtoanhs";

    public const string AmendmentPath = "/dvcqg/nhanhsdvcqg";

    // The portal's questions are a few hundred bytes; more is not the portal's.
    private const int MaxBodyChars = 16 * 1024;

    // An amendment carries the filing's information twice (as filed, as changed) and a file's address, not the file.
    private const int MaxAmendmentChars = 256 * 1024;

    private static readonly JsonSerializerOptions Wire = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IServiceCollection AddPortalCalls(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<PortalCallsOptions>(configuration, PortalCallsOptions.SectionName);
        return services.AddScoped<PaymentLookup>();
    }

    /// <summary>
    /// <c>POST /dvcqg/kpdvcqg/dptracuuthanhtoanhs</c> with <c>{MaHoSo}</c>: -1 and a reason for a caller without the
    /// portal's secret (HTTP 401), a body that is not the question, or a dossier the province does not hold; 0 when
    /// nothing is owed; 1 with the bill.
    /// <c>POST /dvcqg/nhanhsdvcqg</c>: an amendment of a dossier filed on DVCQG, kept once (a repeat gets the same
    /// answer and changes nothing); 0 when kept, -1 with the reason otherwise.
    /// </summary>
    public static IEndpointRouteBuilder MapPortalCalls(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(PaymentLookupPath, async (HttpContext http, PaymentLookup lookup, IOptions<PortalCallsOptions> options) =>
        {
            if (!FromPortal(http, options.Value))
            {
                return NotFromPortal();
            }
            var body = await CallbackBody.ReadAsync(http.Request, MaxBodyChars, http.RequestAborted);
            if (Read(body) is not { } dossierCode)
            {
                return Reply(new PortalCallAnswer(-1, "MaHoSo: bắt buộc, một mã hồ sơ trong thân JSON {\"MaHoSo\": \"...\"}"));
            }
            var answer = await lookup.FindAsync(dossierCode, http.RequestAborted);
            return Reply(answer.Known
                ? PortalWireMapper.ToPaymentAnswer(answer.Owed)
                : new PortalCallAnswer(-1, $"Không tìm thấy hồ sơ {dossierCode}"));
        }).WithMetadata(new ExchangeTarget(NationalPortalServiceCollectionExtensions.AdapterName));
        endpoints.MapPost(AmendmentPath, async (HttpContext http, PortalAmendments amendments, IOptions<PortalCallsOptions> options) =>
        {
            if (!FromPortal(http, options.Value))
            {
                return NotFromPortal();
            }
            var body = await CallbackBody.ReadAsync(http.Request, MaxAmendmentChars, http.RequestAborted);
            if (ReadAmendment(body) is not { } amendment)
            {
                return Reply(new PortalCallAnswer(-1, "data.MaHoSoQG: bắt buộc, trong thân JSON {\"service\", \"isUpdating\", \"data\": {\"MaHoSoQG\": \"...\", ...}}"));
            }
            return await amendments.ReceiveAsync(amendment, http.RequestAborted) is null
                ? Reply(new PortalCallAnswer(-1, $"Không tìm thấy hồ sơ {amendment.NationalCode} nộp trên Cổng DVCQG"))
                : Reply(new PortalCallAnswer(0, $"Đã tiếp nhận nội dung sửa đổi, bổ sung hồ sơ {amendment.NationalCode}"));
        }).WithMetadata(new ExchangeTarget(NationalPortalServiceCollectionExtensions.AdapterName));
        return endpoints;
    }

    private static bool FromPortal(HttpContext http, PortalCallsOptions settings) =>
        CallbackSecret.Matches(http.Request.Headers[settings.SecretHeader].ToString(), settings.Secret);

    private static IResult NotFromPortal() =>
        Reply(new PortalCallAnswer(-1, "Không được phép: thiếu hoặc sai khóa của Cổng DVCQG"), StatusCodes.Status401Unauthorized);

    private static PortalAmendment? ReadAmendment(string? body)
    {
        try
        {
            return body is not null && JsonSerializer.Deserialize<NhanHoSoDvcqg>(body)?.Data is { MaHoSoQG: { Length: > 0 and <= 80 } code } data
                ? new PortalAmendment(code.Trim(), Json(data.ThongTinDaNop), Json(data.ThongTinSuaDoi), data.TenTepDangKy, data.URLTepDangKy)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Json(JsonElement? element) => element is { ValueKind: not JsonValueKind.Null } value ? value.GetRawText() : null;

    private static string? Read(string? body)
    {
        try
        {
            return body is null ? null : JsonSerializer.Deserialize<TraCuuThanhToanHoSo>(body)?.MaHoSo is { Length: > 0 and <= 80 } code ? code.Trim() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Reply(PortalCallAnswer answer, int status = StatusCodes.Status200OK) =>
        Results.Text(JsonSerializer.Serialize(answer, Wire), "application/json; charset=utf-8", statusCode: status);
}
