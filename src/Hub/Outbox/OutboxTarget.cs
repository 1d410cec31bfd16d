namespace IntegrationHub.Hub.Outbox;

/// <summary>A target the outbox delivers to (<c>national-portal</c>, <c>sms</c>, <c>kafka</c>), as <c>AddOutboxTarget</c> registered it.</summary>
public sealed record OutboxTarget(string Name);
