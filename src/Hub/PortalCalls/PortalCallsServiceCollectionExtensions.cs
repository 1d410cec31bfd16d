using System.Text.Json;
using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Adapters.NationalPortal;
using IntegrationHub.Adapters.NationalPortal.Wire;
using IntegrationHub.Hub.Audit;
using IntegrationHub.Hub.PortalIntake;
using IntegrationHub.Hub.Security;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.PortalCalls;

/// <summary>The calls the national portal (DVCQG) makes on the province, answered in its <c>{error_code, message}</c> convention.</summary>
public static class PortalCallsServiceCollectionExtensions
{
    public const string PaymentLookupPath = "/dvcqg/kpdvcqg/dptracuuthanhtoanhs";

    public const string AmendmentPath = "/dvcqg/nhanhsdvcqg";

    public const string PromotionPath = "/dvcqg/addtthcKhuyenMai";

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
    /// <c>POST /dvcqg/addtthcKhuyenMai</c>: a promotion notice filed on DVCQG becomes a dossier of the agency configured to
    /// take them, once (a repeat gets 0 again and changes nothing); -1 with the reason when it cannot be taken (HTTP 503
    /// when it may be sent again later: a registry down, no agency configured).
    /// </summary>
    public static IEndpointRouteBuilder MapPortalCalls(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPortalCall(PaymentLookupPath, async (request, services, aborted) =>
        {
            if (Read(await CallbackBody.ReadAsync(request, MaxBodyChars, aborted)) is not { } dossierCode)
            {
                return Reply(new PortalCallAnswer(-1, "MaHoSo: bắt buộc, một mã hồ sơ trong thân JSON {\"MaHoSo\": \"...\"}"));
            }
            var answer = await services.GetRequiredService<PaymentLookup>().FindAsync(dossierCode, aborted);
            return Reply(answer.Known
                ? PortalWireMapper.ToPaymentAnswer(answer.Owed)
                : new PortalCallAnswer(-1, $"Không tìm thấy hồ sơ {dossierCode}"));
        });
        endpoints.MapPortalCall(AmendmentPath, async (request, services, aborted) =>
        {
            if (ReadAmendment(await CallbackBody.ReadAsync(request, MaxAmendmentChars, aborted)) is not { } amendment)
            {
                return Reply(new PortalCallAnswer(-1, "data.MaHoSoQG: bắt buộc, trong thân JSON {\"service\", \"isUpdating\", \"data\": {\"MaHoSoQG\": \"...\", ...}}"));
            }
            return await services.GetRequiredService<PortalAmendments>().ReceiveAsync(amendment, aborted) is null
                ? Reply(new PortalCallAnswer(-1, $"Không tìm thấy hồ sơ {amendment.NationalCode} nộp trên Cổng DVCQG"))
                : Reply(new PortalCallAnswer(0, $"Đã tiếp nhận nội dung sửa đổi, bổ sung hồ sơ {amendment.NationalCode}"));
        });
        endpoints.MapPortalCall(PromotionPath, async (request, services, aborted) =>
        {
            var maxBytes = services.GetRequiredService<IOptions<PortalCallsOptions>>().Value.MaxPushBytes;
            HoSoKhuyenMai? wire;
            try
            {
                wire = await ReadPushAsync(request, aborted);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return Reply(new PortalCallAnswer(-1, $"Hồ sơ vượt quá {maxBytes} byte"), StatusCodes.Status413PayloadTooLarge);
            }
            var maxFileBytes = services.GetRequiredService<IOptions<PortalIntakeOptions>>().Value.MaxAttachmentBytes;
            var (problem, promotion) = PromotionWireReader.Read(wire, maxFileBytes);
            if (promotion is null)
            {
                return Reply(new PortalCallAnswer(-1, problem!));
            }
            var outcome = await services.GetRequiredService<PromotionNotices>().ReceiveAsync(promotion, aborted);
            return Reply(new PortalCallAnswer(outcome.Taken ? 0 : -1, outcome.Message), outcome.TryAgain ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        }).WithMetadata(new BodySizeLimit(endpoints.ServiceProvider.GetRequiredService<IOptions<PortalCallsOptions>>().Value.MaxPushBytes));
        return endpoints;
    }

    /// <summary>A push carries its files: read as a stream (within its <see cref="BodySizeLimit"/>), not as one string; null when it is not JSON.</summary>
    private static async Task<HoSoKhuyenMai?> ReadPushAsync(HttpRequest request, CancellationToken aborted)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<HoSoKhuyenMai>(request.Body, cancellationToken: aborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The largest body an endpoint takes; routing applies it before anything reads the body (the exchange log's digest does).</summary>
    private sealed record BodySizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

    /// <summary>
    /// One call of the portal on the province: refused (HTTP 401, -1) without the portal's secret, recorded in the
    /// exchange log as the national portal's.
    /// </summary>
    private static RouteHandlerBuilder MapPortalCall(
        this IEndpointRouteBuilder endpoints, string path, Func<HttpRequest, IServiceProvider, CancellationToken, Task<IResult>> answer) =>
        endpoints.MapPost(path, async (HttpContext http, IOptions<PortalCallsOptions> options) =>
        {
            var settings = options.Value;
            if (!CallbackSecret.Matches(http.Request.Headers[settings.SecretHeader].ToString(), settings.Secret))
            {
                return Reply(new PortalCallAnswer(-1, "Không được phép: thiếu hoặc sai khóa của Cổng DVCQG"), StatusCodes.Status401Unauthorized);
            }
            return await answer(http.Request, http.RequestServices, http.RequestAborted);
        }).WithMetadata(new ExchangeTarget(NationalPortalServiceCollectionExtensions.AdapterName));

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
