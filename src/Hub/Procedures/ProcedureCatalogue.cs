using IntegrationHub.Adapters.NationalPortal;
using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Hub.Procedures;

/// <summary>
/// DVCQG's procedure catalogue as the hub keeps it in PostgreSQL: refreshed in full on a schedule (LayDanhSachTTHC,
/// then LayThuTuc for each), and read through: a procedure asked for and not kept yet is fetched and kept.
/// </summary>
public sealed class ProcedureCatalogue(HubDbContext db, ProcedureCatalog catalog, PortalConnection connection, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    /// <summary>Fetches every procedure the portal lists and keeps it; returns how many were kept.</summary>
    /// <exception cref="PortalFaultException">The portal could not be asked for the list.</exception>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var kept = 0;
        foreach (var code in await catalog.ListCodesAsync(connection, cancellationToken))
        {
            kept += await KeepAsync(code, cancellationToken) is null ? 0 : 1;
        }
        return kept;
    }

    /// <summary>The procedure of a national or local code; null when the national catalogue does not have it.</summary>
    public async Task<CatalogProcedure?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var national = ProcedureCodes.National(code);
        return await db.Set<CatalogProcedure>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == national, cancellationToken)
            ?? await KeepAsync(national, cancellationToken);
    }

    /// <summary>The kept procedures, by code, optionally of one field; and the code after which the next page starts.</summary>
    public async Task<(IReadOnlyList<CatalogProcedure> Procedures, string? Next)> ListAsync(string? fieldCode, int pageSize, string? after, CancellationToken cancellationToken)
    {
        var query = db.Set<CatalogProcedure>().AsNoTracking();
        if (fieldCode is not null)
        {
            query = query.Where(p => p.FieldCode == fieldCode);
        }
        if (after is not null)
        {
            query = query.Where(p => string.Compare(p.Code, after) > 0);
        }
        var page = await query.OrderBy(p => p.Code).Take(pageSize + 1).ToListAsync(cancellationToken);
        return (page.Take(pageSize).ToList(), page.Count > pageSize ? page[pageSize - 1].Code : null);
    }

    private async Task<CatalogProcedure?> KeepAsync(string code, CancellationToken cancellationToken)
    {
        if (await catalog.DetailsAsync(code, connection, cancellationToken) is not { } details)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var procedure = await db.Set<CatalogProcedure>().FirstOrDefaultAsync(p => p.Code == details.Code, cancellationToken) is { } kept
            ? kept.Refreshed(details, now)
            : db.Set<CatalogProcedure>().Add(CatalogProcedure.Of(details, now)).Entity;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Another instance kept it at the same moment: the same catalogue entry.
            db.ChangeTracker.Clear();
        }
        return procedure;
    }
}
