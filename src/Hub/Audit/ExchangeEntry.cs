using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Adapters.Exchanges;

namespace IntegrationHub.Hub.Audit;

/// <summary>One entry of the exchange log as stored, with its link into the chain (none yet: null position and hashes).</summary>
public sealed record ExchangeEntry(
    long Id, long? Position, DateTimeOffset RecordedAt, ExchangeKind Kind, string Target, string Operation, string? DossierCode, Guid[] DossierIds,
    string? ClientId, string RequestDigest, string ResponseDigest, string Outcome, long DurationMicroseconds, string? PrevHash, string? Hash)
{
    /// <summary>The hash before the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>What <see cref="ReadAllAsync"/> reads, selected from <see cref="Source"/>.</summary>
    public const string Columns =
        "e.id, l.position, e.recorded_at, e.kind, e.target, e.operation, e.dossier_code, e.dossier_ids, e.client_id, e.request_digest, e.response_digest, " +
        "e.outcome, e.duration_us, l.prev_hash, l.hash";

    /// <summary>Entries (<c>e</c>) with their links (<c>l</c>), if any.</summary>
    public const string Source = "exchange_log e LEFT JOIN exchange_log_links l ON l.entry_id = e.id";

    /// <summary>SHA-256 over the previous hash, the position and every stored field, each length-prefixed so no field can bleed into the next.</summary>
    public string ComputeHash(long position, string prevHash)
    {
        var text = new StringBuilder();
        foreach (var field in new[]
        {
            prevHash, position.ToString(CultureInfo.InvariantCulture), RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ((int)Kind).ToString(CultureInfo.InvariantCulture), Target, Operation, DossierCode ?? "", string.Join(',', DossierIds), ClientId ?? "",
            RequestDigest, ResponseDigest, Outcome, DurationMicroseconds.ToString(CultureInfo.InvariantCulture),
        })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The entries a query of <see cref="Columns"/> selects, in its order.</summary>
    public static async Task<List<ExchangeEntry>> ReadAllAsync(Npgsql.NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ExchangeEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Read(reader));
        }
        return entries;
    }

    private static ExchangeEntry Read(Npgsql.NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2), (ExchangeKind)reader.GetInt16(3),
        reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetFieldValue<Guid[]>(7),
        reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetString(9), reader.GetString(10), reader.GetString(11), reader.GetInt64(12),
        reader.IsDBNull(13) ? null : reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetString(14));
}
