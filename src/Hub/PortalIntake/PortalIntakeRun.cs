using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Adapters;
using IntegrationHub.Adapters.NationalPortal;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Persistence;
using IntegrationHub.Hub.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.PortalIntake;

/// <summary>What one pull did.</summary>
public sealed record IntakeReport(int Listed, int Taken, int AlreadyTaken, int KeptAside, int AgenciesFailed);

/// <summary>
/// One pull of the dossiers citizens filed on DVCQG (research notes §1.9): for each of the province's agencies,
/// DanhSachHoSo over the last <see cref="PortalIntakeOptions.WindowDays"/> days, then for each filing not taken
/// yet TraCuuHoSo (the date promised) and LayTaiLieuHoSo (each file). A filing becomes a hub dossier under its
/// national code, with its files and its arrival in the agency's inbox, in one transaction, exactly once: the
/// write is idempotent on the national code, so overlapping windows, two hubs or a crash mid-pull cannot make a
/// second. A filing that cannot be taken as it is, is kept aside with the reason and tried again next pull.
/// </summary>
public sealed class PortalIntakeRun(
    PortalFilings filings, ProcedureCatalog catalog, PortalConnection connection, AgencyDirectory agencies, IServiceScopeFactory scopes,
    IOptions<PortalIntakeOptions> options, TimeProvider clock, ILogger<PortalIntakeRun> logger)
{
    private readonly PortalIntakeOptions _options = options.Value;

    public async Task<IntakeReport> PullAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(VietnamTime.Offset).DateTime);
        var (listed, taken, already, aside, failed) = (0, 0, 0, 0, 0);
        foreach (var agency in agencies.AgencyCodes.Order(StringComparer.Ordinal))
        {
            IReadOnlyList<FiledRow> rows;
            try
            {
                rows = await filings.ListAsync(agency, today.AddDays(1 - _options.WindowDays), today, cancellationToken);
            }
            catch (PortalFaultException e)
            {
                logger.LogWarning("DanhSachHoSo for {Agency} failed; the next pull asks again: {Fault}", agency, e.Message);
                failed++;
                continue;
            }
            listed += rows.Count;
            foreach (var row in rows)
            {
                switch (await TakeAsync(agency, row, cancellationToken))
                {
                    case Outcome.Taken: taken++; break;
                    case Outcome.AlreadyTaken: already++; break;
                    default: aside++; break;
                }
            }
        }
        return new IntakeReport(listed, taken, already, aside, failed);
    }

    private enum Outcome { Taken, AlreadyTaken, KeptAside }

    private async Task<Outcome> TakeAsync(string listedFor, FiledRow row, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var key = row.NationalCode ?? "row:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(row.Raw)))[..32];
        if (row.NationalCode is { } known && await db.Set<PortalArrival>().AnyAsync(a => a.NationalCode == known, cancellationToken))
        {
            return Outcome.AlreadyTaken;
        }
        string? problem;
        NewDossier? dossier = null;
        List<ArrivingFile> files = [];
        try
        {
            (problem, dossier, files) = row.Dossier is { } filed ? await ReadAsync(filed, cancellationToken) : (row.Problem, null, []);
        }
        catch (PortalFaultException e)
        {
            problem = $"not taken yet, the portal did not answer: {e.Message}";
        }
        if (problem is not null || dossier is null)
        {
            // Under the agency it was listed for: one whose maDonVi is missing or not this province's has no other.
            await KeepAsideAsync(db, key, row, listedFor, problem ?? "unreadable", cancellationToken);
            return Outcome.KeptAside;
        }
        if ((await scope.ServiceProvider.GetRequiredService<PortalArrivalWriter>().AdmitAsync(dossier, files, cancellationToken)).Refusal is { } refusal)
        {
            await KeepAsideAsync(db, key, row, dossier.AgencyCode, refusal, cancellationToken);
            return Outcome.KeptAside;
        }
        // Taken: whatever kept it aside before is settled.
        await db.Set<PortalIntakeProblem>().Where(p => p.RowKey == key).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Dossier {Code} filed on the national portal arrived for {Agency} with {Files} file(s)", dossier.Code, dossier.AgencyCode, files.Count);
        return Outcome.Taken;
    }

    /// <summary>The filing as a new dossier with its files, or the first reason it cannot be taken.</summary>
    private async Task<(string? Problem, NewDossier? Dossier, List<ArrivingFile> Files)> ReadAsync(FiledDossier filed, CancellationToken cancellationToken)
    {
        if (!agencies.AgencyCodes.Contains(filed.AgencyCode))
        {
            return ($"maDonVi {filed.AgencyCode}: not an agency of this province", null, []);
        }
        if (await catalog.FindAsync(filed.ProcedureCode, connection, cancellationToken) is null)
        {
            return ($"maTTHC {filed.ProcedureCode}: not in the national procedure catalogue", null, []);
        }
        if (filed.Documents.Count > _options.MaxAttachments)
        {
            return ($"hoSoDinhKem: {filed.Documents.Count} files; at most {_options.MaxAttachments} are taken", null, []);
        }
        if (await filings.StateAsync(filed.NationalCode, cancellationToken) is not { DueAt: { } dueAt })
        {
            return ("TraCuuHoSo: the portal gives no NgayHenTra (date promised) for the dossier", null, []);
        }
        List<ArrivingFile> files = [];
        foreach (var (document, i) in filed.Documents.Select((d, i) => (d, i)))
        {
            var content = await filings.FileAsync(filed.AgencyCode, document.Path, cancellationToken);
            if (content is null)
            {
                return ($"hoSoDinhKem[{i}] {document.Path}: LayTaiLieuHoSo gave no base64 content", null, []);
            }
            if (content.Length > _options.MaxAttachmentBytes)
            {
                return ($"hoSoDinhKem[{i}] {document.Path}: {content.Length} bytes; at most {_options.MaxAttachmentBytes} are kept", null, []);
            }
            files.Add(new ArrivingFile(document.ComponentCode, document.Name, content));
        }
        return (null, new NewDossier
        {
            Code = filed.NationalCode,
            ProcedureCode = filed.ProcedureCode,
            AgencyCode = filed.AgencyCode,
            Applicant = new Applicant(ApplicantKind.Citizen, filed.IdNumber, filed.ApplicantName, filed.Address) { BirthDate = BirthDate(filed.BirthDate) },
            ContactPhone = filed.Phone,
            ContactEmail = filed.Email,
            Summary = filed.Summary,
            ReceivedAt = filed.FiledAt,
            DueAt = dueAt,
            ServiceLevel = _options.DossierServiceLevel,
            Channel = Channel.Online,
            ResultDelivery = ResultDelivery.AtCounter,
            Origin = DossierOrigin.NationalPortal,
        }, files);
    }

    private async Task KeepAsideAsync(HubDbContext db, string key, FiledRow row, string agency, string problem, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await db.Set<PortalIntakeProblem>().FirstOrDefaultAsync(p => p.RowKey == key, cancellationToken) is { } earlier)
        {
            earlier.SeenAgain(problem, row.Raw, now);
        }
        else
        {
            db.Set<PortalIntakeProblem>().Add(PortalIntakeProblem.Of(key, row.NationalCode, agency, problem, row.Raw, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("A filing on the national portal ({Key}) for {Agency} is kept aside: {Problem}", key, agency, problem);
    }

    // The portal writes dd/MM/yyyy; the hub keeps yyyy-MM-dd.
    private static string? BirthDate(string? text) =>
        DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}
