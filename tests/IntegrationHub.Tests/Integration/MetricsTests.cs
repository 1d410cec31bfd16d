using System.Text.RegularExpressions;
using IntegrationHub.Sandbox.Faults;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// What Prometheus scrapes from /metrics. OpenTelemetry listens to meters by name across the process,
/// so these tests run alone: another hub under test would add to the same series.
/// </summary>
[Collection(nameof(MetricsTests))]
public sealed class MetricsTests : HubTest
{
    private static readonly HttpClient Http = new();

    // Deliveries to a portal that is down stay pending for the whole test rather than running out of attempts.
    protected override void Configure(Dictionary<string, string?> settings) => settings["Hub:Outbox:MaxAttempts"] = "1000";

    [Fact]
    public async Task The_metrics_endpoint_publishes_the_hubs_series_with_their_values()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is { Progress.Count: 1 }, TimeSpan.FromSeconds(10), "delivered");

        // The portal has the step before the hub has recorded the portal's answer: the scrape waits for the record.
        var text = "";
        await Eventually.HoldsAsync(async () =>
        {
            text = await Http.GetStringAsync($"{Hub.HttpAddress}/metrics");
            return ValueOrNull(text, "hub_deliveries_total", "outcome=\"delivered\"") >= 2;
        }, TimeSpan.FromSeconds(10), "both deliveries recorded");

        Assert.Equal(1, Value(text, "hub_dossiers_received_total", "agency=\"000.00.01.H22\""));
        Assert.Equal(1, Value(text, "hub_progress_recorded_total", "action=\"Receive\""));
        // The sync at submit and the step: a counter-filed dossier is received from the start, so receipt changes no portal status.
        Assert.Equal(2, Value(text, "hub_deliveries_total", "outcome=\"delivered\""));
        Assert.True(Value(text, "hub_delivery_latency_seconds_count", "target=\"national-portal\"") >= 2);
        Assert.True(Value(text, "hub_delivery_latency_seconds_bucket", "le=\"30\"") >= 2, "latencies are bucketed in seconds");
        Assert.True(Value(text, "hub_adapter_call_duration_seconds_count", "adapter=\"national-portal\"") >= 2);
        Assert.Equal(0, Value(text, "hub_adapter_circuit_state", "adapter=\"national-portal\""));
        Assert.Equal(0, Value(text, "hub_outbox_dead_lettered", "target=\"national-portal\""));
    }

    [Fact]
    public async Task The_backlog_series_show_what_waits_for_a_portal_that_is_down()
    {
        Hub.Portal.Faults.Mode = FaultMode.Unavailable;
        Hub.Portal.Faults.Down = true;
        await Hub.Justice.SubmitDossierAsync(Samples.Submission());
        await Hub.Justice.SubmitDossierAsync(Samples.Submission());

        string text = "";
        await Eventually.HoldsAsync(async () =>
        {
            text = await Http.GetStringAsync($"{Hub.HttpAddress}/metrics");
            return ValueOrNull(text, "hub_outbox_pending", "target=\"national-portal\"") >= 2;
        }, TimeSpan.FromSeconds(15), "both dossiers pending");

        Assert.True(Value(text, "hub_outbox_oldest_pending_age_seconds", "target=\"national-portal\"") > 0);
        Assert.True(Value(text, "hub_deliveries_total", "outcome=\"retrying\"") >= 1);
    }

    [Fact]
    public async Task The_registry_series_count_the_calls_made_and_the_calls_the_cache_saved()
    {
        var citizen = People.Citizen(301);
        await Hub.Registry.LookupCitizenAsync(People.Lookup(citizen));
        await Hub.Registry.LookupCitizenAsync(People.Lookup(citizen));
        await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(People.IdentityOf(citizen)));

        var text = await Http.GetStringAsync($"{Hub.HttpAddress}/metrics");

        Assert.Equal(1, Value(text, "hub_registry_calls_total", "result=\"found\""));
        Assert.Equal(2, Value(text, "hub_registry_calls_saved_total", "registry=\"population\""));
    }

    private static double Value(string exposition, string series, string label) =>
        ValueOrNull(exposition, series, label) ?? throw new Xunit.Sdk.XunitException($"no {series} with {label} in:\n{exposition}");

    private static double? ValueOrNull(string exposition, string series, string label)
    {
        var line = exposition.Split('\n').FirstOrDefault(l => l.StartsWith(series + "{", StringComparison.Ordinal) && l.Contains(label));
        return line is null ? null : double.Parse(Regex.Match(line, @"\}\s+(\S+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}

[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsCollection;
