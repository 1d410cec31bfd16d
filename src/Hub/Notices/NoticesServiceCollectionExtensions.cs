using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Adapters.Sms;
using IntegrationHub.Hub.Jobs;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.Hub.Security;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Notices;

public static class NoticesServiceCollectionExtensions
{
    /// <summary>
    /// SMS notices to applicants: the providers, the templates, the outbox subscriber and handler, and
    /// delivery reports. With no provider configured, no notice is queued.
    /// </summary>
    public static IServiceCollection AddSmsNotices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SmsNoticeLog>();
        services.AddValidatedOptions<NoticeOptions>(configuration, NoticeOptions.SectionName);
        services.AddRecurringJob<SmsReportPullJob>(SmsReportPullJob.Key, configuration.Options<NoticeOptions>(NoticeOptions.SectionName).ReportPullInterval);
        if (!SmsServiceCollectionExtensions.AnyConfigured(configuration))
        {
            return services;
        }
        services.AddSmsProviders(configuration);
        services.AddSingleton<NoticeTemplates>();
        services.AddScoped<SmsSender>();
        services.AddOutboxTarget<SmsNoticeSubscriber, SmsDeliveryHandler>(SmsNoticeSubscriber.Target);
        return services;
    }

    /// <summary>Providers' delivery reports: <c>GET|POST /sms/{provider}/report/{secret}</c>, refused (401) without the configured secret.</summary>
    public static IEndpointRouteBuilder MapSmsReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/sms/{provider}/report/{secret}", ["GET", "POST"], async (
            string provider, string secret, HttpContext http, IEnumerable<ISmsProvider> providers, SmsNoticeLog log, IOptions<NoticeOptions> options) =>
        {
            if (!CallbackSecret.Matches(secret, options.Value.ReportSecret))
            {
                return Results.Unauthorized();
            }
            if (providers.FirstOrDefault(p => p.Name == provider) is not { } known || known.ReadReport(await ReadCallAsync(http.Request)) is not { } report)
            {
                return Results.NotFound();
            }
            return await log.ReportAsync(known.Name, report, http.RequestAborted) ? Results.Ok() : Results.NotFound();
        });
        return endpoints;
    }

    // A report is a few hundred bytes; more is not a provider's.
    private const int MaxReportChars = 16 * 1024;

    private static async Task<SmsReportCall> ReadCallAsync(HttpRequest request) => new(
        request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
        await CallbackBody.ReadAsync(request, MaxReportChars, request.HttpContext.RequestAborted) ?? "");
}
