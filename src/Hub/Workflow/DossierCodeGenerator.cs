using System.Collections.Concurrent;
using IntegrationHub.Adapters;
using Npgsql;

namespace IntegrationHub.Hub.Workflow;

/// <summary>
/// Assigns dossier codes in the national format <c>&lt;agency code&gt;-&lt;yyMMdd&gt;-&lt;sequence&gt;</c>, counting per
/// agency and day (Vietnam time). Numbers are reserved from the database in blocks and handed out
/// from memory, so an agency submitting thousands a day costs one counter update per block rather
/// than per dossier, and hub instances sharing one database never hand out the same number. The next
/// block is reserved once half of the current one is handed out, so submits do not queue behind that
/// update (under load they did, every 20 submits). Numbers left unused when the process stops (up to
/// two blocks), or taken by a submit that fails, leave gaps in the sequence, which the format allows.
/// </summary>
public sealed class DossierCodeGenerator(NpgsqlDataSource dataSource)
{
    public const int BlockSize = 20;

    private const string ReserveSql = """
        INSERT INTO dossier_code_counters (agency_code, day, last_value) VALUES ($1, $2, $3)
        ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_code_counters.last_value + $3
        RETURNING last_value
        """;

    private readonly ConcurrentDictionary<(string Agency, DateOnly Day), Block> _blocks = new();

    public async Task<string> NextAsync(string agencyCode, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var day = VietnamTime.Date(receivedAt);
        var block = _blocks.GetOrAdd((agencyCode, day), _ => new Block());
        await block.Gate.WaitAsync(cancellationToken);
        try
        {
            if (block.Next > block.Last)
            {
                var reserved = block.Reserved ?? ReserveAsync(agencyCode, day, cancellationToken);
                block.Reserved = null; // a failed reservation is not awaited twice
                block.Last = await reserved;
                block.Next = block.Last - BlockSize + 1;
            }
            if (block.Reserved is null && block.Last - block.Next < BlockSize / 2)
            {
                // Not the caller's token: the next block is for whoever comes next.
                block.Reserved = ReserveAsync(agencyCode, day, CancellationToken.None);
            }
            return $"{agencyCode}-{day:yyMMdd}-{block.Next++:D4}";
        }
        finally
        {
            block.Gate.Release();
        }
    }

    private async Task<int> ReserveAsync(string agencyCode, DateOnly day, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ReserveSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = agencyCode });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = day });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = BlockSize });
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private sealed class Block
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public int Next { get; set; } = 1;
        public int Last { get; set; }

        /// <summary>The next block, being reserved or reserved: its last number.</summary>
        public Task<int>? Reserved { get; set; }
    }
}
