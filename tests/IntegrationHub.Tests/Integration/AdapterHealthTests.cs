using System.Text.Json;
using IntegrationHub.Hub.Cli;
using IntegrationHub.Sandbox.Faults;

namespace IntegrationHub.Tests.Integration;

/// <summary>`hub health` as an operator runs it at 2 a.m.: one row per adapter, and an exit code monitoring can use.</summary>
public sealed class AdapterHealthTests : HubTest
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Hub:Health:ProbeTimeout"] = "00:00:10";
        // Far from a loopback answer's time even on a loaded 2-core CI machine, where one took over 300 ms.
        settings["Hub:Health:DegradedLatency"] = "00:00:01.500";
        // Room for the slow portal below to answer within an attempt, so that it shows slow rather than failed.
        settings["Hub:Adapters:NationalPortal:AttemptTimeout"] = "00:00:04";
        settings["Hub:Adapters:NationalPortal:TotalTimeout"] = "00:00:05";
        settings["Hub:Adapters:NationalPortal:BreakerMinimumThroughput"] = "2";
        settings["Hub:Adapters:NationalPortal:BreakerBreakDuration"] = "00:00:30";
    }

    [Fact]
    public async Task A_healthy_portal_shows_healthy_with_a_closed_circuit_and_exit_code_0()
    {
        var (exitCode, output) = await Hub.OperatorCommandAsync("health");

        Assert.Equal(0, exitCode);
        var row = Row(output, "national-portal");
        Assert.Equal(["national-portal", "DVCQG", "healthy"], row[..3]);
        Assert.Equal("closed", row[5]);
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), row[6]);
    }

    [Fact]
    public async Task A_slow_portal_shows_degraded_and_still_exits_0()
    {
        Hub.Portal.Faults.Latency = TimeSpan.FromMilliseconds(2000);

        var (exitCode, output) = await Hub.OperatorCommandAsync("health");

        Assert.True(exitCode == 0, output);
        Assert.Equal("degraded", Row(output, "national-portal")[2]);
    }

    [Fact]
    public async Task A_failing_portal_shows_unhealthy_with_the_error_and_exits_1()
    {
        Hub.Portal.Faults.Down = true;

        var (exitCode, output) = await Hub.OperatorCommandAsync("health", "national-portal");

        Assert.Equal(1, exitCode);
        Assert.Equal("unhealthy", Row(output, "national-portal")[2]);
        Assert.Contains("HTTP 500", output);
    }

    [Fact]
    public async Task A_portal_that_does_not_answer_in_time_is_unhealthy()
    {
        Hub.Portal.Faults.Mode = FaultMode.Hang;
        Hub.Portal.Faults.Down = true;

        var (exitCode, output) = await Hub.OperatorCommandAsync("health");

        Assert.Equal(1, exitCode);
        Assert.Equal("unhealthy", Row(output, "national-portal")[2]);
        // Whichever limit comes first: the portal pipeline's own timeout, or the check's.
        Assert.Matches("timed out|no answer within 10 s", output);
    }

    [Fact]
    public async Task A_portal_that_is_gone_is_unhealthy_with_the_connection_error()
    {
        Hub.Portal.Dispose();

        var (exitCode, output) = await Hub.OperatorCommandAsync("health");

        Assert.Equal(1, exitCode);
        Assert.Contains("connection failed", output);
    }

    [Fact]
    public async Task Repeated_failures_open_the_circuit_and_the_check_shows_it()
    {
        Hub.Portal.Faults.Down = true;
        await Hub.OperatorCommandAsync("health");

        var (exitCode, output) = await Hub.OperatorCommandAsync("health");

        Assert.Equal(1, exitCode);
        Assert.Equal("open", Row(output, "national-portal")[5]);
    }

    [Fact]
    public async Task A_population_database_that_is_down_shows_unhealthy_beside_a_healthy_portal()
    {
        Hub.Population.Faults.Down = true;

        var (exitCode, output) = await Hub.OperatorCommandAsync("health");

        Assert.Equal(1, exitCode);
        Assert.Equal("healthy", Row(output, "national-portal")[2]);
        Assert.Equal(["population", "CSDLQGDC", "unhealthy"], Row(output, "population")[..3]);
        Assert.Contains("HTTP 500", output);
    }

    [Fact]
    public async Task Json_output_carries_the_same_facts_for_scripts()
    {
        var (exitCode, output) = await Hub.OperatorCommandAsync("health", "--json");

        Assert.Equal(0, exitCode);
        var adapters = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["dvcqg-payment", "enterprise", "national-portal", "population", "vnpay", "working-calendar"], adapters.Select(a => a.GetProperty("name").GetString()));
        var adapter = adapters[2];
        Assert.Equal("healthy", adapter.GetProperty("status").GetString());
        Assert.Equal("closed", adapter.GetProperty("circuitState").GetString());
        Assert.True(adapter.GetProperty("latencyMs").GetDouble() >= 0);
    }

    [Fact]
    public async Task An_unknown_adapter_name_is_refused_with_the_known_ones()
    {
        var error = new StringWriter();

        var exitCode = await HubCli.RunAsync(["health", "sms", "--hub", Hub.Address, "--key", TestAgencies.OperatorKey], new StringWriter(), error);

        Assert.Equal(2, exitCode);
        Assert.Contains("InvalidArgument", error.ToString());
        Assert.Contains("known: dvcqg-payment, enterprise, national-portal, population, vnpay", error.ToString());
    }

    [Fact]
    public async Task An_agency_key_cannot_run_health_checks()
    {
        var error = new StringWriter();

        var exitCode = await HubCli.RunAsync(["health", "--hub", Hub.Address, "--key", TestAgencies.JusticeKey], new StringWriter(), error);

        Assert.Equal(2, exitCode);
        Assert.Contains("PermissionDenied", error.ToString());
    }

    private static string[] Row(string table, string adapter) =>
        table.Split('\n').Single(line => line.StartsWith(adapter, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
