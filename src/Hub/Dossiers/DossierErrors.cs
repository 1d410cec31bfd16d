namespace IntegrationHub.Hub.Dossiers;

/// <summary>The request is well formed but the dossier is not in a state that allows it.</summary>
public sealed class DossierStateException(string message) : Exception(message);

public sealed class DossierNotFoundException(string code) : Exception($"dossier {code} not found");

/// <summary>A dossier code that is already taken.</summary>
public sealed class DossierConflictException(string message) : Exception(message);

/// <summary>The caller may not act for the agency concerned.</summary>
public sealed class AgencyAccessDeniedException(string message) : Exception(message);

/// <summary>The applicant could not be confirmed by its registry, and the dossier needs what the registry would give.</summary>
public sealed class ApplicantNotConfirmedException(string message) : Exception(message);

/// <summary>A document refers to an earlier result that does not exist or was issued to someone else.</summary>
public sealed class ResultNotReusableException(string message) : Exception(message);
