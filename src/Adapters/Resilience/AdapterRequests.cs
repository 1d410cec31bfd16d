namespace IntegrationHub.Adapters.Resilience;

/// <summary>What an adapter tells its pipeline about one request.</summary>
public static class AdapterRequests
{
    /// <summary>
    /// The request changes something at the national system (a write that is not idempotent there):
    /// the pipeline retries it only after failures that certainly did not take effect
    /// (<see cref="Http.HttpFaults.NotProcessed"/>), and leaves the rest to the caller, who can ask first.
    /// </summary>
    public const string TakesEffect = "IntegrationHub.TakesEffect";

    public static readonly HttpRequestOptionsKey<bool> TakesEffectKey = new(TakesEffect);
}
