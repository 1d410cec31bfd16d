namespace IntegrationHub.Adapters.Registries;

/// <summary>The national population database (Cơ sở dữ liệu quốc gia về dân cư), which verifies rather than browses.</summary>
public interface IPopulationRegistry
{
    /// <exception cref="RegistryFaultException">Down, timed out, refused our credentials, or answered something else than its format.</exception>
    Task<CitizenLookup> VerifyAsync(CitizenQuery query, CancellationToken cancellationToken);
}
