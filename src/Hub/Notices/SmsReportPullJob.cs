using IntegrationHub.Adapters.Sms;
using Microsoft.Extensions.Options;
using Quartz;

namespace IntegrationHub.Hub.Notices;

/// <summary>
/// Asks providers that can be asked about notices they took and never reported on (a lost callback,
/// or no callback configured), and records what they say. A provider that cannot be asked leaves its
/// notices for the next run.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SmsReportPullJob(
    IEnumerable<ISmsProvider> providers, NoticeLog log, IOptions<NoticeOptions> options, TimeProvider clock, ILogger<SmsReportPullJob> logger) : IJob
{
    public static readonly JobKey Key = new("sms-report-pull", "notices");

    private const int BatchSize = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var askable = providers.Where(p => p.CanQueryReports).ToDictionary(p => p.Name, StringComparer.Ordinal);
        if (askable.Count == 0)
        {
            return;
        }
        var (settings, now) = (options.Value, clock.GetUtcNow());
        var awaiting = await log.AwaitingReportsAsync(askable.Keys, now - settings.ReportPullWindow, now - settings.ReportPullAfter, BatchSize, cancellationToken);
        foreach (var notice in awaiting)
        {
            try
            {
                await log.ReportAsync(notice.Provider, await askable[notice.Provider].QueryReportAsync(notice.ProviderMessageId, cancellationToken), cancellationToken);
            }
            catch (SmsProviderException e)
            {
                logger.LogWarning("Delivery report of {Provider} message {MessageId} not pulled: {Reason}", notice.Provider, notice.ProviderMessageId, e.Message);
            }
        }
    }
}
