using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Registries.C06;

/// <summary>
/// Verifies citizens with C06's SOAP request carried by a provincial LGSP (<see cref="PopulationDialect.LgspSoap"/>).
/// As with C06 directly, a number, name and birth date that do not go together are answered with no citizen.
/// </summary>
public sealed class LgspPopulationClient(
    [FromKeyedServices(RegistriesServiceCollectionExtensions.Population)] RegistryConnection connection,
    IOptions<PopulationOptions> options) : IPopulationRegistry
{
    public async Task<CitizenLookup> VerifyAsync(CitizenQuery query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var envelope = C06Messages.Lookup(settings.C06, settings.UnitCode, Guid.CreateVersion7().ToString("N"), query.IdNumber, query.FullName, query.BirthDate);
        var answer = await connection.PostAsync(
            settings.Lgsp.Path.TrimStart('/'),
            token => new Dictionary<string, string> { ["accessToken"] = $"Bearer {token}", ["lgspAccessToken"] = settings.Lgsp.AccessHeader(), ["data"] = envelope },
            cancellationToken);
        return C06Messages.ReadLookup(answer);
    }
}
