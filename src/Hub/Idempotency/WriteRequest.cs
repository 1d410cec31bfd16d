namespace IntegrationHub.Hub.Idempotency;

/// <summary>Who asks for a write, under which request id, and a fingerprint of what they ask.</summary>
public sealed record WriteRequest(string ClientId, string RequestId, byte[] Fingerprint);
