using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Requests;
using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Hub.Statistics;

/// <summary>
/// How agencies keep their due dates over a period, per agency and procedure and per service level: finished early
/// (trước hạn: before the due date's day, in Vietnam's time), on time (no later than the due date, early included)
/// and late (quá hạn), each against the due date moved by the time waited for the applicant's papers.
/// </summary>
public sealed class DossierStatistics(NpgsqlDataSource dataSource, TimeProvider clock)
{
    // Every dossier that counts was received before the period's end and was still open at its start
    // (or finished within it); the WHERE clause keeps the scan to those.
    private static readonly string StatsSql = $"""
        SELECT agency_code, procedure_code, service_level, GROUPING(service_level) = 0,
               count(*) FILTER (WHERE received_at >= @from),
               count(*) FILTER (WHERE processing_ended_at >= @from AND processing_ended_at < @to),
               count(*) FILTER (WHERE processing_ended_at >= @from AND processing_ended_at < @to AND processing_ended_at <= coalesce(extended_due_at, due_at)),
               count(*) FILTER (WHERE coalesce(extended_due_at, due_at) < @as_of AND received_at < @as_of
                                  AND (processing_ended_at IS NULL OR processing_ended_at > @as_of)
                                  AND status NOT IN ({(int)DossierStatus.Withdrawn}, {string.Join(", ", DossierStateMachine.ClockStopped.Select(c => (int)c))})),
               coalesce(sum(extract(epoch FROM processing_ended_at - received_at))
                        FILTER (WHERE processing_ended_at >= @from AND processing_ended_at < @to), 0)::float8,
               count(*) FILTER (WHERE processing_ended_at >= @from AND processing_ended_at < @to
                                  AND (processing_ended_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                                      < (coalesce(extended_due_at, due_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date),
               count(*) FILTER (WHERE processing_ended_at >= @from AND processing_ended_at < @to AND processing_ended_at > coalesce(extended_due_at, due_at))
        FROM dossiers
        WHERE received_at < @to
          AND (processing_ended_at IS NULL OR processing_ended_at >= @from)
          AND (@agency IS NULL OR agency_code = @agency)
          AND (@procedure IS NULL OR procedure_code = @procedure)
        GROUP BY GROUPING SETS ((agency_code, procedure_code), (service_level))
        ORDER BY agency_code, procedure_code, service_level
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
        var (rows, levels) = (new List<ProcedureFigures>(), new List<ProcedureFigures>());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var byLevel = reader.GetBoolean(3);
            (byLevel ? levels : rows).Add(new ProcedureFigures(
                byLevel ? "" : reader.GetString(0), byLevel ? "" : reader.GetString(1), (int)reader.GetInt64(4), (int)reader.GetInt64(5), (int)reader.GetInt64(6),
                (int)reader.GetInt64(7), TimeSpan.FromSeconds(reader.GetDouble(8)))
            {
                ServiceLevel = byLevel ? (ServiceLevel)reader.GetInt32(2) : null, FinishedEarly = (int)reader.GetInt64(9), FinishedLate = (int)reader.GetInt64(10),
            });
        }
        var total = new ProcedureFigures(
            "", "", rows.Sum(r => r.Received), rows.Sum(r => r.Finished), rows.Sum(r => r.FinishedOnTime), rows.Sum(r => r.Overdue),
            rows.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.TotalProcessingTime))
        {
            FinishedEarly = rows.Sum(r => r.FinishedEarly), FinishedLate = rows.Sum(r => r.FinishedLate),
        };
        return new StatsReport(rows, total, levels);
    }
}

public sealed record StatsQuery(DateTimeOffset From, DateTimeOffset To, string? AgencyCode, string? ProcedureCode);

/// <param name="ByServiceLevel">The same figures per service level, over every agency and procedure.</param>
public sealed record StatsReport(IReadOnlyList<ProcedureFigures> Rows, ProcedureFigures Total, IReadOnlyList<ProcedureFigures> ByServiceLevel);

/// <param name="TotalProcessingTime">Summed over the finished dossiers, so that totals can be averaged correctly.</param>
public sealed record ProcedureFigures(string AgencyCode, string ProcedureCode, int Received, int Finished, int FinishedOnTime, int Overdue, TimeSpan TotalProcessingTime)
{
    /// <summary>Set on the figures per service level.</summary>
    public ServiceLevel? ServiceLevel { get; init; }

    /// <summary>trước hạn: finished before the due date's day (counted among the on-time ones too).</summary>
    public int FinishedEarly { get; init; }

    /// <summary>quá hạn: finished after the due date.</summary>
    public int FinishedLate { get; init; }

    public double OnTimeRate => Finished == 0 ? 0 : (double)FinishedOnTime / Finished;

    public TimeSpan AverageProcessingTime => Finished == 0 ? TimeSpan.Zero : TotalProcessingTime / Finished;
}
