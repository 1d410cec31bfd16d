namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// One outbound effect of a committed change, written in the same transaction as the change and
/// delivered later, in order per (dossier, target), by <see cref="OutboxDispatcher"/>.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public OutboxMessage(Guid dossierId, string target, string kind, int dossierVersion, string payload, DateTimeOffset now)
    {
        DossierId = dossierId;
        Target = target;
        Kind = kind;
        DossierVersion = dossierVersion;
        Payload = payload;
        Status = OutboxStatus.Pending;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public long Id { get; private set; }
    public Guid DossierId { get; private set; }
    /// <summary>The outbound system, e.g. <c>national-portal</c>.</summary>
    public string Target { get; private set; } = "";
    /// <summary>What the payload is, for the target's handler (e.g. <c>dossier-sync</c>).</summary>
    public string Kind { get; private set; } = "";
    public int DossierVersion { get; private set; }
    /// <summary>JSON, in the adapter contract's terms.</summary>
    public string Payload { get; private set; } = "";
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>The target's last answer, kept for operators.</summary>
    public string? LastAnswer { get; private set; }
}

public enum OutboxStatus
{
    Pending = 0,
    Delivered = 1,
    DeadLettered = 2,
}
