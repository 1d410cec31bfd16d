using System.Threading.Channels;

namespace IntegrationHub.Hub.Persistence;

/// <summary>
/// Items from many callers, handled by a few loops as many at a time as have gathered while the previous
/// round was busy: under load one round trip serves many callers, and alone a caller waits for nobody.
/// </summary>
public sealed class Gatherer<T>(int maxItems, int loops, Func<List<T>, Task> handle)
{
    private readonly Channel<T> _items = Channel.CreateUnbounded<T>();
    private Task[] _loops = [];

    /// <summary>False once stopping: the caller then handles its item itself.</summary>
    public bool TryAdd(T item) => _items.Writer.TryWrite(item);

    public void Start() => _loops = [.. Enumerable.Range(0, loops).Select(_ => Task.Run(RunAsync, CancellationToken.None))];

    /// <summary>Takes no more items, and returns once those gathered are handled.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _items.Writer.TryComplete();
        await Task.WhenAll(_loops).WaitAsync(cancellationToken);
    }

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
                // The handler answers each item, its failures included: a loop never stops on one round.
                await handle(round);
            }
        }
    }
}
