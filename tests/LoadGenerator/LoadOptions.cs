using System.Globalization;

namespace IntegrationHub.LoadGenerator;

/// <summary>Command-line settings of a load run.</summary>
public sealed record LoadOptions(
    Uri Hub,
    string ApiKey,
    string AgencyCode,
    int Clients,
    TimeSpan Duration,
    double? Rate,
    Uri? Portal,
    TimeSpan DeliveryWait,
    TimeSpan Warmup)
{
    public const string Usage = """
        usage: IntegrationHub.LoadGenerator --hub URL --key API_KEY [--agency CODE] [--clients N] [--duration SECONDS]
                                            [--rate PER_SECOND] [--portal SANDBOX_PORTAL_URL] [--delivery-wait SECONDS] [--warmup SECONDS]
          --clients N        concurrent gRPC clients (default 64)
          --warmup S         submit this long first without counting, so JIT and pools settle (default 10)
          --duration S       how long to submit and count (default 60)
          --rate R           hold the total rate at R submits/s (default: as fast as the hub answers)
          --portal URL       the simulated portal; when given, waits for every dossier to arrive there and
                             reports the time from the hub's answer to the portal's receipt
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
            new Uri(Value("--hub") ?? throw new ArgumentException("--hub is required")),
            Value("--key") ?? throw new ArgumentException("--key is required"),
            Value("--agency") ?? "000.00.01.H22",
            (int)(Number("--clients") ?? 64),
            TimeSpan.FromSeconds(Number("--duration") ?? 60),
            Number("--rate"),
            Value("--portal") is { } portal ? new Uri(portal) : null,
            TimeSpan.FromSeconds(Number("--delivery-wait") ?? 60),
            TimeSpan.FromSeconds(Number("--warmup") ?? 10));
    }
}
