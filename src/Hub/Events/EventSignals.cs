namespace IntegrationHub.Hub.Events;

/// <summary>In-process wake-ups along the event path; other instances' events are found by polling.</summary>
public sealed class EventSignals
{
    /// <summary>This process committed events: the sequencer has work.</summary>
    public Pulse Recorded { get; } = new();

    /// <summary>Events were given positions: watchers have something to read.</summary>
    public Pulse Sequenced { get; } = new();
}
