using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using IntegrationHub.LoadGenerator;
using IntegrationHub.V1;

// Drives SubmitDossier with N concurrent clients for a duration, then reports submits/s, latency
// percentiles and, with --portal, the time until the simulated portal has received each dossier.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

// Clients are spread over the hubs given, round robin, as a client-side balancer would.
var channels = Enumerable.Range(0, Math.Max(options.Hubs.Count, Math.Min(options.Clients, 8)))
    .Select(i => GrpcChannel.ForAddress(options.Hubs[i % options.Hubs.Count], new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
    }))
    .ToArray();
var clients = channels.Select(c => new DossierService.DossierServiceClient(c.Intercept(m =>
{
    m.Add("x-api-key", options.ApiKey);
    return m;
}))).ToArray();

Console.WriteLine($"Submitting for {options.Warmup.TotalSeconds:0} s of warm-up, then {options.Duration.TotalSeconds:0} s counted, with {options.Clients} clients{(options.Rate is { } r ? $" at {r:0}/s" : "")} to {string.Join(", ", options.Hubs)}"
    + (options.IdentityOnly ? $", applicants by identity only ({options.RepeatRate:P0} repeats)" : ""));
var identities = options.IdentityOnly ? new IdentityApplicants(options.RepeatRate) : null;
using var metricsHttp = new HttpClient();
var latencies = new ConcurrentBag<double>();
var answered = new ConcurrentDictionary<string, DateTimeOffset>();
var failures = new ConcurrentDictionary<StatusCode, int>();
var sequence = 0;

await RunPhaseAsync(options.Warmup, counted: false);
var registryBefore = await RegistryCountersAsync();
var outage = options.Outage is { } down ? PortalOutageAsync(down) : Task.FromResult<DateTimeOffset?>(null);
var elapsed = await RunPhaseAsync(options.Duration, counted: true);
var portalBackAt = await outage;
var registryAfter = await RegistryCountersAsync();

Console.WriteLine($"submitted: {answered.Count} ok, {failures.Values.Sum()} failed in {elapsed.TotalSeconds:0.0} s");
foreach (var (status, count) in failures)
{
    Console.WriteLine($"  failed with {status}: {count}");
}
Console.WriteLine($"throughput: {answered.Count / elapsed.TotalSeconds:0.0} submits/s");
Console.WriteLine($"latency: {Percentiles.Summary([.. latencies], "ms")}");
if (registryBefore is { } start && registryAfter is { } end)
{
    var (made, saved) = (end.Made - start.Made, end.Saved - start.Saved);
    Console.WriteLine($"registry calls: {made:0} made, {saved:0} saved by the hub's cache ({100 * saved / Math.Max(1, made + saved):0.0} % of reads)");
}

if (options.Portal is { } portal)
{
    using var http = new HttpClient { BaseAddress = portal };
    var waitUntil = DateTime.UtcNow + options.DeliveryWait;
    Dictionary<string, DateTimeOffset> received;
    while (true)
    {
        var rows = await http.GetFromJsonAsync<List<ReceivedRow>>("_sandbox/received") ?? [];
        received = rows.ToDictionary(r => r.Code, r => r.FirstReceivedAt);
        if (answered.Keys.All(received.ContainsKey) || DateTime.UtcNow > waitUntil)
        {
            break;
        }
        await Task.Delay(500);
    }
    var delays = answered.Where(a => received.ContainsKey(a.Key))
        .Select(a => Math.Max(0, (received[a.Key] - a.Value).TotalMilliseconds))
        .ToList();
    var within2s = delays.Count(d => d <= 2000);
    Console.WriteLine($"at the portal: {delays.Count} of {answered.Count}; within 2 s of the hub's answer: {within2s} ({100.0 * within2s / Math.Max(1, answered.Count):0.00} %)");
    Console.WriteLine($"time to portal: {Percentiles.Summary(delays, "ms")}");
    if (portalBackAt is { } back)
    {
        // The changes the hub had answered for and the portal had not received when it came back.
        var waiting = answered.Where(a => a.Value < back && (!received.TryGetValue(a.Key, out var at) || at >= back)).ToList();
        var drained = waiting.All(w => received.ContainsKey(w.Key));
        var last = waiting.Count == 0 ? back : waiting.Max(w => received.GetValueOrDefault(w.Key, DateTimeOffset.MaxValue));
        Console.WriteLine($"outage: portal down {options.Outage!.Value.TotalSeconds:0} s; {waiting.Count} changes waiting at its return; "
            + (drained ? $"all at the portal {(last - back).TotalSeconds:0.0} s after it returned" : "not all delivered within --delivery-wait"));
    }
}

foreach (var channel in channels)
{
    channel.Dispose();
}
return failures.IsEmpty ? 0 : 1;

// Submits for a while; with --rate the phase keeps its own schedule, so a backlog from warm-up is not
// caught up inside the counted phase.
async Task<TimeSpan> RunPhaseAsync(TimeSpan duration, bool counted)
{
    var phase = Stopwatch.StartNew();
    var slot = 0;
    await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(i => Task.Run(async () =>
    {
        var client = clients[i % clients.Length];
        while (phase.Elapsed < duration)
        {
            if (options.Rate is { } rate)
            {
                var due = TimeSpan.FromSeconds(Interlocked.Increment(ref slot) / rate);
                if (due >= duration)
                {
                    return;
                }
                // The clock is read once: read again, the wait could have turned negative in between, which Task.Delay refuses.
                if (due - phase.Elapsed is var wait && wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }
            var number = Interlocked.Increment(ref sequence);
            var request = SubmissionFactory.Create(options.AgencyCode, number, identities?.Next() ?? SubmissionFactory.PlainApplicant(number));
            var begin = Stopwatch.GetTimestamp();
            try
            {
                var answer = await client.SubmitDossierAsync(request);
                if (counted)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                    answered[answer.DossierCode] = DateTimeOffset.UtcNow;
                }
            }
            catch (RpcException e)
            {
                if (counted)
                {
                    failures.AddOrUpdate(e.StatusCode, 1, (_, count) => count + 1);
                }
            }
        }
    })));
    return phase.Elapsed;
}

// Takes the simulated portal down for the given time from now; returns when it is back.
async Task<DateTimeOffset?> PortalOutageAsync(TimeSpan down)
{
    using var http = new HttpClient { BaseAddress = options.Portal ?? throw new ArgumentException("--outage needs --portal") };
    (await http.PostAsJsonAsync("_sandbox/faults", new { down = true })).EnsureSuccessStatusCode();
    await Task.Delay(down);
    (await http.PostAsJsonAsync("_sandbox/faults", new { down = false })).EnsureSuccessStatusCode();
    return DateTimeOffset.UtcNow;
}

// The hub's registry counters (hub_registry_calls_total, hub_registry_calls_saved_total), summed over their labels.
async Task<(double Made, double Saved)?> RegistryCountersAsync()
{
    if (options.Metrics is null)
    {
        return null;
    }
    var lines = (await metricsHttp.GetStringAsync(options.Metrics)).Split('\n');
    double Sum(string series) => lines.Where(l => l.StartsWith(series + "{", StringComparison.Ordinal))
        .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    return (Sum("hub_registry_calls_total"), Sum("hub_registry_calls_saved_total"));
}

internal sealed record ReceivedRow(string Code, DateTimeOffset FirstReceivedAt);
