using IntegrationHub.Hub.Payments;

namespace IntegrationHub.Hub.Dossiers;

/// <param name="Payment">A level-4 dossier with fees: the payment asked of the applicant.</param>
public sealed record SubmitAnswer(string DossierCode, DossierStatus Status, DateTimeOffset DueAt, int Version, PaymentView? Payment = null);

public sealed record ProgressAnswer(string DossierCode, DossierStatus Status, int Version);

public sealed record ResultAnswer(string DossierCode, Guid ResultId, int Version);

public sealed record RescheduleAnswer(string DossierCode, DateTimeOffset DueAt, DateTimeOffset RescheduledDueAt, int Version);
