using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Hub.PortalIntake;

public sealed record ArrivalSummary(string NationalCode, string AgencyCode, DateTimeOffset ArrivedAt, DateTimeOffset? AcknowledgedAt, int Files);

/// <summary>Operators' view of the pull: the latest arrivals, and every filing kept aside with its reason.</summary>
public sealed class PortalIntakeOverview(HubDbContext db)
{
    public const int MaxLimit = 500;

    public async Task<(IReadOnlyList<ArrivalSummary> Arrivals, IReadOnlyList<PortalIntakeProblem> Problems)> ReadAsync(int limit, CancellationToken cancellationToken)
    {
        var arrivals = await db.Set<PortalArrival>().AsNoTracking().OrderByDescending(a => a.ArrivedAt).ThenBy(a => a.NationalCode).Take(limit)
            .Select(a => new ArrivalSummary(a.NationalCode, a.AgencyCode, a.ArrivedAt, a.AcknowledgedAt,
                db.Set<DossierAttachment>().Count(f => f.DossierId == a.DossierId)))
            .ToListAsync(cancellationToken);
        var problems = await db.Set<PortalIntakeProblem>().AsNoTracking().OrderBy(p => p.FirstSeenAt).ThenBy(p => p.RowKey).ToListAsync(cancellationToken);
        return (arrivals, problems);
    }
}
