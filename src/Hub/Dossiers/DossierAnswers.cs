namespace IntegrationHub.Hub.Dossiers;

public sealed record SubmitAnswer(string DossierCode, DossierStatus Status, DateTimeOffset DueAt, int Version);

public sealed record ProgressAnswer(string DossierCode, DossierStatus Status, int Version);

public sealed record ResultAnswer(string DossierCode, Guid ResultId, int Version);
