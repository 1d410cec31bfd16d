namespace IntegrationHub.Hub.Events;

/// <summary>What happened; the numbers are those of the wire's <c>DossierEventType</c>.</summary>
public enum DossierEventType
{
    Submitted = 1,
    ProgressRecorded = 2,
    ResultAttached = 3,
    Delivered = 4,
    DeadLettered = 5,
    Overdue = 6,
    /// <summary>The registry, asked after submit, holds other applicant data than the agency gave.</summary>
    ApplicantMismatch = 7,
    PaymentReceived = 8,
    DueDateRescheduled = 9,
    PaymentRefunded = 10,
}
