namespace IntegrationHub.Hub.Dossiers;

/// <summary>The citizen (by CCCD number) or business (by enterprise/tax code) the dossier is for (chủ hồ sơ).</summary>
public sealed record Applicant(ApplicantKind Kind, string IdNumber, string Name, string? Address);
