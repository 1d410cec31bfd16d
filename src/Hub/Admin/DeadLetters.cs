using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Hub.Admin;

/// <summary>Deliveries a target refused for good, for operators to inspect and, once the cause is fixed, replay.</summary>
public sealed class DeadLetters(HubDbContext db, OutboxSignal signal, TimeProvider clock)
{
    public const int MaxPageSize = 500;

    public async Task<IReadOnlyList<DeadLetterView>> ListAsync(DeadLetterFilter filter, CancellationToken cancellationToken)
    {
        var query = Rows().Where(o => o.Id > filter.AfterId);
        if (filter.Target is { } target)
        {
            query = query.Where(o => o.Target == target);
        }
        if (filter.AgencyCode is { } agency)
        {
            query = query.Where(o => db.Set<Dossier>().Any(d => d.Id == o.DossierId && d.AgencyCode == agency));
        }
        if (filter.From is { } from)
        {
            query = query.Where(o => o.LastAttemptAt >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(o => o.LastAttemptAt < to);
        }
        return await ViewsAsync(await query.OrderBy(o => o.Id).Take(filter.PageSize).ToListAsync(cancellationToken), cancellationToken);
    }

    public async Task<DeadLetterView?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await ViewsAsync(await Rows().Where(o => o.Id == id).ToListAsync(cancellationToken), cancellationToken)).SingleOrDefault();

    /// <summary>
    /// Puts dead letters back in line, with fresh attempts. Each is the earliest undelivered change of
    /// its dossier (later ones waited behind it), so the dossier's order holds.
    /// </summary>
    public async Task<int> ReplayAsync(IReadOnlyCollection<long> ids, string? allOfTarget, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var replayed = await db.Set<OutboxMessage>()
            .Where(o => o.Status == OutboxStatus.DeadLettered && (ids.Contains(o.Id) || (allOfTarget != null && o.Target == allOfTarget)))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(o => o.Status, OutboxStatus.Pending)
                    .SetProperty(o => o.Attempts, 0)
                    .SetProperty(o => o.NextAttemptAt, now)
                    .SetProperty(o => o.LastError, "replayed by an operator"),
                cancellationToken);
        signal.Notify();
        return replayed;
    }

    private IQueryable<OutboxMessage> Rows() => db.Set<OutboxMessage>().AsNoTracking().Where(o => o.Status == OutboxStatus.DeadLettered);

    private async Task<IReadOnlyList<DeadLetterView>> ViewsAsync(List<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.DossierId).Distinct().ToList();
        var dossiers = await db.Set<Dossier>().AsNoTracking()
            .Where(d => ids.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => (d.Code, d.AgencyCode), cancellationToken);
        return [.. rows.Select(o => new DeadLetterView(
            o.Id, o.Target, o.Kind, dossiers[o.DossierId].Code, dossiers[o.DossierId].AgencyCode, o.DossierVersion, o.Attempts,
            o.LastError, o.CreatedAt, o.LastAttemptAt, o.Payload, o.LastAnswer))];
    }
}

public sealed record DeadLetterFilter(string? Target, string? AgencyCode, DateTimeOffset? From, DateTimeOffset? To, int PageSize, long AfterId);

public sealed record DeadLetterView(
    long Id,
    string Target,
    string Kind,
    string DossierCode,
    string AgencyCode,
    int DossierVersion,
    int Attempts,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    string Payload,
    string? LastAnswer);
