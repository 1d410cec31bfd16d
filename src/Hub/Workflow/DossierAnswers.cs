using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Idempotency;
using IntegrationHub.Hub.Payments;

namespace IntegrationHub.Hub.Workflow;

/// <param name="Payment">A level-4 dossier with fees: the payment asked of the applicant.</param>
/// <param name="ApplicantCheck">The registry check's outcome, by field name only: this answer is kept for repeats, the applicant's data is not.</param>
public sealed record SubmitAnswer(
    string DossierCode, DossierStatus Status, DateTimeOffset DueAt, int Version, PaymentView? Payment = null, ApplicantCheckSummary? ApplicantCheck = null)
    : IWriteSubject
{
    string IWriteSubject.Subject => DossierCode;
}

public sealed record ApplicantCheckSummary(ApplicantCheckState State, IReadOnlyList<string> FilledFields, IReadOnlyList<string> MismatchedFields)
{
    public static ApplicantCheckSummary Of(ApplicantCheck check) =>
        new(check.State, [.. check.Filled.Select(f => f.Field)], [.. check.Mismatches.Select(m => m.Field)]);
}

public sealed record ProgressAnswer(string DossierCode, DossierStatus Status, int Version) : IWriteSubject
{
    string IWriteSubject.Subject => DossierCode;
}

/// <param name="DueAt">The date the applicant now waits for.</param>
public sealed record SupplementAnswer(string DossierCode, DossierStatus Status, int Version, DateTimeOffset DueAt) : IWriteSubject
{
    string IWriteSubject.Subject => DossierCode;
}

public sealed record ResultAnswer(string DossierCode, Guid ResultId, int Version) : IWriteSubject
{
    string IWriteSubject.Subject => DossierCode;
}

public sealed record RescheduleAnswer(string DossierCode, DateTimeOffset DueAt, DateTimeOffset RescheduledDueAt, int Version) : IWriteSubject
{
    string IWriteSubject.Subject => DossierCode;
}
