namespace IntegrationHub.Hub.Outbox;

/// <summary>A target the outbox delivers to (<c>national-portal</c>, <c>sms</c>, <c>kafka</c>), as <c>AddOutboxTarget</c> registered it.</summary>
/// <param name="Adapter">The adapter whose circuit breaker guards every call to the target, if there is one such adapter.</param>
public sealed record OutboxTarget(string Name, string? Adapter = null);
