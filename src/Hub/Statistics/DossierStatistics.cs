using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Requests;
using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Hub.Statistics;

/// <summary>How agencies keep their due dates, per agency and procedure over a period.</summary>
public sealed class DossierStatistics(NpgsqlDataSource dataSource, TimeProvider clock)
{
    // Every dossier that counts was received before the period's end and was still open at its start
    // (or finished within it); the WHERE clause keeps the scan to those.
    private static readonly string StatsSql = $"""
        SELECT agency_code, procedure_code,
               count(*) FILTER (WHERE received_at >= @from),
               count(*) FILTER (WHERE processing_ended_at >= @from AND processing_ended_at < @to),
               count(*) FILTER (WHERE processing_ended_at >= @from AND processing_ended_at < @to AND processing_ended_at <= coalesce(extended_due_at, due_at)),
               count(*) FILTER (WHERE coalesce(extended_due_at, due_at) < @as_of AND received_at < @as_of
                                  AND (processing_ended_at IS NULL OR processing_ended_at > @as_of)
                                  AND status <> {(int)DossierStatus.Withdrawn}),
               coalesce(sum(extract(epoch FROM processing_ended_at - received_at))
                        FILTER (WHERE processing_ended_at >= @from AND processing_ended_at < @to), 0)::float8
        FROM dossiers
        WHERE received_at < @to
          AND (processing_ended_at IS NULL OR processing_ended_at >= @from)
          AND (@agency IS NULL OR agency_code = @agency)
          AND (@procedure IS NULL OR procedure_code = @procedure)
        GROUP BY agency_code, procedure_code
        ORDER BY agency_code, procedure_code
        """;

    /// <exception cref="InvalidFieldException">The period is missing or empty.</exception>
    public async Task<StatsReport> ReadAsync(StatsQuery query, CancellationToken cancellationToken)
    {
        if (query.From >= query.To)
        {
            throw new InvalidFieldException("to", "must be after from");
        }
        await using var command = dataSource.CreateCommand(StatsSql);
        command.Parameters.AddWithValue("from", query.From);
        command.Parameters.AddWithValue("to", query.To);
        command.Parameters.AddWithValue("as_of", query.To < clock.GetUtcNow() ? query.To : clock.GetUtcNow());
        command.Parameters.Add(new NpgsqlParameter("agency", NpgsqlDbType.Text) { Value = (object?)query.AgencyCode ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("procedure", NpgsqlDbType.Text) { Value = (object?)query.ProcedureCode ?? DBNull.Value });
        var rows = new List<ProcedureFigures>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ProcedureFigures(
                reader.GetString(0), reader.GetString(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4), (int)reader.GetInt64(5),
                TimeSpan.FromSeconds(reader.GetDouble(6))));
        }
        var total = new ProcedureFigures(
            "", "", rows.Sum(r => r.Received), rows.Sum(r => r.Finished), rows.Sum(r => r.FinishedOnTime), rows.Sum(r => r.Overdue),
            rows.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.TotalProcessingTime));
        return new StatsReport(rows, total);
    }
}

public sealed record StatsQuery(DateTimeOffset From, DateTimeOffset To, string? AgencyCode, string? ProcedureCode);

public sealed record StatsReport(IReadOnlyList<ProcedureFigures> Rows, ProcedureFigures Total);

/// <param name="TotalProcessingTime">Summed over the finished dossiers, so that totals can be averaged correctly.</param>
public sealed record ProcedureFigures(string AgencyCode, string ProcedureCode, int Received, int Finished, int FinishedOnTime, int Overdue, TimeSpan TotalProcessingTime)
{
    public double OnTimeRate => Finished == 0 ? 0 : (double)FinishedOnTime / Finished;

    public TimeSpan AverageProcessingTime => Finished == 0 ? TimeSpan.Zero : TotalProcessingTime / Finished;
}
