namespace IntegrationHub.Adapters;

/// <summary>A message to deliver, and whether an earlier attempt may already have taken effect.</summary>
public sealed record Outgoing<T>(T Message, bool InDoubt = false);
