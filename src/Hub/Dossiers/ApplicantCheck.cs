namespace IntegrationHub.Hub.Dossiers;

/// <summary>What the registries said about a dossier's applicant; the numbers are the wire's.</summary>
public enum ApplicantCheckState
{
    /// <summary>A citizen without a birth date: the population database cannot be asked.</summary>
    NotChecked = 1,
    Verified = 2,
    /// <summary>The registry could not be reached at submit; the verification job asks it later.</summary>
    Pending = 3,
    /// <summary>The registry holds no record that goes with the identifier (for a citizen: with the declared name and birth date).</summary>
    NotFound = 4,
    // 5 was "not matching": no registry dialect tells it apart from not found (see LookupStatus).
}

/// <summary>Where an applicant value came from: a registry's answer fetched at a time, maybe from the hub's cache.</summary>
/// <param name="Registry"><c>population</c> or <c>enterprise</c>.</param>
public sealed record RegistrySource(string Registry, DateTimeOffset FetchedAt, bool FromCache);

/// <summary>A field the hub filled from a registry (provenance).</summary>
/// <param name="Field">The applicant field as the wire names it, e.g. <c>permanent_address</c>.</param>
public sealed record FilledField(string Field, RegistrySource Source);

/// <summary>A field the agency gave that the registry holds differently; the agency's value stays.</summary>
public sealed record FieldMismatch(string Field, string AgencyValue, string RegistryValue, RegistrySource Source);

public sealed record ApplicantCheck(ApplicantCheckState State, DateTimeOffset? CheckedAt, IReadOnlyList<FilledField> Filled, IReadOnlyList<FieldMismatch> Mismatches)
{
    public static ApplicantCheck Unchecked(ApplicantCheckState state) => new(state, null, [], []);
}
