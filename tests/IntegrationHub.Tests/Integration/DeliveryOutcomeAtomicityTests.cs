using IntegrationHub.Hub.Outbox;
using IntegrationHub.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using StoredEventType = IntegrationHub.Hub.Events.DossierEventType;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// A delivery's outcome and what the observers write with it commit together or not at all: they go to PostgreSQL
/// as one batch, run as one implicit transaction. When an observer's statement fails, the change the portal took
/// stays unrecorded (pending, no "delivered" event), never recorded without its event.
/// </summary>
public sealed class DeliveryOutcomeAtomicityTests : HubTest
{
    private readonly CapturedLogs _logs = new();

    protected override ILoggerProvider? Logs => _logs;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IDeliveryObserver, FailingObserver>();

    [Fact]
    public async Task An_observers_statement_that_fails_leaves_the_outcome_unrecorded_too()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;

        await Eventually.HoldsAsync(
            () => _logs.Lines.Any(l => l.Contains("Outbox round failed", StringComparison.Ordinal) && l.Contains(PostgresErrorCodes.DivisionByZero, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60), "the recording of a delivered change refused");

        Assert.NotNull(Hub.Portal.Records.Dossier(code));
        var deliveries = (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).Deliveries;
        Assert.NotEmpty(deliveries);
        Assert.All(deliveries, d => Assert.Equal(DeliveryState.Pending, d.State));
        Assert.Equal(0L, await TestPostgres.ScalarAsync<long>(
            Hub.ConnectionString, $"SELECT count(*) FROM dossier_events WHERE dossier_code = '{code}' AND type = {(short)StoredEventType.Delivered}"));
    }

    /// <summary>
    /// An observer, placed before the hub's own, whose statement fails when a change was delivered: an attempt that
    /// fails on a loaded machine (a timeout) is recorded as ever and tried again.
    /// </summary>
    private sealed class FailingObserver : IDeliveryObserver
    {
        public ObserverStatement? Recording(IReadOnlyList<(PendingDelivery Delivery, DeliveryRecord Record)> outcomes) =>
            outcomes.Any(o => o.Record.Status == OutboxStatus.Delivered) ? new(new NpgsqlBatchCommand("SELECT 1 / 0"), _ => { }) : null;
    }
}
