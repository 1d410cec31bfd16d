using IntegrationHub.Adapters.Registries;
using IntegrationHub.Hub.Dossiers;

namespace IntegrationHub.Hub.Registries;

/// <summary>
/// Once-only at submit: checks the applicant against its registry and fills what the agency left
/// empty. A dossier that needs a value the registry must give is refused when the registry does not
/// know the applicant (FailedPrecondition) or cannot be asked (Unavailable); one given in full is
/// accepted either way, and checked later by <see cref="ApplicantVerificationJob"/> if the registry was down.
/// </summary>
/// <remarks>
/// The registry clients are built only for a dossier that needs them: each costs a Refit client and an
/// HTTP client per request, which most submits (no birth date) would pay for nothing.
/// </remarks>
public sealed class ApplicantChecker(Lazy<RegistryLookups> lookups, TimeProvider clock)
{
    public async Task<(Applicant Applicant, ApplicantCheck Check)> CheckAsync(Applicant given, RegistryAccessContext context, CancellationToken cancellationToken)
    {
        // No national registry holds state agencies or other organisations; a citizen is asked about only with a birth date.
        if (given.Kind is ApplicantKind.StateAgency or ApplicantKind.Organisation || (given.Kind == ApplicantKind.Citizen && given.BirthDate is null))
        {
            return (given, ApplicantCheck.Unchecked(ApplicantCheckState.NotChecked));
        }
        var missing = ApplicantFields.Missing(given);
        try
        {
            return given.Kind == ApplicantKind.Citizen
                ? Conclude(given, missing, await lookups.Value.CitizenAsync(given.IdNumber, given.Name!, given.BirthDate!, context, cancellationToken), ApplicantFields.Merge)
                : Conclude(given, missing, await lookups.Value.EnterpriseAsync(given.IdNumber, context, cancellationToken), ApplicantFields.Merge);
        }
        catch (RegistryUnavailableException) when (missing.Count == 0)
        {
            return (given, ApplicantCheck.Unchecked(ApplicantCheckState.Pending));
        }
    }

    private (Applicant, ApplicantCheck) Conclude<T>(
        Applicant given, IReadOnlyList<string> missing, RegistryAnswer<T> answer,
        Func<Applicant, T, RegistrySource, DateTimeOffset, (Applicant, ApplicantCheck)> merge) where T : class
    {
        var now = clock.GetUtcNow();
        if (answer is { Status: LookupStatus.Found, Facts: { } facts })
        {
            return merge(given, facts, answer.Source, now);
        }
        if (missing.Count > 0)
        {
            var with = given.Kind == ApplicantKind.Citizen ? " with this name and birth date" : "";
            throw new ApplicantNotConfirmedException(
                $"applicant.id_number: the {answer.Source.Registry} database has no record of {IdentifierMask.Mask(given.IdNumber)}{with}, so {string.Join(", ", missing)} cannot be filled");
        }
        return (given, new ApplicantCheck(ApplicantCheckState.NotFound, now, [], []));
    }
}
