using IntegrationHub.Adapters.Registries;
using IntegrationHub.Hub.Dossiers;

namespace IntegrationHub.Hub.Registries;

/// <summary>A registry's answer as the hub gives it on: the outcome, the facts when found, and where they came from.</summary>
public sealed record RegistryAnswer<T>(LookupStatus Status, T? Facts, RegistrySource Source) where T : class;

/// <summary>The registry could not be asked (down, timing out, circuit open); the caller may try again later.</summary>
public sealed class RegistryUnavailableException(string registry, string reason, Exception inner)
    : Exception($"the {registry} database is unavailable ({reason}); try again later", inner)
{
    public string Registry { get; } = registry;
}
