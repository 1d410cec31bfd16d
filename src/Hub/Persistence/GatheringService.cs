using System.Threading.Channels;

namespace IntegrationHub.Hub.Persistence;

/// <summary>
/// Items from many callers, handled by a few loops as many at a time as have gathered while the previous
/// round was busy: under load one round trip serves many callers, and alone a caller waits for nobody.
/// </summary>
public abstract class GatheringService<T>(int maxItems, int loops) : IHostedService
{
    private readonly Channel<T> _items = Channel.CreateUnbounded<T>();
    private Task[] _loops = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loops = [.. Enumerable.Range(0, loops).Select(_ => Task.Run(RunAsync, CancellationToken.None))];
        return Task.CompletedTask;
    }

    /// <summary>Takes no more items, and returns once those gathered are handled.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _items.Writer.TryComplete();
        await Task.WhenAll(_loops).WaitAsync(cancellationToken);
    }

    /// <summary>False once stopping: the caller then handles its item itself.</summary>
    protected bool TryGather(T item) => _items.Writer.TryWrite(item);

    /// <summary>Handles one round's items, answering each, its failures included: a loop never stops on one round.</summary>
    protected abstract Task HandleAsync(List<T> items);

    private async Task RunAsync()
    {
        var round = new List<T>(maxItems);
        while (await _items.Reader.WaitToReadAsync())
        {
            round.Clear();
            while (round.Count < maxItems && _items.Reader.TryRead(out var item))
            {
                round.Add(item);
            }
            if (round.Count > 0)
            {
                await HandleAsync(round);
            }
        }
    }
}
