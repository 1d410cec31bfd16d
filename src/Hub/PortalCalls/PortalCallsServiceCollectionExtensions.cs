using System.Text.Json;
using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Adapters.NationalPortal;
using IntegrationHub.Adapters.NationalPortal.Wire;
using IntegrationHub.Hub.Audit;
using IntegrationHub.Hub.Security;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.PortalCalls;

/// <summary>The calls the national portal (DVCQG) makes on the province, answered in its <c>{error_code, message}</c> convention.</summary>
public static class PortalCallsServiceCollectionExtensions
{
    public const string PaymentLookupPath = "/dvcqg/kpdvcqg/dptracuuthanhtoanhs";

    // The portal's questions are a few hundred bytes; more is not the portal's.
    private const int MaxBodyChars = 16 * 1024;

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
    /// </summary>
    public static IEndpointRouteBuilder MapPortalCalls(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(PaymentLookupPath, async (HttpContext http, PaymentLookup lookup, IOptions<PortalCallsOptions> options) =>
        {
            var settings = options.Value;
            if (!CallbackSecret.Matches(http.Request.Headers[settings.SecretHeader].ToString(), settings.Secret))
            {
                return Reply(new PortalCallAnswer(-1, "Không được phép: thiếu hoặc sai khóa của Cổng DVCQG"), StatusCodes.Status401Unauthorized);
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
        return endpoints;
    }

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
