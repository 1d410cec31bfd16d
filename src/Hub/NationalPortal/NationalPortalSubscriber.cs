using IntegrationHub.Adapters;
using IntegrationHub.Adapters.NationalPortal;
using RegistryNames = IntegrationHub.Adapters.Registries.RegistriesServiceCollectionExtensions;
using IntegrationHub.Adapters.Payments.PaymentPlatform;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.Hub.Security;

namespace IntegrationHub.Hub.NationalPortal;

/// <summary>
/// What the national portal hears of each change, as OpenCPS sends it: the dossier sync
/// (DongBoHoSoMC) first, when the change alters what the portal holds, then the step (CapNhatTienDoHoSoMC).
/// </summary>
public sealed class NationalPortalSubscriber(AgencyDirectory agencies, PortalWireMapper mapper) : IOutboxSubscriber<DossierChange>
{
    public const string Target = NationalPortalServiceCollectionExtensions.AdapterName;
    public const string CreateKind = "dossier-create";
    public const string UpdateKind = "dossier-update";
    public const string ProgressKind = "progress";

    // NoiDungXuLy: what the citizen reads on the portal for each step.
    private static readonly Dictionary<ProgressAction, string> StepWording = new()
    {
        [ProgressAction.Receive] = "Tiếp nhận hồ sơ",
        [ProgressAction.Appraise] = "Thẩm định hồ sơ",
        [ProgressAction.Approve] = "Phê duyệt kết quả",
        [ProgressAction.Sign] = "Ký số kết quả",
        [ProgressAction.ReturnResult] = "Trả kết quả",
        [ProgressAction.RequestSupplement] = "Yêu cầu bổ sung hồ sơ",
        [ProgressAction.ReceiveSupplement] = "Tiếp nhận hồ sơ bổ sung",
        [ProgressAction.Reject] = "Từ chối hồ sơ",
        [ProgressAction.Suspend] = "Dừng xử lý hồ sơ",
        [ProgressAction.Resume] = "Tiếp tục xử lý hồ sơ",
        [ProgressAction.Withdraw] = "Rút hồ sơ theo yêu cầu",
        [ProgressAction.Finish] = "Kết thúc hồ sơ",
    };

    public IEnumerable<OutboxEntry> EntriesFor(DossierChange change)
    {
        if (change.Kind == DossierChangeKind.Rescheduled)
        {
            // The portal keeps the date promised at receipt (NgayHenTra), which its on-time figures are
            // measured against; the apology and the new date reach it as a step.
            yield return OutboxEntry.Of(Target, ProgressKind, ToRescheduleStep(change.Dossier));
            yield break;
        }
        if (PortalSeesNewState(change))
        {
            // A dossier filed on the portal itself is held there from the start: the province only ever updates it.
            var creates = change.Kind == DossierChangeKind.Submitted && change.Dossier.Origin != DossierOrigin.NationalPortal;
            yield return OutboxEntry.Of(Target, creates ? CreateKind : UpdateKind, ToPortalDossier(change.Dossier));
        }
        if (change.Progress is { } step)
        {
            yield return OutboxEntry.Of(Target, ProgressKind, ToPortalProgress(change.Dossier, step));
        }
    }

    /// <summary>The dossier as the portal should hold it now, for reconciliation to compare.</summary>
    public PortalDossier Describe(Dossier dossier) => ToPortalDossier(dossier);

    /// <summary>The sync that puts the hub's dossier at the portal again, after reconciliation found the portal's record differing (or missing).</summary>
    public OutboxEntry Resync(Dossier dossier, bool portalHoldsIt) =>
        OutboxEntry.Of(Target, portalHoldsIt || dossier.Origin == DossierOrigin.NationalPortal ? UpdateKind : CreateKind, ToPortalDossier(dossier));

    private PortalDossier ToPortalDossier(Dossier dossier) => new()
    {
        Code = dossier.Code,
        ReceiptNumber = dossier.ReceiptNumber,
        ProcedureCode = dossier.ProcedureCode,
        AgencyCode = dossier.AgencyCode,
        AgencyName = agencies.AgencyName(dossier.AgencyCode),
        Applicant = ToPortalApplicant(dossier.Applicant),
        ContactPhone = dossier.ContactPhone,
        ContactEmail = dossier.ContactEmail,
        Summary = dossier.Summary,
        ReceivedAt = dossier.ReceivedAt,
        DueAt = dossier.DueAt,
        Status = dossier.Status.ToString(),
        SubStatus = SubStatus(dossier),
        Channel = dossier.Channel.ToString(),
        ResultDelivery = dossier.ResultDelivery.ToString(),
        ProcessingEndedAt = dossier.ProcessingEndedAt,
        ResultReturnedAt = dossier.ResultReturnedAt,
        RejectedAt = dossier.RejectedAt,
        FeesPaidOnline = dossier.FeesPaidAt is not null,
        PaidOnNationalPlatform = dossier.FeesPaidVia == PaymentPlatformGateway.AdapterName,
        DatabasesConsulted = DatabasesConsulted(dossier),
        Documents = [.. dossier.Documents.Select(Document)],
        Fees = [.. dossier.Fees.Select(f => new PortalFee(f.Code, f.Name, f.Amount, f.Kind))],
        Results = [.. dossier.Results.Select(r => new PortalResult(r.Id.ToString(), r.DocumentNumber, r.Name, r.ComponentCode, r.StorageUrl, r.ResultCode))],
        Supplements = [.. dossier.Supplements.Select(s => new PortalSupplement(
            s.Id.ToString(), s.RequestedBy, s.Wording ?? StepWording[ProgressAction.RequestSupplement], s.RequestedAt, s.DueBefore, s.ReceivedBy, s.ReceivedAt, s.DueAfter)
        {
            // The papers handed in, as they stand among the dossier's documents.
            Papers = [.. dossier.Documents.Where(d => s.PapersReceived.Contains(d.Id)).Select(Document)],
        })],
        Version = dossier.Version,
    };

    private static PortalDocument Document(DossierDocument d) =>
        new(d.Id, d.ComponentCode, d.Name, d.StorageUrl, d.Digitised, d.FromNationalStore, d.ReusedResult is not null, d.ReusedResultCode);

    /// <summary>
    /// Whether the change alters the dossier as the portal holds it: a step that leaves the portal's
    /// status code and dates as they were (an approval after appraisal, say) is reported as a step alone,
    /// since the same sync sent again would tell the portal nothing.
    /// </summary>
    private bool PortalSeesNewState(DossierChange change)
    {
        if (change is not { Kind: DossierChangeKind.ProgressRecorded, Progress: { } step, StatusBefore: { } before })
        {
            return true;
        }
        var dossier = change.Dossier;
        return step.Action is ProgressAction.Sign or ProgressAction.ReturnResult or ProgressAction.Reject
                or ProgressAction.RequestSupplement or ProgressAction.ReceiveSupplement
            || mapper.StatusCode(before.ToString(), SubStatus(before, dossier)) != mapper.StatusCode(dossier.Status.ToString(), SubStatus(dossier));
    }

    /// <summary>What refines the dossier's status for the portal (see <see cref="PortalDossier.SubStatus"/>).</summary>
    private static string? SubStatus(Dossier dossier) => SubStatus(dossier.Status, dossier);

    private static string? SubStatus(DossierStatus status, Dossier dossier) => status switch
    {
        DossierStatus.New when dossier.Channel == Channel.Counter => "AtCounter",
        DossierStatus.Received or DossierStatus.UnderAppraisal or DossierStatus.Approved when AwaitsFee(dossier) => "AwaitingFee",
        DossierStatus.Rejected when dossier.RejectedAtIntake => "AtIntake",
        _ => null,
    };

    private static bool AwaitsFee(Dossier dossier) =>
        dossier.ServiceLevel == ServiceLevel.Level4 && dossier.FeesPaidAt is null && dossier.Fees.Sum(f => f.Amount) > 0;

    /// <summary>The registries asked about the applicant: the one that checked them, and any that filled a field.</summary>
    private static List<string> DatabasesConsulted(Dossier dossier)
    {
        var consulted = dossier.ApplicantFilled.Select(f => f.Source.Registry).ToList();
        if (dossier.ApplicantCheckState is ApplicantCheckState.Verified or ApplicantCheckState.NotFound)
        {
            consulted.Add(dossier.Applicant.Kind == ApplicantKind.Citizen ? RegistryNames.Population : RegistryNames.Enterprise);
        }
        return [.. consulted.Distinct()];
    }

    private static PortalApplicant ToPortalApplicant(Applicant applicant) =>
        new(applicant.Kind.ToString(), applicant.IdNumber, applicant.Name ?? "", applicant.Address)
        {
            Sex = applicant.Sex?.ToString(),
            Nationality = applicant.Nationality,
            PermanentAddress = applicant.PermanentAddress,
            LegalForm = applicant.LegalForm,
            LegalRepresentative = applicant.LegalRepresentative,
        };

    private PortalProgress ToRescheduleStep(Dossier dossier) => new()
    {
        DossierCode = dossier.Code,
        HandlerName = agencies.AgencyName(dossier.AgencyCode),
        OccurredAt = dossier.UpdatedAt,
        Content = $"Xin lỗi và hẹn lại ngày trả kết quả: {VietnamTime.Date(dossier.CurrentDueAt):dd/MM/yyyy}. Lý do: {dossier.RescheduleReason}",
        StatusAfter = dossier.Status.ToString(),
        SubStatusAfter = SubStatus(dossier),
        StepDeadline = dossier.CurrentDueAt,
    };

    private static PortalProgress ToPortalProgress(Dossier dossier, ProgressRecord step) => new()
    {
        SubStatusAfter = SubStatus(dossier),
        StepStartedAt = step.StartedAt,
        DossierCode = dossier.Code,
        HandlerName = step.HandlerName,
        HandlerTitle = step.HandlerTitle,
        Department = step.Department,
        OccurredAt = step.OccurredAt,
        Content = string.IsNullOrWhiteSpace(step.Note) ? StepWording[step.Action] : $"{StepWording[step.Action]}: {step.Note}",
        StatusAfter = step.StatusAfter.ToString(),
        StepDeadline = step.StepDeadline,
    };
}
