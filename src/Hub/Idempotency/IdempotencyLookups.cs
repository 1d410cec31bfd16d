using IntegrationHub.Hub.Persistence;
using Npgsql;

namespace IntegrationHub.Hub.Idempotency;

/// <summary>
/// Finds the first answers to write requests, the look-ups of callers arriving at the same moment in one query:
/// every write asks before it acts, so under load one round trip answers many rather than each paying its own.
/// </summary>
public sealed class IdempotencyLookups(NpgsqlDataSource dataSource) : GatheringService<IdempotencyLookups.Lookup>(MaxLookups, Loops)
{
    private const int MaxLookups = 256;
    private const int Loops = 2;

    private const string FindSql = """
        SELECT r.client_id, r.request_id, r.operation, r.fingerprint, r.response, r.created_at
        FROM idempotency_records r JOIN unnest($1::text[], $2::text[]) AS k(client_id, request_id)
          ON r.client_id = k.client_id AND r.request_id = k.request_id
        """;

    /// <summary>The record kept for this client's request id, or null if the request is new.</summary>
    public async Task<IdempotencyRecord?> FindAsync(string clientId, string requestId, CancellationToken cancellationToken)
    {
        var lookup = new Lookup(clientId, requestId);
        if (!TryGather(lookup))
        {
            // Stopping: the loops are gone, so the caller asks alone.
            await HandleAsync([lookup]);
        }
        return await lookup.Found.Task.WaitAsync(cancellationToken);
    }

    protected override async Task HandleAsync(List<Lookup> lookups)
    {
        try
        {
            var found = await ReadAsync(lookups);
            lookups.ForEach(l => l.Found.TrySetResult(found.GetValueOrDefault((l.ClientId, l.RequestId))));
        }
        catch (Exception e)
        {
            lookups.ForEach(l => l.Found.TrySetException(e));
        }
    }

    private async Task<Dictionary<(string, string), IdempotencyRecord>> ReadAsync(List<Lookup> lookups)
    {
        await using var command = dataSource.CreateCommand(FindSql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. lookups.Select(l => l.ClientId)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. lookups.Select(l => l.RequestId)] });
        await using var reader = await command.ExecuteReaderAsync();
        var found = new Dictionary<(string, string), IdempotencyRecord>();
        while (await reader.ReadAsync())
        {
            var record = new IdempotencyRecord(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5));
            found[(record.ClientId, record.RequestId)] = record;
        }
        return found;
    }

    public sealed record Lookup(string ClientId, string RequestId)
    {
        public TaskCompletionSource<IdempotencyRecord?> Found { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
