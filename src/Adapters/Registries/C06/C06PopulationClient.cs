using System.Globalization;
using System.Net;
using System.Text;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.Http;
using IntegrationHub.Adapters.Registries.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Registries.C06;

/// <summary>
/// Verifies citizens against C06's own SOAP service (<see cref="PopulationDialect.C06Soap"/>). C06 answers a
/// number, name and birth date that do not go together as it answers an unknown number, with no citizen,
/// so this dialect reports both as not found.
/// </summary>
public sealed class C06PopulationClient(
    IPopulationApi api,
    IOptions<PopulationOptions> options,
    [FromKeyedServices(RegistriesServiceCollectionExtensions.Population)] AdapterActivity activity,
    TimeProvider clock) : IPopulationRegistry
{
    public Task<CitizenLookup> VerifyAsync(CitizenQuery query, CancellationToken cancellationToken) =>
        activity.TrackAsync<CitizenLookup, RegistryFaultException>(async () =>
        {
            var settings = options.Value;
            var c06 = settings.C06;
            var timestamp = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            var envelope = C06Messages.Lookup(c06, settings.UnitCode, Guid.CreateVersion7().ToString("N"), query.IdNumber, query.FullName, query.BirthDate);
            var (status, body) = await HttpFaults.ExchangeAsync(
                () => api.SoapAsync(
                    c06.ServicePath.TrimStart('/'), new StringContent(envelope, Encoding.UTF8, "application/xml"),
                    C06Authentication.Header(ServiceUrl(settings), c06.Username, timestamp, c06.SecretKey), timestamp, cancellationToken),
                (message, inner) => new RegistryFaultException(message, inner),
                cancellationToken);
            if (status != HttpStatusCode.OK)
            {
                throw new RegistryFaultException($"HTTP {(int)status}");
            }
            return C06Messages.ReadLookup(body);
        });

    /// <summary>The service URL the authentication hash covers.</summary>
    public static string ServiceUrl(PopulationOptions options) =>
        options.C06.ServiceUrl is { Length: > 0 } configured ? configured : new Uri(options.BaseUrl!, options.C06.ServicePath.TrimStart('/')).ToString();
}
