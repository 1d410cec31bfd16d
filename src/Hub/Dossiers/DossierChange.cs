namespace IntegrationHub.Hub.Dossiers;

/// <summary>An accepted change to a dossier, as outbound targets hear of it.</summary>
public sealed record DossierChange(Dossier Dossier, DossierChangeKind Kind, ProgressRecord? Progress = null, ResultDocument? Result = null);

public enum DossierChangeKind
{
    Submitted,
    ProgressRecorded,
    ResultAttached,
}
