using IntegrationHub.Adapters.Registries;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Metrics;
using IntegrationHub.Hub.Persistence;

namespace IntegrationHub.Hub.Registries;

/// <summary>
/// Every read of the population and enterprise databases goes through here: the hub's cache first,
/// the registry when the cache has no fresh answer, and an access-log entry either way.
/// </summary>
public sealed class RegistryLookups(
    IPopulationRegistry population, IEnterpriseRegistry enterprises, RegistryCache cache, RegistryAccessLog accessLog, HubMetrics metrics, TimeProvider clock)
{
    public const string Population = RegistriesServiceCollectionExtensions.Population;
    public const string Enterprise = RegistriesServiceCollectionExtensions.Enterprise;

    /// <param name="birthDate"><c>yyyy-MM-dd</c> or <c>yyyy</c>, as declared.</param>
    /// <exception cref="RegistryUnavailableException"/>
    public Task<RegistryAnswer<CitizenFacts>> CitizenAsync(
        string idNumber, string fullName, string birthDate, RegistryAccessContext context, CancellationToken cancellationToken) =>
        LookupAsync(
            Population, idNumber, context,
            // The database verifies name and birth date; a cached record answers only when both agree with it.
            cached => PersonalText.Same(cached.FullName, fullName) && RegistryDates.Agree(birthDate, cached.BirthDate),
            async token =>
            {
                var found = await population.VerifyAsync(
                    new CitizenQuery(idNumber, fullName, RegistryDates.ToRegistry(birthDate), context.ClientId, context.Purpose), token);
                return (found.Status, found.Citizen is { } citizen ? CitizenFacts.From(citizen) : null);
            },
            cancellationToken);

    /// <exception cref="RegistryUnavailableException"/>
    public Task<RegistryAnswer<EnterpriseFacts>> EnterpriseAsync(string code, RegistryAccessContext context, CancellationToken cancellationToken) =>
        LookupAsync(
            Enterprise, code, context,
            _ => true,
            async token =>
            {
                var found = await enterprises.LookupAsync(new EnterpriseQuery(code, context.ClientId, context.Purpose), token);
                return (found.Status, found.Enterprise is { } enterprise ? EnterpriseFacts.From(enterprise) : null);
            },
            cancellationToken);

    private async Task<RegistryAnswer<T>> LookupAsync<T>(
        string registry, string identifier, RegistryAccessContext context, Func<T, bool> answersFromCache,
        Func<CancellationToken, Task<(LookupStatus Status, T? Facts)>> ask, CancellationToken cancellationToken) where T : class
    {
        if (await cache.FindAsync<T>(registry, identifier, cancellationToken) is { } cached && answersFromCache(cached.Record))
        {
            metrics.RegistryCallSaved(registry);
            await accessLog.RecordAsync(registry, identifier, context, RegistryAccessResult.Found, fromCache: true, cancellationToken);
            return new RegistryAnswer<T>(LookupStatus.Found, cached.Record, new RegistrySource(registry, cached.FetchedAt, FromCache: true));
        }
        (LookupStatus Status, T? Facts) answer;
        try
        {
            answer = await ask(cancellationToken);
        }
        catch (RegistryFaultException e)
        {
            metrics.RegistryCalled(registry, MetricName(RegistryAccessResult.Unavailable));
            await accessLog.RecordAsync(registry, identifier, context, RegistryAccessResult.Unavailable, fromCache: false, cancellationToken);
            throw new RegistryUnavailableException(registry, e.Message, e);
        }
        // As stored: a later answer from the cache then names the same time.
        var fetchedAt = StoredTime.Now(clock);
        var result = answer.Status == LookupStatus.Found ? RegistryAccessResult.Found : RegistryAccessResult.NotFound;
        metrics.RegistryCalled(registry, MetricName(result));
        if (answer.Facts is { } facts)
        {
            await cache.StoreAsync(registry, identifier, facts, fetchedAt, cancellationToken);
        }
        await accessLog.RecordAsync(registry, identifier, context, result, fromCache: false, cancellationToken);
        return new RegistryAnswer<T>(answer.Status, answer.Facts, new RegistrySource(registry, fetchedAt, FromCache: false));
    }

    private static string MetricName(RegistryAccessResult result) => result switch
    {
        RegistryAccessResult.Found => "found",
        RegistryAccessResult.NotFound => "not-found",
        _ => "unavailable",
    };
}
