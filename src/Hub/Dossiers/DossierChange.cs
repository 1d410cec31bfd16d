namespace IntegrationHub.Hub.Dossiers;

/// <summary>An accepted change to a dossier, as outbound targets and the event log hear of it.</summary>
/// <param name="PaymentReference">FeesPaid, FeesRefunded: the payment's merchant reference.</param>
/// <param name="StatusBefore">ProgressRecorded: the status the step left.</param>
public sealed record DossierChange(
    Dossier Dossier, DossierChangeKind Kind, ProgressRecord? Progress = null, ResultDocument? Result = null, string? PaymentReference = null,
    DossierStatus? StatusBefore = null)
{
    /// <summary>The change's identity, which its event carries wherever it is published.</summary>
    public Guid Id { get; } = Guid.CreateVersion7();
}

public enum DossierChangeKind
{
    Submitted,
    ProgressRecorded,
    ResultAttached,
    /// <summary>The fees were paid online.</summary>
    FeesPaid,
    /// <summary>The agency apologized for a late dossier and gave a new due date.</summary>
    Rescheduled,
    /// <summary>Fees paid online were given back.</summary>
    FeesRefunded,
}
