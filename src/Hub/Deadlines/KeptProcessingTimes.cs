using System.Collections.Concurrent;
using System.Text.Json;
using IntegrationHub.Adapters.NationalPortal;
using IntegrationHub.Hub.Dossiers;
using Npgsql;

namespace IntegrationHub.Hub.Deadlines;

/// <summary>
/// The processing times of the procedures the hub keeps from DVCQG's catalogue, read for every submit with a due date
/// and so held in the process for a few minutes: the submit asks neither the portal nor, most of the time, the database.
/// The catalogue itself changes twice a day at most.
/// </summary>
public sealed class KeptProcessingTimes(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, (ProcedureDetails? Details, DateTimeOffset ReadAt)> _read = new(StringComparer.Ordinal);

    /// <summary>The processing time for the way the dossier was filed (or the first way the catalogue gives); null when the catalogue has none.</summary>
    public async Task<ProcessingTime?> ForAsync(string procedureCode, Channel channel, CancellationToken cancellationToken)
    {
        var code = ProcedureCodes.National(procedureCode);
        var now = clock.GetUtcNow();
        if (!_read.TryGetValue(code, out var kept) || now - kept.ReadAt > KeptFor)
        {
            kept = (await ReadAsync(code, cancellationToken), now);
            _read[code] = kept;
        }
        return kept.Details is { } details ? TimeFor(details, channel) : null;
    }

    /// <summary>The catalogue's processing time for the way a dossier was filed: that way's first, or the first way's.</summary>
    public static ProcessingTime? TimeFor(ProcedureDetails details, Channel channel)
    {
        var way = details.Ways.FirstOrDefault(w => w.Channel == WayOf(channel)) ?? details.Ways.FirstOrDefault();
        return way?.Times.FirstOrDefault(t => t.Amount > 0);
    }

    private async Task<ProcedureDetails?> ReadAsync(string code, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT details::text FROM procedures WHERE code = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code });
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize<ProcedureDetails>(json, JsonSerializerOptions.Web) : null;
    }

    // KENH: 1 at the counter, 2 online, 3 by post.
    private static int WayOf(Channel channel) => channel switch
    {
        Channel.Online => 2,
        Channel.Postal => 3,
        _ => 1,
    };
}
