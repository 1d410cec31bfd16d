using IntegrationHub.Hub.Requests;
namespace IntegrationHub.Hub.Dossiers;

/// <summary>
/// A dossier (hồ sơ): one application for one administrative procedure, received by one agency.
/// Every accepted change raises <see cref="Version"/> by one.
/// </summary>
public sealed class Dossier
{
    private readonly List<ProgressRecord> _timeline = [];
    private readonly List<ResultDocument> _results = [];

    private Dossier()
    {
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string ProcedureCode { get; private set; } = "";
    public string AgencyCode { get; private set; } = "";
    public Applicant Applicant { get; private set; } = null!;
    public string? ContactPhone { get; private set; }
    public string? ContactEmail { get; private set; }
    public string Summary { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    /// <summary>ngày hẹn trả: the due date promised at receipt; lateness is measured against it, moved by the time the dossier waited for the applicant.</summary>
    public DateTimeOffset DueAt { get; private set; }
    /// <summary>
    /// The date promised at receipt moved by the working days the dossier waited for the applicant's papers: that time does
    /// not count. Null while it never waited.
    /// </summary>
    public DateTimeOffset? ExtendedDueAt { get; private set; }
    /// <summary>ngày hẹn trả mới: the new date the agency gave with its apology for being late, if it did.</summary>
    public DateTimeOffset? RescheduledDueAt { get; private set; }
    public string? RescheduleReason { get; private set; }
    /// <summary>Why the due date the agency gave deserves a look (earlier or later than the catalogue's processing time gives, beyond the calendar); null when it does not or the hub computed it.</summary>
    public string? DueAtFlag { get; private set; }
    /// <summary>The date the applicant is now waiting for.</summary>
    public DateTimeOffset CurrentDueAt => RescheduledDueAt ?? ExtendedDueAt ?? DueAt;
    public ServiceLevel ServiceLevel { get; private set; }
    public Channel Channel { get; private set; }
    public ResultDelivery ResultDelivery { get; private set; }
    /// <summary>số biên nhận: the number on the applicant's receipt.</summary>
    public string ReceiptNumber { get; private set; } = "";
    public DossierOrigin Origin { get; private set; }
    public List<DossierDocument> Documents { get; private set; } = [];
    public List<DossierFee> Fees { get; private set; } = [];
    public DossierStatus Status { get; private set; }
    public int Version { get; private set; }
    /// <summary>The agency client that submitted it.</summary>
    public string SubmittedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>ngày kết thúc xử lý: when processing ended (signed or rejected).</summary>
    public DateTimeOffset? ProcessingEndedAt { get; private set; }
    /// <summary>ngày trả: when the result was handed over.</summary>
    public DateTimeOffset? ResultReturnedAt { get; private set; }
    public DateTimeOffset? RejectedAt { get; private set; }
    /// <summary>Refused before it was received (không được tiếp nhận), rather than after processing began.</summary>
    public bool RejectedAtIntake { get; private set; }
    /// <summary>When the latest step happened; the next step's work starts there.</summary>
    public DateTimeOffset? LastStepAt { get; private set; }
    /// <summary>Every request for missing papers, oldest first.</summary>
    public List<SupplementRound> Supplements { get; private set; } = [];
    /// <summary>When the fees were paid online, if they were.</summary>
    public DateTimeOffset? FeesPaidAt { get; private set; }
    /// <summary>The gateway they were paid through.</summary>
    public string? FeesPaidVia { get; private set; }
    public ApplicantCheckState ApplicantCheckState { get; private set; }
    public DateTimeOffset? ApplicantCheckedAt { get; private set; }
    /// <summary>Applicant fields the hub filled from a registry, with their source.</summary>
    public List<FilledField> ApplicantFilled { get; private set; } = [];
    public List<FieldMismatch> ApplicantMismatches { get; private set; } = [];
    public ApplicantCheck ApplicantCheck => new(ApplicantCheckState, ApplicantCheckedAt, ApplicantFilled, ApplicantMismatches);
    public IReadOnlyList<ProgressRecord> Timeline => _timeline;
    public IReadOnlyList<ResultDocument> Results => _results;

    /// <param name="request">With the applicant as checked and filled from the registries.</param>
    public static Dossier Submit(NewDossier request, string code, ApplicantCheck check, string submittedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Code = code,
        ProcedureCode = request.ProcedureCode,
        AgencyCode = request.AgencyCode,
        Applicant = request.Applicant,
        ApplicantCheckState = check.State,
        ApplicantCheckedAt = check.CheckedAt,
        ApplicantFilled = [.. check.Filled],
        ApplicantMismatches = [.. check.Mismatches],
        ContactPhone = request.ContactPhone,
        ContactEmail = request.ContactEmail,
        Summary = request.Summary,
        ReceivedAt = request.ReceivedAt,
        DueAt = request.DueAt ?? throw new ArgumentException("a dossier is submitted with its due date, given or computed"),
        DueAtFlag = request.DueAtFlag,
        ServiceLevel = request.ServiceLevel,
        Channel = request.Channel,
        ResultDelivery = request.ResultDelivery,
        ReceiptNumber = request.ReceiptNumber ?? code,
        Documents = [.. request.Documents],
        Fees = [.. request.Fees],
        Origin = request.Origin,
        Status = DossierStatus.New,
        Version = 1,
        SubmittedBy = submittedBy,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <param name="calendar">The working calendar, by which the time waiting for a supplement or suspended is taken out of the count; none: it is not.</param>
    /// <exception cref="DossierStateException">The action does not follow from the current status.</exception>
    /// <exception cref="Calendar.CalendarRangeException">The wait lies outside the working calendar.</exception>
    public ProgressRecord RecordProgress(ProgressStep step, DateTimeOffset now, Calendar.WorkingCalendar? calendar = null)
    {
        if (step.OccurredAt < ReceivedAt)
        {
            throw new InvalidFieldException("occurred_at", "is before the dossier's received time");
        }
        if (step.Supplement is { } ask && (step.Action != ProgressAction.RequestSupplement || ask.RespondBy <= step.OccurredAt))
        {
            throw step.Action != ProgressAction.RequestSupplement
                ? new InvalidFieldException("supplement", "is given only with REQUEST_SUPPLEMENT")
                : new InvalidFieldException("supplement.respond_by", "must be after occurred_at");
        }
        var next = DossierStateMachine.Next(Status, step.Action)
            ?? throw new DossierStateException($"dossier {Code} is {Status}; {step.Action} is not allowed from there");
        Touch(now);
        var record = new ProgressRecord(Id, step, next, LastStepAt ?? ReceivedAt, Version, now);
        switch (step.Action)
        {
            case ProgressAction.Sign:
                ProcessingEndedAt = step.OccurredAt;
                break;
            case ProgressAction.ReturnResult:
                ResultReturnedAt = step.OccurredAt;
                break;
            case ProgressAction.Reject:
                RejectedAt = step.OccurredAt;
                ProcessingEndedAt = step.OccurredAt;
                RejectedAtIntake = Status == DossierStatus.New;
                break;
            case ProgressAction.RequestSupplement:
                Supplements = [.. Supplements, new SupplementRound(record.Id, step.OccurredAt, step.Handler.Name, step.Note, CurrentDueAt)
                {
                    Missing = step.Supplement?.Missing ?? [],
                    RespondBy = step.Supplement?.RespondBy,
                }];
                break;
            case ProgressAction.ReceiveSupplement when Supplements.Count > 0:
                var waited = Pause(calendar, Supplements[^1].RequestedAt, step.OccurredAt);
                Supplements = [.. Supplements[..^1], Supplements[^1] with { ReceivedAt = step.OccurredAt, ReceivedBy = step.Handler.Name, DueAfter = CurrentDueAt, WorkingDaysWaited = waited }];
                break;
            case ProgressAction.Resume:
                // Only Resume follows Suspend, so the last step is the suspension.
                Pause(calendar, LastStepAt ?? ReceivedAt, step.OccurredAt);
                break;
        }
        Status = next;
        LastStepAt = step.OccurredAt;
        _timeline.Add(record);
        return record;
    }

    /// <summary>
    /// The applicant's papers came in: each replaces the documents of its component code or adds one, and the
    /// dossier returns to processing as by <see cref="ProgressAction.ReceiveSupplement"/>.
    /// </summary>
    /// <exception cref="DossierStateException">The dossier is not waiting for a supplement.</exception>
    /// <exception cref="InvalidFieldException">No papers, or a paper asked for is not among them.</exception>
    public ProgressRecord HandInSupplement(ProgressStep step, IReadOnlyList<DossierDocument> papers, DateTimeOffset now, Calendar.WorkingCalendar calendar)
    {
        if (Status != DossierStatus.SupplementRequested || Supplements.Count == 0)
        {
            throw new DossierStateException($"dossier {Code} is {Status}; papers are handed in only while a supplement is requested");
        }
        if (papers.Count == 0)
        {
            throw new InvalidFieldException("documents", "must hold at least one paper");
        }
        if (Supplements[^1].Missing.Select(m => m.ComponentCode).FirstOrDefault(code => papers.All(p => p.ComponentCode != code)) is { } notHandedIn)
        {
            throw new InvalidFieldException("documents", $"component {notHandedIn} was asked for and is not among them");
        }
        var replaced = papers.Select(p => p.ComponentCode).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        Documents = [.. Documents.Where(d => !replaced.Contains(d.ComponentCode)), .. papers];
        var record = RecordProgress(step with { Action = ProgressAction.ReceiveSupplement }, now, calendar);
        Supplements = [.. Supplements[..^1], Supplements[^1] with { PapersReceived = [.. papers.Select(p => p.Id)] }];
        return record;
    }

    /// <summary>
    /// The clock stopped from <paramref name="from"/> to <paramref name="to"/>: the working days from the day after through
    /// the day it restarted move the due date (and an apology's new date). Without a calendar nothing moves.
    /// </summary>
    /// <returns>The working days paused.</returns>
    private int Pause(Calendar.WorkingCalendar? calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var waited = calendar?.WorkingDaysBetween(Day(from), Day(to)) ?? 0;
        if (waited > 0)
        {
            ExtendedDueAt = Later(calendar!, ExtendedDueAt ?? DueAt, waited);
            RescheduledDueAt = RescheduledDueAt is { } promised ? Later(calendar!, promised, waited) : null;
        }
        return waited;
    }

    private static DateTimeOffset Later(Calendar.WorkingCalendar calendar, DateTimeOffset due, int workingDays)
    {
        var local = due.ToOffset(VietnamOffset);
        return new DateTimeOffset(calendar.AddWorkingDays(DateOnly.FromDateTime(local.DateTime), workingDays).ToDateTime(TimeOnly.FromDateTime(local.DateTime)), VietnamOffset)
            .ToUniversalTime();
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(VietnamOffset).DateTime);

    // Days are counted as agencies count them, in Vietnam's time.
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <exception cref="DossierStateException">The dossier is not being or has not been processed.</exception>
    public ResultDocument AttachResult(ResultDetails details, DateTimeOffset now)
    {
        if (!DossierStateMachine.AcceptsResults(Status))
        {
            throw new DossierStateException($"dossier {Code} is {Status}; a result is attached once the dossier is signed (Signed, ResultReturned or Finished)");
        }
        Touch(now);
        var result = new ResultDocument(Id, details, Version, now);
        _results.Add(result);
        return result;
    }

    /// <summary>Phiếu xin lỗi và hẹn lại ngày trả: the agency apologizes and promises a later date.</summary>
    /// <exception cref="DossierStateException">Processing has ended, or the applicant withdrew.</exception>
    /// <exception cref="InvalidFieldException">The new date is not after the current one, or already past.</exception>
    public void Reschedule(DateTimeOffset newDueAt, string reason, DateTimeOffset now)
    {
        if (ProcessingEndedAt is not null || Status is DossierStatus.Withdrawn or DossierStatus.Finished)
        {
            throw new DossierStateException($"dossier {Code} is {Status}; only a dossier still in processing gets a new due date");
        }
        if (newDueAt <= CurrentDueAt || newDueAt <= now)
        {
            throw new InvalidFieldException("new_due_at", $"must be after the current due date {CurrentDueAt:u} and in the future");
        }
        RescheduledDueAt = newDueAt;
        RescheduleReason = reason;
        Touch(now);
    }

    public void RecordFeesPaid(DateTimeOffset paidAt, string gateway, DateTimeOffset now)
    {
        FeesPaidAt = paidAt;
        FeesPaidVia = gateway;
        Touch(now);
    }

    public void RecordFeesRefunded(DateTimeOffset now)
    {
        FeesPaidAt = null;
        FeesPaidVia = null;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
