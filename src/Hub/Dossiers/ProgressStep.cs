namespace IntegrationHub.Hub.Dossiers;

public sealed record Handler(string Name, string? Title, string? Department);

/// <summary>A step an agency reports.</summary>
public sealed record ProgressStep(ProgressAction Action, Handler Handler, string? Note, DateTimeOffset OccurredAt, DateTimeOffset? StepDeadline)
{
    /// <summary>With <see cref="ProgressAction.RequestSupplement"/>: what is missing and by when.</summary>
    public SupplementAsk? Supplement { get; init; }
}
