using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Requests;
using IntegrationHub.Hub.Security;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Events;

/// <summary>Follows the event feed for one caller: everything after a position, then new events as they are sequenced.</summary>
public sealed class EventWatcher(EventFeed feed, EventSignals signals, IOptions<EventOptions> options)
{
    private readonly EventOptions _options = options.Value;

    /// <param name="agencies">Some of the client's agencies; empty for all of them.</param>
    /// <exception cref="InvalidFieldException">A negative position.</exception>
    /// <exception cref="AgencyAccessDeniedException">An agency the client may not act for.</exception>
    public async Task WatchAsync(AgencyClient client, long afterPosition, IReadOnlyCollection<string> agencies, Func<DossierEventRecord, Task> send, CancellationToken cancellationToken)
    {
        if (afterPosition < 0)
        {
            throw new InvalidFieldException("after_position", "must be 0 or a position received earlier");
        }
        if (agencies.FirstOrDefault(a => !client.MayActFor(a)) is { } refused)
        {
            throw new AgencyAccessDeniedException($"client {client.Id} may not follow agency {refused}");
        }
        var watched = agencies.Count == 0 ? [.. client.Agencies] : agencies.ToArray();
        var position = afterPosition;
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = signals.Sequenced.Next;
            var events = await feed.ReadAsync(position, watched, _options.BatchSize, cancellationToken);
            foreach (var record in events)
            {
                await send(record);
                position = record.Position!.Value;
            }
            if (events.Count < _options.BatchSize)
            {
                await Pulse.WaitAsync(next, _options.PollInterval, cancellationToken);
            }
        }
    }
}
