namespace IntegrationHub.Hub.Events;

/// <summary>
/// Wake-ups along the event path. <see cref="Record"/> and <see cref="Sequence"/> are this process's own; they
/// wake its sequencer and watchers at once and are carried to the other instances by
/// <see cref="EventNotifications"/>, whose arrivals wake the same pulses here.
/// </summary>
public sealed class EventSignals
{
    /// <summary>Events were committed, here or by another instance: the sequencer has work.</summary>
    public Pulse Recorded { get; } = new();

    /// <summary>Events were given positions, here or by another instance: watchers have something to read.</summary>
    public Pulse Sequenced { get; } = new();

    /// <summary>This process committed events (to be told to the other instances).</summary>
    public Pulse RecordedHere { get; } = new();

    /// <summary>This process gave events positions (to be told to the other instances).</summary>
    public Pulse SequencedHere { get; } = new();

    /// <summary>This process committed events.</summary>
    public void Record()
    {
        Recorded.Notify();
        RecordedHere.Notify();
    }

    /// <summary>This process gave events positions.</summary>
    public void Sequence()
    {
        Sequenced.Notify();
        SequencedHere.Notify();
    }
}
