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
}
