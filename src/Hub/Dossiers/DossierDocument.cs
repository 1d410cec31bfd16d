namespace IntegrationHub.Hub.Dossiers;

/// <summary>A submitted paper (thành phần hồ sơ), held by the agency's store at <see cref="StorageUrl"/>.</summary>
public sealed record DossierDocument(string Id, string ComponentCode, string Name, string MediaType, long SizeBytes, string Sha256, string StorageUrl);
