namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// Turns a change (of whatever kind the feature that makes it defines) into the outbox rows one target
/// needs. Every target that must hear about such changes registers one; the feature writes the rows in
/// the change's own transaction.
/// </summary>
public interface IOutboxSubscriber<in TChange>
{
    IEnumerable<OutboxEntry> EntriesFor(TChange change);
}

/// <param name="Payload">The row's JSON; the target's handler reads it back.</param>
public sealed record OutboxEntry(string Target, string Kind, string Payload)
{
    /// <summary>An entry whose payload is <paramref name="payload"/> in the outbox's one JSON form.</summary>
    public static OutboxEntry Of(string target, string kind, object payload) => new(target, kind, OutboxPayload.Serialize(payload));
}
