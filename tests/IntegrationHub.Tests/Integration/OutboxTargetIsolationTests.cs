using System.Diagnostics;
using IntegrationHub.Adapters;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.V1;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Integration;

/// <summary>The outbox's targets are independent: one whose handler cannot be built holds up only its own rows.</summary>
public sealed class OutboxTargetIsolationTests : HubTest
{
    private const string Archive = "archive";

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddOutboxTarget<EveryChange, UnbuildableHandler>(Archive);

    [Fact]
    public async Task A_target_whose_handler_cannot_be_built_does_not_hold_up_the_national_portal()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;

        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is not null, TimeSpan.FromSeconds(10), "the dossier at the portal");
        await Eventually.HoldsAsync(async () => (await ArchiveDeliveryAsync(code)).LastError.Length > 0, TimeSpan.FromSeconds(10), "the archive's attempt recorded");

        var archive = await ArchiveDeliveryAsync(code);
        Assert.Equal(DeliveryState.Pending, archive.State);
        Assert.Equal("the handler for 'archive' could not be built: InvalidOperationException: the archive's settings are incomplete", archive.LastError);
    }

    private async Task<V1.TargetDelivery> ArchiveDeliveryAsync(string code) =>
        (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code })).Deliveries.Single(d => d.Target == Archive);

    private sealed class EveryChange : IOutboxSubscriber<DossierChange>
    {
        public IEnumerable<OutboxEntry> EntriesFor(DossierChange change) => [OutboxEntry.Of(Archive, "change", new { change.Dossier.Code })];
    }

    private sealed class UnbuildableHandler : IOutboxHandler
    {
        public UnbuildableHandler() => throw new InvalidOperationException("the archive's settings are incomplete");

        public int MaxBatchSize => 1;

        public Task<IReadOnlyList<DeliveryOutcome>> DeliverAsync(IReadOnlyList<PendingDelivery> batch, CancellationToken cancellationToken) =>
            throw new UnreachableException();
    }
}
