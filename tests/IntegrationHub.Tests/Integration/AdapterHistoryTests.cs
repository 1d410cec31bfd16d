using IntegrationHub.Hub.Admin;
using IntegrationHub.Hub.Cli;
using IntegrationHub.V1;
using Npgsql;

namespace IntegrationHub.Tests.Integration;

/// <summary>The scheduled adapter checks, and the availability operators read from them.</summary>
public sealed class AdapterHistoryTests : HubTest
{
    // Once a day, the first time a day after start: the tests seed the history, or run the job by hand, undisturbed.
    protected override void Configure(Dictionary<string, string?> settings) => settings["Hub:Health:CheckInterval"] = "1.00:00:00";

    [Fact]
    public async Task The_scheduled_job_checks_every_adapter_and_records_what_it_found()
    {
        await Hub.RunOnceAsync(AdapterCheckJob.Key);
        await Eventually.HoldsAsync(async () => await ChecksRecordedAsync("status = 1") == 1, TimeSpan.FromSeconds(15), "a healthy check recorded");
        Hub.Portal.Faults.Down = true;
        await Hub.RunOnceAsync(AdapterCheckJob.Key);

        await Eventually.HoldsAsync(async () => await ChecksRecordedAsync("status = 3 AND detail LIKE '%HTTP 500%'") == 1, TimeSpan.FromSeconds(15), "a failed check recorded");
    }

    [Fact]
    public async Task Availability_over_24_hours_and_7_days_counts_the_checks_that_found_the_adapter_answering()
    {
        var now = DateTimeOffset.UtcNow;
        // Last day: 8 checks, 2 of them unhealthy. Three days ago: 4 more, all unhealthy. Ten days ago: outside both.
        await SeedAsync(Enumerable.Range(1, 6).Select(i => (now.AddHours(-i), 1, "answered"))
            .Append((now.AddHours(-7), 2, "slow"))
            .Append((now.AddHours(-8), 3, "HTTP 503"))
            .Append((now.AddHours(-2.5), 3, "HTTP 500: the latest failure"))
            .Concat(Enumerable.Range(0, 4).Select(i => (now.AddDays(-3).AddMinutes(-i), 3, "connection failed")))
            .Append((now.AddDays(-10), 3, "long ago")));

        var history = (await Hub.Admin.GetAdapterHistoryAsync(new GetAdapterHistoryRequest { Adapters = { "national-portal" } })).Adapters.Single();

        Assert.Equal("national-portal", history.Name);
        Assert.Equal((9, 7), (history.Last24Hours.Checks, history.Last24Hours.Available));
        Assert.Equal(7.0 / 9, history.Last24Hours.Ratio, 6);
        Assert.Equal((13, 7), (history.Last7Days.Checks, history.Last7Days.Available));
        Assert.Equal("HTTP 500: the latest failure", history.LastUnhealthyDetail);
        Assert.Equal(now.AddHours(-2.5).ToUnixTimeSeconds(), history.LastUnhealthyAt.ToDateTimeOffset().ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Hub_health_history_prints_one_row_per_adapter_with_both_periods()
    {
        var now = DateTimeOffset.UtcNow;
        await SeedAsync([(now.AddHours(-1), 1, "answered"), (now.AddHours(-2), 3, "HTTP 500"), (now.AddDays(-2), 1, "answered"), (now.AddDays(-2), 1, "answered")]);

        var (exitCode, output) = await Hub.OperatorCommandAsync("health", "--history");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ADAPTER", lines[0]);
        var portal = lines.Single(line => line.StartsWith("national-portal", StringComparison.Ordinal));
        var row = portal.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["national-portal", "50.0", "%", "2", "75.0", "%", "4"], row[..7]);
        Assert.EndsWith("HTTP 500", portal.TrimEnd());
    }

    [Fact]
    public async Task An_agency_key_cannot_read_the_history()
    {
        var error = new StringWriter();

        var exitCode = await HubCli.RunAsync(["health", "--history", "--hub", Hub.Address, "--key", TestAgencies.JusticeKey], new StringWriter(), error);

        Assert.Equal(2, exitCode);
        Assert.Contains("PermissionDenied", error.ToString());
    }

    private async Task<long> ChecksRecordedAsync(string condition) =>
        await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, $"SELECT count(*) FROM adapter_checks WHERE adapter = 'national-portal' AND {condition}");

    private async Task SeedAsync(IEnumerable<(DateTimeOffset At, int Status, string Detail)> checks)
    {
        await using var connection = await TestPostgres.OpenAsync(Hub.ConnectionString);
        foreach (var (at, status, detail) in checks)
        {
            await using var command = new NpgsqlCommand("INSERT INTO adapter_checks (adapter, checked_at, status, latency_ms, detail) VALUES ('national-portal', $1, $2, 10, $3)", connection)
            {
                Parameters = { new() { Value = at }, new() { Value = (short)status }, new() { Value = detail } },
            };
            await command.ExecuteNonQueryAsync();
        }
    }
}
