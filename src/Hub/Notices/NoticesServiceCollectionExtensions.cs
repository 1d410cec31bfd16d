using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Adapters.Email;
using IntegrationHub.Adapters.Sms;
using IntegrationHub.Hub.Jobs;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.Hub.Security;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Notices;

public static class NoticesServiceCollectionExtensions
{
    /// <summary>
    /// Notices to applicants: the templates, and for each channel with a provider or server configured (SMS,
    /// e-mail) its outbox subscriber and sender; SMS delivery reports. A channel with none configured queues nothing.
    /// </summary>
    public static IServiceCollection AddNotices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<NoticeLog>();
        services.AddValidatedOptions<NoticeOptions>(configuration, NoticeOptions.SectionName);
        services.AddSingleton<NoticeTemplates>();
        services.AddRecurringJob<SmsReportPullJob>(SmsReportPullJob.Key, configuration.Options<NoticeOptions>(NoticeOptions.SectionName).ReportPullInterval);
        if (SmsServiceCollectionExtensions.AnyConfigured(configuration))
        {
            services.AddSmsProviders(configuration);
            services.AddNoticeChannel<SmsNotice, SmsSender, SmsNoticeSubscriber>(SmsNoticeSubscriber.Target);
        }
        if (EmailServiceCollectionExtensions.AnyConfigured(configuration))
        {
            services.AddEmailServers(configuration);
            services.AddNoticeChannel<EmailNotice, EmailSender, EmailNoticeSubscriber>(EmailNoticeSubscriber.Target);
        }
        return services;
    }

    private static void AddNoticeChannel<TNotice, TSender, TSubscriber>(this IServiceCollection services, string target)
        where TSender : class, INoticeSender<TNotice>
        where TSubscriber : class
    {
        services.AddScoped<INoticeSender<TNotice>, TSender>();
        services.AddOutboxTarget<TSubscriber, NoticeDeliveryHandler<TNotice>>(target);
    }

    /// <summary>Providers' delivery reports: <c>GET|POST /sms/{provider}/report/{secret}</c>, refused (401) without the configured secret.</summary>
    public static IEndpointRouteBuilder MapSmsReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/sms/{provider}/report/{secret}", ["GET", "POST"], async (
            string provider, string secret, HttpContext http, IEnumerable<ISmsProvider> providers, NoticeLog log, IOptions<NoticeOptions> options) =>
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
