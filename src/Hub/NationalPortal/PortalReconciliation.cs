using IntegrationHub.Adapters.NationalPortal;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Metrics;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Hub.NationalPortal;

/// <param name="Resent">Whether the hub's version was put in the outbox again (in the dossier's order).</param>
public sealed record PortalDifference(string DossierCode, IReadOnlyList<string> Differences, bool Resent);

/// <param name="Unasked">Dossiers the portal could not be asked about; the next run asks again.</param>
/// <param name="InFlight">Dossiers skipped because a delivery to the portal is still pending: what it holds is about to change.</param>
public sealed record ReconciliationReport(int Checked, int InFlight, int Unasked, IReadOnlyList<PortalDifference> Differences);

/// <summary>
/// Compares what the national portal holds (TraCuuHoSo) with the hub's dossiers changed in a window: the status,
/// the date promised and the results listed. Where they differ, the hub's version goes to the portal again through
/// the outbox, behind anything else of that dossier, and is counted in <c>/metrics</c>.
/// </summary>
public sealed class PortalReconciliation(
    HubDbContext db, INationalPortal portal, NationalPortalSubscriber subscriber, OutboxSignal signal, HubMetrics metrics, TimeProvider clock)
{
    /// <summary>Dossiers looked at in one run, oldest change first; the rest wait for the next.</summary>
    public const int MaxPerRun = 500;

    public async Task<ReconciliationReport> ReconcileAsync(DateTimeOffset since, string? dossierCode, CancellationToken cancellationToken)
    {
        var query = db.Set<Dossier>().AsNoTracking().Include(d => d.Results);
        var dossiers = await (dossierCode is null ? query.Where(d => d.UpdatedAt >= since) : query.Where(d => d.Code == dossierCode))
            .OrderBy(d => d.UpdatedAt).Take(MaxPerRun).ToListAsync(cancellationToken);
        var ids = dossiers.Select(d => d.Id).ToList();
        var inFlight = (await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => ids.Contains(m.DossierId) && m.Target == NationalPortalSubscriber.Target && m.Status == OutboxStatus.Pending)
            .Select(m => m.DossierId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var (unasked, differences, now) = (0, new List<PortalDifference>(), clock.GetUtcNow());
        foreach (var dossier in dossiers.Where(d => !inFlight.Contains(d.Id)))
        {
            IReadOnlyList<string> found;
            try
            {
                found = await portal.DifferencesAsync(subscriber.Describe(dossier), cancellationToken);
            }
            catch (PortalFaultException)
            {
                unasked++;
                continue;
            }
            if (found.Count == 0)
            {
                continue;
            }
            var entry = subscriber.Resync(dossier, portalHoldsIt: !found.Contains(PortalHoldings.NotHeld));
            db.Set<OutboxMessage>().Add(new OutboxMessage(dossier.Id, entry.Target, entry.Kind, dossier.Version, entry.Payload, now));
            differences.Add(new PortalDifference(dossier.Code, found, Resent: true));
            metrics.PortalDifferenceFound(dossier.AgencyCode);
        }
        if (differences.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            signal.Notify();
        }
        return new ReconciliationReport(dossiers.Count - inFlight.Count, inFlight.Count, unasked, differences);
    }
}
