using IntegrationHub.Adapters;
using Npgsql;

namespace IntegrationHub.Hub.Dossiers;

/// <summary>
/// Assigns dossier codes in the national format <c>&lt;agency code&gt;-&lt;yyMMdd&gt;-&lt;sequence&gt;</c>, counting per
/// agency and day (Vietnam time). The counter is bumped in its own statement, not the dossier's
/// transaction, so agencies submitting thousands a day do not queue on one row lock; a failed submit
/// leaves a gap in the sequence, which the format allows.
/// </summary>
public sealed class DossierCodeGenerator(NpgsqlDataSource dataSource)
{
    private const string NextSql = """
        INSERT INTO dossier_code_counters (agency_code, day, last_value) VALUES ($1, $2, 1)
        ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_code_counters.last_value + 1
        RETURNING last_value
        """;

    public async Task<string> NextAsync(string agencyCode, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var day = VietnamTime.Date(receivedAt);
        await using var command = dataSource.CreateCommand(NextSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = agencyCode });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = day });
        var sequence = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return $"{agencyCode}-{day:yyMMdd}-{sequence:D4}";
    }
}
