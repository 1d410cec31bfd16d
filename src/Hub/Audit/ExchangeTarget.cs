namespace IntegrationHub.Hub.Audit;

/// <summary>Names the system an endpoint's callers are, for the exchange log, where the route does not (a gateway or provider in the path).</summary>
public sealed record ExchangeTarget(string Name);
