using Npgsql;

namespace IntegrationHub.Hub.Events;

/// <summary>
/// Carries the event path's wake-ups between hub instances on one database over PostgreSQL's LISTEN/NOTIFY:
/// events committed through one instance wake the sequencer wherever it runs, and positions given by it wake
/// the watchers (WatchEvents) of every instance, instead of each waiting for its next poll. Polling stays as
/// the fallback: a notification lost with a connection delays an event by one poll, never loses it.
/// </summary>
public sealed class EventNotifications(NpgsqlDataSource dataSource, EventSignals signals, ILogger<EventNotifications> logger) : BackgroundService
{
    public const string Channel = "hub_events";

    private const string Recorded = "recorded";
    private const string Sequenced = "sequenced";

    // A burst of commits is told once per gap, not once each.
    private static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    // Notifications from this process come back to it too; its own pulses have fired already.
    private readonly string _instance = Guid.NewGuid().ToString("N");

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        Task.Run(() => ListenAsync(stoppingToken), stoppingToken),
        Task.Run(() => TellAsync(signals.RecordedHere, Recorded, stoppingToken), stoppingToken),
        Task.Run(() => TellAsync(signals.SequencedHere, Sequenced, stoppingToken), stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Arrived(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Whatever was told while this instance was not listening is found by the next poll or by this wake.
                signals.Recorded.Notify();
                signals.Sequenced.Notify();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                logger.LogWarning(e, "Listening for other instances' events failed; listening again");
                await Task.Delay(Reconnect, stoppingToken);
            }
        }
    }

    private void Arrived(string payload)
    {
        var (kind, from) = payload.Split(':', 2) is [var k, var f] ? (k, f) : (payload, "");
        if (from == _instance)
        {
            return;
        }
        (kind == Sequenced ? signals.Sequenced : signals.Recorded).Notify();
    }

    private async Task TellAsync(Pulse here, string kind, CancellationToken stoppingToken)
    {
        var next = here.Next;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await next.WaitAsync(stoppingToken);
                // Taken before telling: what happens while telling is told in the next round.
                next = here.Next;
                await using var command = dataSource.CreateCommand("SELECT pg_notify($1, $2)");
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Channel });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"{kind}:{_instance}" });
                await command.ExecuteNonQueryAsync(stoppingToken);
                await Task.Delay(Gap, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Telling other instances of {Kind} events failed; they find them by polling", kind);
                await Task.Delay(Reconnect, stoppingToken);
            }
        }
    }
}
