using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Hub.Events;

/// <summary>Reads the sequenced event log in position order.</summary>
public sealed class EventFeed(HubDbContext db)
{
    public async Task<List<DossierEventRecord>> ReadAsync(long afterPosition, IReadOnlyCollection<string> agencies, int limit, CancellationToken cancellationToken) =>
        await db.Set<DossierEventRecord>().AsNoTracking()
            .Where(e => e.Position > afterPosition && agencies.Contains(e.AgencyCode))
            .OrderBy(e => e.Position)
            .Take(limit)
            .ToListAsync(cancellationToken);
}
