using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace IntegrationHub.Hub.PortalIntake;

/// <summary>An amendment DVCQG pushed for a dossier filed on it: what was filed, what changed, and the new form's file.</summary>
/// <param name="Submitted">ThongTinDaNop as the portal sent it (JSON); <paramref name="Amended"/>: ThongTinSuaDoi.</param>
public sealed record PortalAmendment(string NationalCode, string? Submitted, string? Amended, string? FileName, string? FileUrl)
{
    /// <summary>The same amendment pushed again has the same digest.</summary>
    public string Digest => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{NationalCode}\n{Submitted}\n{Amended}\n{FileName}\n{FileUrl}")));
}

public sealed record AmendmentView(DateTimeOffset ReceivedAt, string? Submitted, string? Amended, string? FileName, string? FileUrl);

/// <summary>
/// Amendments DVCQG pushes (<c>nhanhsdvcqg</c>) to dossiers filed on it: each kept once, and the dossier put back
/// in its agency's inbox, unacknowledged, so that the agency takes the amendment as it took the filing.
/// </summary>
public sealed class PortalAmendments(NpgsqlDataSource dataSource, TimeProvider clock)
{
    // One statement: the amendment is kept and the arrival reopened together, or (a repeat) neither.
    private const string ReceiveSql = """
        WITH arrival AS (SELECT national_code FROM portal_arrivals WHERE national_code = $1),
        added AS (
            INSERT INTO portal_amendments (digest, national_code, received_at, submitted, amended, file_name, file_url)
            SELECT $2, national_code, $3, $4::jsonb, $5::jsonb, $6, $7 FROM arrival
            ON CONFLICT (digest) DO NOTHING
            RETURNING national_code),
        reopened AS (
            UPDATE portal_arrivals a SET acknowledged_at = NULL, acknowledged_by = NULL FROM added WHERE a.national_code = added.national_code)
        SELECT (SELECT count(*) FROM arrival), (SELECT count(*) FROM added)
        """;

    /// <returns>Null when no dossier filed on DVCQG has the code; otherwise whether the amendment is new (not a repeat).</returns>
    public async Task<bool?> ReceiveAsync(PortalAmendment amendment, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ReceiveSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = amendment.NationalCode });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = amendment.Digest });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)amendment.Submitted ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)amendment.Amended ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)amendment.FileName ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)amendment.FileUrl ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt64(0) == 0 ? null : reader.GetInt64(1) > 0;
    }

    /// <summary>The amendments of these dossiers, oldest first.</summary>
    public async Task<ILookup<string, AmendmentView>> ListAsync(IReadOnlyCollection<string> nationalCodes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT national_code, received_at, submitted::text, amended::text, file_name, file_url FROM portal_amendments
            WHERE national_code = ANY($1) ORDER BY received_at, digest
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. nationalCodes] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<(string Code, AmendmentView View)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            found.Add((reader.GetString(0), new AmendmentView(reader.GetFieldValue<DateTimeOffset>(1), Text(2), Text(3), Text(4), Text(5))));
        }
        return found.ToLookup(f => f.Code, f => f.View);
    }
}
