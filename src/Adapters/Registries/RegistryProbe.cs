using IntegrationHub.Adapters.Health;

namespace IntegrationHub.Adapters.Registries;

/// <summary>Checks a registry's platform with a fresh token: it answers, and it accepts the hub's credentials.</summary>
public sealed class RegistryProbe(string name, string provider, RegistryConnection connection, AdapterActivity activity) : IAdapterProbe
{
    public string Name => name;

    public string Provider => provider;

    public AdapterActivity Activity => activity;

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await connection.RequestTokenAsync(cancellationToken);
            activity.Succeeded(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        catch (RegistryFaultException e)
        {
            activity.Failed(e.Message, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            throw new AdapterProbeException(e.Message, e);
        }
    }
}
