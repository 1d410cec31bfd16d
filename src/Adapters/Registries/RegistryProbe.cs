using IntegrationHub.Adapters.Http;
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
        try
        {
            await activity.TrackAsync<Credential, RegistryFaultException>(() => connection.RequestTokenAsync(cancellationToken));
        }
        catch (RegistryFaultException e)
        {
            throw new AdapterProbeException(e.Message, e);
        }
    }
}
