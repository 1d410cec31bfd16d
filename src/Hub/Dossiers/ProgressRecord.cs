namespace IntegrationHub.Hub.Dossiers;

/// <summary>One step on a dossier's timeline: who did what, when, and the status it left.</summary>
public sealed class ProgressRecord
{
    private ProgressRecord()
    {
    }

    public ProgressRecord(Guid dossierId, ProgressStep step, DossierStatus statusAfter, DateTimeOffset startedAt, int version, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        DossierId = dossierId;
        Action = step.Action;
        StatusAfter = statusAfter;
        HandlerName = step.Handler.Name;
        HandlerTitle = step.Handler.Title;
        Department = step.Handler.Department;
        Note = step.Note;
        OccurredAt = step.OccurredAt;
        StepDeadline = step.StepDeadline;
        StartedAt = startedAt;
        Version = version;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid DossierId { get; private set; }
    public ProgressAction Action { get; private set; }
    public DossierStatus StatusAfter { get; private set; }
    public string HandlerName { get; private set; } = "";
    public string? HandlerTitle { get; private set; }
    public string? Department { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset? StepDeadline { get; private set; }
    /// <summary>When the work of this step began: the previous step, or receipt for the first.</summary>
    public DateTimeOffset? StartedAt { get; private set; }
    /// <summary>The dossier version this step produced; orders the timeline.</summary>
    public int Version { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
