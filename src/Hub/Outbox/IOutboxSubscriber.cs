using IntegrationHub.Hub.Dossiers;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// Turns a dossier change into the outbox rows one target needs. Every target that must hear about
/// dossier changes registers one; the rows are written in the change's own transaction.
/// </summary>
public interface IOutboxSubscriber
{
    IEnumerable<OutboxEntry> EntriesFor(DossierChange change);
}

/// <param name="Payload">Serialized as JSON into the row; the target's handler reads it back.</param>
public sealed record OutboxEntry(string Target, string Kind, object Payload);
