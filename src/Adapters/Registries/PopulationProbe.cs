using IntegrationHub.Adapters.Health;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Adapters.Registries;

/// <summary>Checks the population database's platform with a fresh token: it answers, and it accepts the hub's credentials.</summary>
public sealed class PopulationProbe(
    PopulationClient client,
    [FromKeyedServices(PopulationServiceCollectionExtensions.AdapterName)] AdapterActivity activity) : IAdapterProbe
{
    public string Name => PopulationServiceCollectionExtensions.AdapterName;

    // Cơ sở dữ liệu quốc gia về dân cư: the national population database.
    public string Provider => "CSDLQGDC";

    public AdapterActivity Activity => activity;

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await client.RequestTokenAsync(cancellationToken);
            activity.Succeeded(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        catch (RegistryFaultException e)
        {
            activity.Failed(e.Message, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            throw new AdapterProbeException(e.Message, e);
        }
    }
}
