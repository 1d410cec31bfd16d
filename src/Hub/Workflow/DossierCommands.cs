using IntegrationHub.Hub.Deadlines;
using IntegrationHub.Hub.Changes;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Idempotency;
using IntegrationHub.Hub.Metrics;
using IntegrationHub.Hub.Payments;
using IntegrationHub.Hub.Persistence;
using IntegrationHub.Hub.Procedures;
using IntegrationHub.Hub.Registries;
using IntegrationHub.Hub.Requests;
using IntegrationHub.Hub.Security;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Hub.Workflow;

/// <summary>
/// The write side: each accepted change is stored with its event, its outbox rows and its idempotency
/// record in one transaction; nothing outbound happens inline, except asking the registries about a
/// new dossier's applicant, which the dossier may need before it can be stored.
/// </summary>
public sealed class DossierCommands(
    HubDbContext db,
    IdempotentWriter writer,
    DossierCodeGenerator codes,
    ApplicantChecker applicants,
    ResultReuse results,
    DossierChanges changes,
    PaymentDesk payments,
    Lazy<DueDates> dueDates,
    DueDateCheck dueDateCheck,
    WorkingCalendarSource calendars,
    ProcedureCatalogue catalogue,
    HubMetrics metrics,
    TimeProvider clock)
{
    /// <param name="alongside">What else the submit's transaction writes, given the new dossier (a filing's arrival and files).</param>
    public async Task<SubmitAnswer> SubmitAsync(
        WriteRequest request, AgencyClient client, NewDossier dossier, CancellationToken cancellationToken, Action<Dossier>? alongside = null)
    {
        EnsureMayActFor(client, dossier.AgencyCode);
        // Before the write: the catalogue may have to be asked, which a transaction should not wait for.
        dossier = dossier.DueAt is { } given
            ? dossier with { DueAtFlag = await dueDateCheck.CheckAsync(dossier.ProcedureCode, dossier.Channel, dossier.ReceivedAt, given, cancellationToken) }
            : dossier with { DueAt = await dueDates.Value.ComputeAsync(dossier.ProcedureCode, dossier.Channel, dossier.ReceivedAt, cancellationToken) };
        var (answer, changed) = await SubmitOnceAsync(request, client, dossier, alongside, cancellationToken);
        if (changed)
        {
            changes.Committed();
            metrics.DossierReceived(dossier.AgencyCode);
        }
        return answer;
    }

    /// <summary>The submit's write; a code already taken by another dossier is a conflict (the idempotent writer has ruled out a repeat).</summary>
    private async Task<(SubmitAnswer Answer, bool Changed)> SubmitOnceAsync(
        WriteRequest request, AgencyClient client, NewDossier dossier, Action<Dossier>? alongside, CancellationToken cancellationToken)
    {
        try
        {
            return await writer.RunAsync(request, "SubmitDossier", async token =>
            {
                var code = dossier.Code ?? await codes.NextAsync(dossier.AgencyCode, dossier.ReceivedAt, token);
                var (applicant, check) = await applicants.CheckAsync(
                    dossier.Applicant, new RegistryAccessContext(client.Id, dossier.ProcedureCode, code, RegistryAccessKind.Prefill), token);
                var documents = await results.ResolveAsync(applicant, dossier.Documents, token);
                var created = Dossier.Submit(dossier with { Applicant = applicant, Documents = documents }, code, check, client.Id, clock.GetUtcNow());
                writer.Insert(created);
                alongside?.Invoke(created);
                writer.Insert(changes.RowsFor(new DossierChange(created, DossierChangeKind.Submitted)));
                var payment = created.ServiceLevel == ServiceLevel.Level4 && created.Fees.Sum(f => f.Amount) > 0
                    ? PaymentView.Of(await payments.OpenAsync(created, created.Fees, payerIp: null, token))
                    : null;
                return new SubmitAnswer(created.Code, created.Status, created.DueAt, created.Version, payment, ApplicantCheckSummary.Of(check));
            }, cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: "ux_dossiers_code" })
        {
            throw new DossierConflictException("dossier_code: a dossier with this code already exists");
        }
    }

    public async Task<ProgressAnswer> RecordProgressAsync(WriteRequest request, AgencyClient client, string dossierCode, ProgressStep step, CancellationToken cancellationToken)
    {
        var agencyCode = "";
        var (answer, changed) = await writer.RunAsync(request, "RecordProgress", async token =>
        {
            var dossier = await LoadForChangeAsync(client, dossierCode, token);
            var before = dossier.Status;
            if (step.Supplement is { Missing.Count: > 0 } ask)
            {
                await EnsureComponentsKnownAsync(dossier, ask.Missing.Select(m => m.ComponentCode), "supplement.missing", token);
            }
            var record = dossier.RecordProgress(step, clock.GetUtcNow(), step.Action is ProgressAction.ReceiveSupplement or ProgressAction.Resume ? calendars.Current : null);
            db.Set<ProgressRecord>().Add(record);
            changes.Enqueue(new DossierChange(dossier, DossierChangeKind.ProgressRecorded, Progress: record, StatusBefore: before));
            agencyCode = dossier.AgencyCode;
            return new ProgressAnswer(dossier.Code, dossier.Status, dossier.Version);
        }, cancellationToken);
        if (changed)
        {
            changes.Committed();
            metrics.ProgressRecorded(agencyCode, step.Action.ToString());
        }
        return answer;
    }

    /// <summary>The applicant's papers came in for the supplement asked for: see <see cref="Dossier.HandInSupplement"/>.</summary>
    public async Task<SupplementAnswer> SubmitSupplementAsync(
        WriteRequest request, AgencyClient client, string dossierCode, ProgressStep step, IReadOnlyList<DossierDocument> papers, CancellationToken cancellationToken)
    {
        var agencyCode = "";
        var (answer, changed) = await writer.RunAsync(request, "SubmitSupplement", async token =>
        {
            var dossier = await LoadForChangeAsync(client, dossierCode, token);
            var before = dossier.Status;
            await EnsureComponentsKnownAsync(dossier, papers.Select(p => p.ComponentCode), "documents", token);
            var record = dossier.HandInSupplement(step, papers, clock.GetUtcNow(), calendars.Current);
            db.Set<ProgressRecord>().Add(record);
            changes.Enqueue(new DossierChange(dossier, DossierChangeKind.ProgressRecorded, Progress: record, StatusBefore: before));
            agencyCode = dossier.AgencyCode;
            return new SupplementAnswer(dossier.Code, dossier.Status, dossier.Version, dossier.CurrentDueAt);
        }, cancellationToken);
        if (changed)
        {
            changes.Committed();
            metrics.ProgressRecorded(agencyCode, ProgressAction.ReceiveSupplement.ToString());
        }
        return answer;
    }

    /// <summary>
    /// Component codes a supplement may name: those of the procedure's national catalogue entry, and those of the
    /// dossier's own documents (a procedure not in the catalogue has only these).
    /// </summary>
    /// <exception cref="InvalidFieldException">A code is neither.</exception>
    private async Task EnsureComponentsKnownAsync(Dossier dossier, IEnumerable<string> codes, string field, CancellationToken cancellationToken)
    {
        var known = dossier.Documents.Select(d => d.ComponentCode).ToHashSet(StringComparer.Ordinal);
        if (await catalogue.FindAsync(dossier.ProcedureCode, cancellationToken) is { } procedure)
        {
            known.UnionWith(procedure.Details.Components.SelectMany(c => c.Documents).Select(d => d.Code).OfType<string>());
        }
        var index = 0;
        foreach (var code in codes)
        {
            if (!known.Contains(code))
            {
                throw new InvalidFieldException($"{field}[{index}].component_code",
                    $"'{code}' is not a component of procedure {dossier.ProcedureCode} nor of the dossier's documents");
            }
            index++;
        }
    }

    public async Task<ResultAnswer> AttachResultAsync(WriteRequest request, AgencyClient client, string dossierCode, ResultDetails details, CancellationToken cancellationToken)
    {
        var (answer, changed) = await writer.RunAsync(request, "AttachResult", async token =>
        {
            var dossier = await LoadForChangeAsync(client, dossierCode, token);
            var result = dossier.AttachResult(details, clock.GetUtcNow());
            db.Set<ResultDocument>().Add(result);
            changes.Enqueue(new DossierChange(dossier, DossierChangeKind.ResultAttached, Result: result));
            return new ResultAnswer(dossier.Code, result.Id, dossier.Version);
        }, cancellationToken);
        if (changed)
        {
            changes.Committed();
        }
        return answer;
    }

    public async Task<RescheduleAnswer> RescheduleAsync(
        WriteRequest request, AgencyClient client, string dossierCode, DateTimeOffset newDueAt, string reason, CancellationToken cancellationToken)
    {
        var (answer, changed) = await writer.RunAsync(request, "RescheduleDossier", async token =>
        {
            var dossier = await LoadForChangeAsync(client, dossierCode, token);
            dossier.Reschedule(newDueAt, reason, clock.GetUtcNow());
            changes.Enqueue(new DossierChange(dossier, DossierChangeKind.Rescheduled));
            return new RescheduleAnswer(dossier.Code, dossier.DueAt, dossier.CurrentDueAt, dossier.Version);
        }, cancellationToken);
        if (changed)
        {
            changes.Committed();
        }
        return answer;
    }

    private async Task<Dossier> LoadForChangeAsync(AgencyClient client, string code, CancellationToken cancellationToken)
    {
        // Results travel with every portal sync, so they are loaded; the timeline is not needed to change state.
        var dossier = await db.Set<Dossier>().Include(d => d.Results).AsSplitQuery().FirstOrDefaultAsync(d => d.Code == code, cancellationToken)
            ?? throw new DossierNotFoundException(code);
        EnsureMayActFor(client, dossier.AgencyCode);
        return dossier;
    }

    private static void EnsureMayActFor(AgencyClient client, string agencyCode)
    {
        if (!client.MayActFor(agencyCode))
        {
            throw new AgencyAccessDeniedException($"client {client.Id} may not act for agency {agencyCode}");
        }
    }
}
