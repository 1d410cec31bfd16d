using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Persistence;
using IntegrationHub.Hub.Security;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Hub.PortalIntake;

/// <summary>An arrival as its agency sees it: the dossier's headline, its files (without their content) and the amendments DVCQG pushed since.</summary>
public sealed record ArrivalView(
    PortalArrival Arrival, string ProcedureCode, string ApplicantName, DateTimeOffset FiledAt, DateTimeOffset DueAt, IReadOnlyList<AttachmentView> Files,
    IReadOnlyList<AmendmentView> Amendments);

public sealed record AttachmentView(Guid Id, string ComponentCode, string Name, string MediaType, long SizeBytes, string Sha256);

/// <summary>Where the next page starts: after this arrival.</summary>
public sealed record ArrivalPosition(DateTimeOffset ArrivedAt, string NationalCode);

public sealed record ArrivalFilter(IReadOnlyList<string> AgencyCodes, bool IncludeAcknowledged, int PageSize, ArrivalPosition? After);

/// <summary>The agency's inbox of dossiers filed on DVCQG: what arrived, oldest first, its files, and the acknowledgement of each.</summary>
public sealed class PortalInbox(HubDbContext db, PortalAmendments amendments, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    /// <summary>The caller's arrivals (of the agencies asked for, which must be the caller's), and where the next page starts.</summary>
    public async Task<(IReadOnlyList<ArrivalView> Arrivals, ArrivalPosition? Next)> ListAsync(AgencyClient client, ArrivalFilter filter, CancellationToken cancellationToken)
    {
        var agencies = filter.AgencyCodes.Count == 0 ? [.. client.Agencies] : filter.AgencyCodes;
        if (agencies.FirstOrDefault(a => !client.MayActFor(a)) is { } other)
        {
            throw new AgencyAccessDeniedException($"agency_codes: this client does not act for {other}");
        }
        var query = db.Set<PortalArrival>().AsNoTracking().Where(a => agencies.Contains(a.AgencyCode));
        if (!filter.IncludeAcknowledged)
        {
            query = query.Where(a => a.AcknowledgedAt == null);
        }
        if (filter.After is { } after)
        {
            query = query.Where(a => a.ArrivedAt > after.ArrivedAt || (a.ArrivedAt == after.ArrivedAt && string.Compare(a.NationalCode, after.NationalCode) > 0));
        }
        var page = await query.OrderBy(a => a.ArrivedAt).ThenBy(a => a.NationalCode).Take(filter.PageSize + 1).ToListAsync(cancellationToken);
        var shown = page.Take(filter.PageSize).ToList();
        var views = await ViewsAsync(shown, cancellationToken);
        return (views, page.Count > filter.PageSize ? new ArrivalPosition(shown[^1].ArrivedAt, shown[^1].NationalCode) : null);
    }

    /// <summary>Marks the arrival taken by the caller; a repeat changes nothing.</summary>
    /// <exception cref="DossierNotFoundException">No arrival of that code for the caller's agencies.</exception>
    public async Task<ArrivalView> AcknowledgeAsync(AgencyClient client, string dossierCode, CancellationToken cancellationToken)
    {
        var arrival = await FindAsync(client, dossierCode, cancellationToken);
        // One statement: of two acknowledgements at once, the first one's time and caller stay.
        await db.Set<PortalArrival>().Where(a => a.NationalCode == arrival.NationalCode && a.AcknowledgedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.AcknowledgedAt, clock.GetUtcNow()).SetProperty(a => a.AcknowledgedBy, client.Id), cancellationToken);
        return (await ViewsAsync([await FindAsync(client, dossierCode, cancellationToken)], cancellationToken))[0];
    }

    /// <summary>An arrived file's content, for the caller's agencies only.</summary>
    public async Task<byte[]> ContentAsync(AgencyClient client, string dossierCode, Guid attachmentId, CancellationToken cancellationToken)
    {
        var arrival = await FindAsync(client, dossierCode, cancellationToken);
        return await db.Set<DossierAttachment>().AsNoTracking().Where(a => a.Id == attachmentId && a.DossierId == arrival.DossierId)
            .Select(a => a.Content).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DossierNotFoundException($"{dossierCode} (attachment {attachmentId})");
    }

    // An arrival of another agency is answered as not found: its existence is not the caller's to learn.
    private async Task<PortalArrival> FindAsync(AgencyClient client, string dossierCode, CancellationToken cancellationToken) =>
        await db.Set<PortalArrival>().AsNoTracking().FirstOrDefaultAsync(a => a.NationalCode == dossierCode, cancellationToken) is { } arrival && client.MayActFor(arrival.AgencyCode)
            ? arrival
            : throw new DossierNotFoundException(dossierCode);

    private async Task<List<ArrivalView>> ViewsAsync(List<PortalArrival> arrivals, CancellationToken cancellationToken)
    {
        var ids = arrivals.Select(a => a.DossierId).ToList();
        var dossiers = await db.Set<Dossier>().AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.ProcedureCode, d.Applicant.Name, d.ReceivedAt, d.DueAt }).ToDictionaryAsync(d => d.Id, cancellationToken);
        var files = (await db.Set<DossierAttachment>().AsNoTracking().Where(a => ids.Contains(a.DossierId))
                .Select(a => new { a.DossierId, View = new AttachmentView(a.Id, a.ComponentCode, a.Name, a.MediaType, a.SizeBytes, a.Sha256) })
                .ToListAsync(cancellationToken))
            .ToLookup(f => f.DossierId, f => f.View);
        var amended = await amendments.ListAsync([.. arrivals.Select(a => a.NationalCode)], cancellationToken);
        return [.. arrivals.Select(a =>
        {
            var d = dossiers[a.DossierId];
            return new ArrivalView(a, d.ProcedureCode, d.Name ?? "", d.ReceivedAt, d.DueAt, [.. files[a.DossierId].OrderBy(f => f.Id)], [.. amended[a.NationalCode]]);
        })];
    }
}
