namespace IntegrationHub.Hub.Registries;

/// <summary>Why a registry's data was read; the numbers are the wire's <c>RegistryAccessKind</c>.</summary>
public enum RegistryAccessKind
{
    Lookup = 1,
    Prefill = 2,
    Verification = 3,
}

/// <summary>The numbers are the wire's <c>RegistryAccessResult</c>.</summary>
public enum RegistryAccessResult
{
    Found = 1,
    NotFound = 2,
    // 3 was "not matching": no registry dialect tells it apart from not found (see LookupStatus).
    Unavailable = 4,
}

/// <summary>Who reads a registry's data, why, and for which dossier.</summary>
/// <param name="ClientId">The agency client asking (for verification: the one that submitted the dossier).</param>
/// <param name="Purpose">The procedure or dossier code the data is for (mục đích).</param>
public sealed record RegistryAccessContext(string ClientId, string Purpose, string? DossierCode, RegistryAccessKind Kind);

/// <summary>One row of the registry access log.</summary>
public sealed record RegistryAccess(
    long Id, DateTimeOffset AccessedAt, string Registry, string Identifier, string ClientId, string Purpose, string? DossierCode,
    RegistryAccessKind Kind, RegistryAccessResult Result, bool FromCache);

/// <param name="ClientIds">Accesses by any of these clients (an agency's clients); null: any.</param>
/// <param name="BeforeId">Paging: accesses older than this one.</param>
public sealed record RegistryAccessFilter(string? Identifier, IReadOnlyCollection<string>? ClientIds, DateTimeOffset? From, DateTimeOffset? To, int PageSize, long? BeforeId);
