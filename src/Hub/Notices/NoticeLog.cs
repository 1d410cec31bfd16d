using IntegrationHub.Adapters;
using IntegrationHub.Adapters.Sms;
using Npgsql;

namespace IntegrationHub.Hub.Notices;

/// <summary>
/// The record of every notice, SMS and e-mail, keyed by its deterministic id: written before a provider or
/// server is called, so that a notice found "sending" after a crash is confirmed (or left unconfirmed)
/// instead of sent again.
/// </summary>
public sealed class NoticeLog(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public sealed record Entry(string Id, NoticeStatus Status, string? Provider);

    /// <summary>A notice as the dossier shows it.</summary>
    public sealed record View(
        string Event, NoticeStatus Status, string Text, int Segments, string? Provider, string? Detail, DateTimeOffset UpdatedAt,
        string Channel, string Address, string? Subject);

    public async Task<IReadOnlyList<View>> ListAsync(Guid dossierId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT event, status, text, segments, provider, detail, updated_at, channel, address, subject FROM notices WHERE dossier_id = $1 ORDER BY created_at, id");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = dossierId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<View>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new View(
                reader.GetString(0), (NoticeStatus)reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetString(7), reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9)));
        }
        return found;
    }

    public async Task<Entry?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT status, provider FROM notices WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new Entry(id, (NoticeStatus)reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
    }

    /// <summary>Records the notice as it stands now: created the first time, updated after.</summary>
    /// <param name="address">The phone number or e-mail address as it was sent to.</param>
    public async Task RecordAsync(
        INotice notice, string address, NoticeStatus status, string? provider, string? providerMessageId, string? detail, int segments, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO notices (id, dossier_id, event, address, text, segments, status, provider, provider_message_id, detail, created_at, updated_at, channel, subject)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13)
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, provider = excluded.provider,
                provider_message_id = COALESCE(excluded.provider_message_id, notices.provider_message_id),
                detail = excluded.detail, segments = excluded.segments, updated_at = excluded.updated_at
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = notice.Id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = notice.DossierId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = notice.Event.ToString() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = address });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = notice.Text });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = segments });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)status });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)provider ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)providerMessageId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)detail ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = notice.Channel });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)notice.Subject ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>
    /// Records that no provider or server took the notice. With one down, nothing left the hub: the next attempt
    /// starts again from the first, with nothing to confirm. With every one refusing it, it has failed for good.
    /// </summary>
    public async Task<DeliveryOutcome> NoneTookAsync(INotice notice, string address, bool anyDown, string lastProvider, int segments, CancellationToken cancellationToken)
    {
        if (anyDown)
        {
            await RecordAsync(notice, address, NoticeStatus.Sending, null, null, "none took it yet; at least one was down", 0, cancellationToken);
            return DeliveryOutcome.Transient($"no {notice.Channel} provider took the notice; at least one was down");
        }
        await RecordAsync(notice, address, NoticeStatus.Failed, lastProvider, null, "every one refused it", segments, cancellationToken);
        return DeliveryOutcome.Permanent($"every {notice.Channel} provider refused the notice");
    }

    /// <summary>A sent notice still waiting for its delivery report: whom to ask, and by which id.</summary>
    public sealed record AwaitingReport(string Provider, string ProviderMessageId);

    /// <summary>Sent notices of these providers with no final report, last heard of between the two times, oldest first.</summary>
    public async Task<IReadOnlyList<AwaitingReport>> AwaitingReportsAsync(
        IReadOnlyCollection<string> providers, DateTimeOffset since, DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT provider, provider_message_id FROM notices
            WHERE channel = 'sms' AND status = {(int)NoticeStatus.Sent} AND provider_message_id IS NOT NULL
              AND updated_at >= $1 AND updated_at < $2 AND provider = ANY($3)
            ORDER BY updated_at LIMIT $4
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = since });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = before });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. providers] });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<AwaitingReport>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new AwaitingReport(reader.GetString(0), reader.GetString(1)));
        }
        return found;
    }

    /// <summary>
    /// A provider's delivery report, pushed or pulled; one still on the way only marks when it was last heard
    /// of. A notice whose fate is known (delivered, failed, undeliverable) keeps it: a later report, even a
    /// genuine one repeated out of order, never moves it back.
    /// </summary>
    /// <returns>Whether a notice of that provider and message id was found.</returns>
    public Task<bool> ReportAsync(string provider, SmsDeliveryReport report, CancellationToken cancellationToken) =>
        ReportAsync(provider, report.ProviderMessageId, report.State switch
        {
            SmsDeliveryState.Delivered => NoticeStatus.Delivered,
            SmsDeliveryState.Failed => NoticeStatus.Failed,
            _ => NoticeStatus.Sent,
        }, report.Detail, cancellationToken);

    private async Task<bool> ReportAsync(string provider, string providerMessageId, NoticeStatus status, string detail, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH notice AS (SELECT id, status FROM notices WHERE channel = 'sms' AND provider = $1 AND provider_message_id = $2 FOR UPDATE),
            moved AS (
                UPDATE notices n SET status = $3, detail = $4, updated_at = $5 FROM notice
                WHERE n.id = notice.id AND notice.status NOT IN ({(int)NoticeStatus.Delivered}, {(int)NoticeStatus.Failed}, {(int)NoticeStatus.Undeliverable})
            )
            SELECT count(*) FROM notice
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = provider });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = providerMessageId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)status });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = detail });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }
}
