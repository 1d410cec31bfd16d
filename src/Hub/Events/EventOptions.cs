namespace IntegrationHub.Hub.Events;

/// <summary>The event feed; bound from <c>Hub:Events</c>.</summary>
public sealed class EventOptions
{
    public const string SectionName = "Hub:Events";

    /// <summary>How often the sequencer and watchers look for events committed by other hub instances.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long the sequencer lets events gather after being woken, so that under load one round
    /// sequences many rather than each commit costing a round of its own.
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Events read per query, by the sequencer and by each watcher.</summary>
    public int BatchSize { get; set; } = 500;
}
