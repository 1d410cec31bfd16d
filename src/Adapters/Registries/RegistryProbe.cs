using IntegrationHub.Adapters.Health;

namespace IntegrationHub.Adapters.Registries;

/// <summary>Checks a registry with the cheapest call its dialect has: a fresh token (it answers and accepts the hub), or a look-up.</summary>
public sealed class RegistryProbe(string name, string provider, Func<CancellationToken, Task> check) : IAdapterProbe
{
    public string Name => name;

    public string Provider => provider;

    public required AdapterActivity Activity { get; init; }

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await check(cancellationToken);
        }
        catch (RegistryFaultException e)
        {
            throw new AdapterProbeException(e.Message, e);
        }
    }
}
