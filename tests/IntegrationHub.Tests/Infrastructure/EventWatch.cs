using Grpc.Core;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>An agency system's WatchEvents, read the way the tests need it.</summary>
public static class EventWatch
{
    /// <summary>
    /// Reads from a watch until <paramref name="count"/> events, then hangs up. With <paramref name="within"/>,
    /// returns what came in that time; without, fewer than <paramref name="count"/> in 15 s is a failure.
    /// </summary>
    public static async Task<List<DossierEvent>> ReadAsync(DossierService.DossierServiceClient client, long after, int count, TimeSpan? within = null)
    {
        var events = new List<DossierEvent>();
        using var deadline = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(15));
        using var watch = client.WatchEvents(new WatchEventsRequest { AfterPosition = after }, cancellationToken: deadline.Token);
        try
        {
            while (events.Count < count && await watch.ResponseStream.MoveNext())
            {
                events.Add(watch.ResponseStream.Current);
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && within is not null)
        {
        }
        return events;
    }

    /// <summary>The first event from the start of the stream that <paramref name="matches"/>; none within 15 s is a failure.</summary>
    public static async Task<DossierEvent> FirstAsync(DossierService.DossierServiceClient client, Func<DossierEvent, bool> matches)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var watch = client.WatchEvents(new WatchEventsRequest { AfterPosition = 0 }, cancellationToken: deadline.Token);
        while (await watch.ResponseStream.MoveNext())
        {
            if (matches(watch.ResponseStream.Current))
            {
                return watch.ResponseStream.Current;
            }
        }
        throw new InvalidOperationException("the event stream ended without the event");
    }
}
