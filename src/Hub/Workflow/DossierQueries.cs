using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Notices;
using IntegrationHub.Hub.Payments;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.Hub.Persistence;
using IntegrationHub.Hub.Security;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Hub.Workflow;

/// <summary>The read side: one dossier with its delivery state per target, and paged lists.</summary>
public sealed class DossierQueries(HubDbContext db, NoticeLog notices)
{
    public const int MaxPageSize = 200;

    public async Task<DossierView> GetAsync(AgencyClient client, string code, CancellationToken cancellationToken)
    {
        var dossier = await db.Set<Dossier>().AsNoTracking()
            .Include(d => d.Timeline)
            .Include(d => d.Results)
            .AsSplitQuery()
            .FirstOrDefaultAsync(d => d.Code == code, cancellationToken)
            ?? throw new DossierNotFoundException(code);
        if (!client.MayActFor(dossier.AgencyCode))
        {
            throw new AgencyAccessDeniedException($"client {client.Id} may not read dossiers of agency {dossier.AgencyCode}");
        }
        var rows = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(o => o.DossierId == dossier.Id)
            .OrderBy(o => o.Id)
            .Select(o => new DeliveryRow(o.Target, o.DossierVersion, o.Status, o.LastError, o.LastAttemptAt))
            .ToListAsync(cancellationToken);
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => p.DossierId == dossier.Id).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        return new DossierView(dossier, TargetDelivery.Summarize(rows), payments, await notices.ListAsync(dossier.Id, cancellationToken));
    }

    public async Task<DossierPage> ListAsync(AgencyClient client, DossierFilter filter, CancellationToken cancellationToken)
    {
        if (filter.AgencyCode is { } agency && !client.MayActFor(agency))
        {
            throw new AgencyAccessDeniedException($"client {client.Id} may not list dossiers of agency {agency}");
        }
        var agencies = filter.AgencyCode is { } only ? [only] : client.Agencies.ToArray();
        var query = db.Set<Dossier>().AsNoTracking().Where(d => agencies.Contains(d.AgencyCode));
        if (filter.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }
        if (filter.ReceivedFrom is { } from)
        {
            query = query.Where(d => d.ReceivedAt >= from);
        }
        if (filter.ReceivedTo is { } to)
        {
            query = query.Where(d => d.ReceivedAt < to);
        }
        if (filter.After is { } after)
        {
            query = query.Where(d => EF.Functions.LessThan(ValueTuple.Create(d.ReceivedAt, d.Id), ValueTuple.Create(after.ReceivedAt, after.Id)));
        }
        var page = await query.OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Id)
            .Take(filter.PageSize + 1)
            .ToListAsync(cancellationToken);
        var more = page.Count > filter.PageSize;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }
        return new DossierPage(page, more ? new PagePosition(page[^1].ReceivedAt, page[^1].Id) : null);
    }
}

public sealed record DossierView(
    Dossier Dossier, IReadOnlyList<TargetDelivery> Deliveries, IReadOnlyList<Payment> Payments, IReadOnlyList<NoticeLog.View> Notices);

public sealed record DossierFilter(string? AgencyCode, DossierStatus? Status, DateTimeOffset? ReceivedFrom, DateTimeOffset? ReceivedTo, int PageSize, PagePosition? After);

/// <summary>Keyset position: the last dossier of the previous page.</summary>
public sealed record PagePosition(DateTimeOffset ReceivedAt, Guid Id);

public sealed record DossierPage(IReadOnlyList<Dossier> Dossiers, PagePosition? Next);
