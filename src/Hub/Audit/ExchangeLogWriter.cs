using System.Threading.Channels;
using IntegrationHub.Adapters.Exchanges;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Hub.Audit;

/// <summary>
/// Takes exchanges from callers without waiting, and writes them to the exchange log in batches (binary
/// COPY). A batch that cannot be written is tried again, not dropped; only a queue full for a long
/// database outage drops entries, and says so in the log.
/// </summary>
public sealed class ExchangeLogWriter(NpgsqlDataSource dataSource, IOptions<AuditOptions> options, ILogger<ExchangeLogWriter> logger)
    : BackgroundService, IExchangeRecorder
{
    private const int BatchSize = 1000;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    // How long a first entry waits for others to share its COPY and its commit. Without it, under load each portal
    // round's few entries had a COPY and a commit of their own (≈ 50 a second, 2.6 entries each); the chainer links
    // new entries only every Hub:Audit:ChainInterval (500 ms) anyway. A full batch waiting goes at once.
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(200);

    private readonly Channel<ExchangeRecord> _queue = Channel.CreateBounded<ExchangeRecord>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private long _dropped;

    public void Record(ExchangeRecord record)
    {
        if (!_queue.Writer.TryWrite(record))
        {
            logger.LogError("Exchange log queue full: {Dropped} exchanges not logged so far", Interlocked.Increment(ref _dropped));
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<ExchangeRecord>(BatchSize);
        // Runs until the queue is completed at stop, then writes what is left.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (_queue.Reader.Count < BatchSize)
            {
                await Task.Delay(Linger, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var record))
            {
                batch.Add(record);
            }
            await WriteAsync(batch, stoppingToken);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<ExchangeRecord> batch, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CopyAsync(batch);
                return;
            }
            catch (NpgsqlException e) when (!stoppingToken.IsCancellationRequested || attempt < 3)
            {
                logger.LogWarning(e, "Exchange log batch of {Count} not written (attempt {Attempt}); trying again", batch.Count, attempt);
                await Task.Delay(RetryDelay, CancellationToken.None);
            }
        }
    }

    private async Task CopyAsync(List<ExchangeRecord> batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var import = await connection.BeginBinaryImportAsync(
            "COPY exchange_log (recorded_at, kind, target, operation, dossier_code, dossier_ids, client_id, request_digest, response_digest, outcome, duration_us) FROM STDIN (FORMAT BINARY)");
        foreach (var record in batch)
        {
            await import.StartRowAsync();
            await import.WriteAsync(record.At, NpgsqlDbType.TimestampTz);
            await import.WriteAsync((short)record.Kind, NpgsqlDbType.Smallint);
            await import.WriteAsync(record.Target, NpgsqlDbType.Text);
            await import.WriteAsync(record.Operation, NpgsqlDbType.Text);
            await WriteNullableAsync(import, record.DossierCode);
            await import.WriteAsync(record.DossierIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
            await WriteNullableAsync(import, record.ClientId);
            await import.WriteAsync(record.RequestDigest, NpgsqlDbType.Text);
            await import.WriteAsync(record.ResponseDigest, NpgsqlDbType.Text);
            await import.WriteAsync(record.Outcome, NpgsqlDbType.Text);
            await import.WriteAsync((long)(record.Duration.Ticks / 10), NpgsqlDbType.Bigint);
        }
        await import.CompleteAsync();
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter import, string? value)
    {
        if (value is null)
        {
            await import.WriteNullAsync();
        }
        else
        {
            await import.WriteAsync(value, NpgsqlDbType.Text);
        }
    }
}
