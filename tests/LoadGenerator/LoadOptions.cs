using System.Globalization;

namespace IntegrationHub.LoadGenerator;

/// <summary>Command-line settings of a load run.</summary>
public sealed record LoadOptions(
    IReadOnlyList<Uri> Hubs,
    string ApiKey,
    string AgencyCode,
    int Clients,
    TimeSpan Duration,
    double? Rate,
    Uri? Portal,
    TimeSpan DeliveryWait,
    TimeSpan Warmup,
    bool IdentityOnly,
    double RepeatRate,
    Uri? Metrics,
    TimeSpan? Outage)
{
    public const string Usage = """
        usage: IntegrationHub.LoadGenerator --hub URL[,URL...] --key API_KEY [--agency CODE] [--clients N] [--duration SECONDS]
                                            [--rate PER_SECOND] [--portal SANDBOX_PORTAL_URL] [--delivery-wait SECONDS] [--warmup SECONDS]
                                            [--applicants plain|identity] [--repeat SHARE] [--metrics HUB_METRICS_URL] [--outage SECONDS]
          --hub URLS         one hub, or several on one database (comma-separated): clients spread round robin
          --clients N        concurrent gRPC clients (default 64)
          --warmup S         submit this long first without counting, so JIT and pools settle (default 10)
          --duration S       how long to submit and count (default 60)
          --rate R           hold the total rate at R submits/s (default: as fast as the hub answers)
          --portal URL       the simulated portal; when given, waits for every dossier to arrive there and
                             reports the time from the hub's answer to the portal's receipt
          --applicants M     plain (default): every applicant given in full, no birth date, no registry call;
                             identity: citizens (4 in 5) by number, name and birth date and enterprises by
                             code only, from the sandbox's data set, for the hub to fill from the registries
          --repeat SHARE     identity mode: share of dossiers whose applicant had one before (default 0.3)
          --metrics URL      the hub's /metrics; reports registry calls made and saved in the counted phase
          --outage S         with --portal: the portal is down for the first S seconds of the counted phase;
                             reports how long after its return the changes waiting for it took to arrive
        """;

    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }
        double? Number(string name) => Value(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;

        return new LoadOptions(
            [.. (Value("--hub") ?? throw new ArgumentException("--hub is required")).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u))],
            Value("--key") ?? throw new ArgumentException("--key is required"),
            Value("--agency") ?? "000.00.01.H22",
            (int)(Number("--clients") ?? 64),
            TimeSpan.FromSeconds(Number("--duration") ?? 60),
            Number("--rate"),
            Value("--portal") is { } portal ? new Uri(portal) : null,
            TimeSpan.FromSeconds(Number("--delivery-wait") ?? 60),
            TimeSpan.FromSeconds(Number("--warmup") ?? 10),
            (Value("--applicants") ?? "plain") switch
            {
                "plain" => false,
                "identity" => true,
                var other => throw new ArgumentException($"--applicants must be plain or identity, not {other}"),
            },
            Number("--repeat") ?? 0.3,
            Value("--metrics") is { } metrics ? new Uri(metrics) : null,
            Number("--outage") is { } outage ? TimeSpan.FromSeconds(outage) : null);
    }
}
