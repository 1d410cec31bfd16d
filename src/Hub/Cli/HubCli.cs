using System.Globalization;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using IntegrationHub.V1;

namespace IntegrationHub.Hub.Cli;

/// <summary>
/// <c>hub health | dead-letters | backlog | audit | registry-access | portal</c>: operators' commands against a running hub, through
/// its AdminService and AuditService. Exit codes: 0 fine, 1 an adapter is unhealthy or the exchange log
/// is broken, 2 the hub could not be asked.
/// </summary>
public static class HubCli
{
    public const string Usage = """
        usage: hub health [ADAPTER...] [--json]                    check adapters now (exit 1 if any is unhealthy)
               hub health --history [ADAPTER...] [--json]          availability over 24 hours and 7 days
               hub dead-letters [--target T] [--agency A] [--json] list dead-lettered deliveries
               hub dead-letters show ID [--json]                   the payload sent and the answer received
               hub dead-letters replay ID... | --all --target T    send them again, in each dossier's order
               hub backlog [--json]                                pending deliveries per target
               hub audit verify [--from TIME] [--to TIME] [--json] recompute the exchange log's hash chain (exit 1 if broken)
               hub audit export DOSSIER [--json]                   one dossier's exchanges, in chain order
               hub registry-access [--identifier N] [--agency A]   who read which citizen's or enterprise's data, newest first
                   [--client C] [--from TIME] [--to TIME] [--limit N] [--json]
               hub portal arrivals [--limit N] [--json]            dossiers filed on DVCQG: the latest arrivals, and the
                                                                   filings kept aside with the reason (exit 1 if any)
               hub portal reconcile [--since TIME] [--dossier CODE] [--json]  compare the portal's records with the hub's
                                                                   and send differences again (exit 1 while any remain)
        options: --hub URL (or HUB_URL; default http://127.0.0.1:5080), --key KEY (or HUB_OPERATOR_KEY)
        """;

    private static readonly string[] Commands = ["health", "dead-letters", "backlog", "audit", "registry-access", "portal", "help", "--help"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { WriteIndented = true };

    public static bool Handles(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args[0] is "help" or "--help")
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }
        try
        {
            var arguments = CliArguments.Parse(args);
            using var channel = GrpcChannel.ForAddress(arguments.Hub);
            var key = arguments.Key;
            var invoker = channel.Intercept(metadata =>
            {
                metadata.Add("x-api-key", key);
                return metadata;
            });
            var admin = new AdminService.AdminServiceClient(invoker);
            return arguments.Command switch
            {
                "health" => await HealthAsync(admin, arguments, output),
                "backlog" => await BacklogAsync(admin, arguments, output),
                "audit" => await AuditAsync(new AuditService.AuditServiceClient(invoker), arguments, output),
                "registry-access" => await RegistryAccessAsync(admin, arguments, output),
                "portal" => await PortalAsync(admin, arguments, output),
                _ => await DeadLettersAsync(admin, arguments, output),
            };
        }
        catch (CliUsageException e)
        {
            await error.WriteLineAsync($"hub: {e.Message}\n{Usage}");
            return 2;
        }
        catch (RpcException e)
        {
            await error.WriteLineAsync($"hub: {e.StatusCode}: {e.Status.Detail}");
            return 2;
        }
    }

    private static async Task<int> HealthAsync(AdminService.AdminServiceClient admin, CliArguments arguments, TextWriter output)
    {
        if (arguments.Flags.Contains("--history"))
        {
            return await HistoryAsync(admin, arguments, output);
        }
        var answer = await admin.CheckAdaptersAsync(new CheckAdaptersRequest { Adapters = { arguments.Words } });
        if (arguments.Json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(answer.Adapters.Select(a => new
            {
                a.Name,
                a.Provider,
                Status = StatusName(a.Status),
                LatencyMs = Math.Round(a.LatencyMs, 1),
                a.CircuitState,
                LastSuccessAt = a.LastSuccessAt?.ToDateTimeOffset(),
                LastError = a.LastError.Length == 0 ? null : a.LastError,
                LastErrorAt = a.LastErrorAt?.ToDateTimeOffset(),
                a.Detail,
            }), Json));
        }
        else
        {
            await Table(output, ["ADAPTER", "PROVIDER", "STATUS", "LATENCY", "CIRCUIT", "LAST SUCCESS", "LAST ERROR"], answer.Adapters.Select(a => new[]
            {
                a.Name, a.Provider, StatusName(a.Status), $"{a.LatencyMs:0} ms", a.CircuitState, When(a.LastSuccessAt),
                a.LastError.Length == 0 ? "-" : $"{When(a.LastErrorAt)} {a.LastError}",
            }));
        }
        return answer.Adapters.Any(a => a.Status == AdapterStatus.Unhealthy) ? 1 : 0;
    }

    private static async Task<int> HistoryAsync(AdminService.AdminServiceClient admin, CliArguments arguments, TextWriter output)
    {
        var answer = await admin.GetAdapterHistoryAsync(new GetAdapterHistoryRequest { Adapters = { arguments.Words } });
        return await ListAsync(output, arguments, answer.Adapters, ["ADAPTER", "24 HOURS", "CHECKS", "7 DAYS", "CHECKS", "LAST UNHEALTHY"], a => new[]
        {
            a.Name, Percent(a.Last24Hours), a.Last24Hours.Checks.ToString(CultureInfo.InvariantCulture),
            Percent(a.Last7Days), a.Last7Days.Checks.ToString(CultureInfo.InvariantCulture),
            a.LastUnhealthyAt is null ? "-" : $"{When(a.LastUnhealthyAt)} {a.LastUnhealthyDetail}",
        });
    }

    private static string Percent(AvailabilityPeriod period) =>
        period.Checks == 0 ? "-" : (period.Ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static async Task<int> BacklogAsync(AdminService.AdminServiceClient admin, CliArguments arguments, TextWriter output)
    {
        var answer = await admin.GetBacklogAsync(new GetBacklogRequest());
        return await ListAsync(output, arguments, answer.Targets, ["TARGET", "PENDING", "DEAD-LETTERED", "OLDEST PENDING", "DELIVERED/S"], t => new[]
        {
            t.Target, t.Pending.ToString(CultureInfo.InvariantCulture), t.DeadLettered.ToString(CultureInfo.InvariantCulture),
            $"{t.OldestPendingAgeSeconds:0} s", $"{t.DeliveredPerSecond:0.0}",
        });
    }

    private static async Task<int> PortalAsync(AdminService.AdminServiceClient admin, CliArguments arguments, TextWriter output)
    {
        if (arguments.Words is ["reconcile"])
        {
            return await ReconcileAsync(admin, arguments, output);
        }
        if (arguments.Words is not ["arrivals"])
        {
            throw new CliUsageException("portal takes: arrivals, reconcile");
        }
        var limit = arguments.Options.GetValueOrDefault("--limit") is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new CliUsageException($"--limit '{text}' is not a number")
            : 0;
        var answer = await admin.GetPortalIntakeAsync(new GetPortalIntakeRequest { Limit = limit });
        if (arguments.Json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { answer.Arrivals, answer.Problems }, Json));
        }
        else
        {
            await Table(output, ["DOSSIER", "AGENCY", "ARRIVED", "ACKNOWLEDGED", "FILES"], answer.Arrivals.Select(a => new[]
            {
                a.DossierCode, a.AgencyCode, When(a.ArrivedAt), When(a.AcknowledgedAt), a.Files.ToString(CultureInfo.InvariantCulture),
            }));
            if (answer.Problems.Count > 0)
            {
                await output.WriteLineAsync();
                await output.WriteLineAsync("kept aside (tried again on every pull):");
                await Table(output, ["FILING", "AGENCY", "SINCE", "TIMES", "PROBLEM"], answer.Problems.Select(p => new[]
                {
                    p.NationalCode, p.AgencyCode, When(p.FirstSeenAt), p.TimesSeen.ToString(CultureInfo.InvariantCulture), p.Problem,
                }));
            }
        }
        return answer.Problems.Count > 0 ? 1 : 0;
    }

    private static async Task<int> ReconcileAsync(AdminService.AdminServiceClient admin, CliArguments arguments, TextWriter output)
    {
        var answer = await admin.ReconcilePortalAsync(new ReconcilePortalRequest
        {
            Since = Time(arguments.Options.GetValueOrDefault("--since"), "--since"),
            DossierCode = arguments.Options.GetValueOrDefault("--dossier") ?? "",
        });
        if (arguments.Json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(answer, Json));
        }
        else
        {
            await output.WriteLineAsync($"checked {answer.Checked}, {answer.InFlight} with deliveries still pending, {answer.Unasked} the portal could not be asked about, {answer.Differences.Count} differing");
            await Table(output, ["DOSSIER", "RESENT", "DIFFERENCES"], answer.Differences.Select(d => new[] { d.DossierCode, d.Resent ? "yes" : "no", string.Join("; ", d.Differences) }));
        }
        return answer.Differences.Count > 0 || answer.Unasked > 0 ? 1 : 0;
    }

    private static async Task<int> AuditAsync(AuditService.AuditServiceClient audit, CliArguments arguments, TextWriter output)
    {
        switch (arguments.Words)
        {
            case ["verify"]:
                var report = await audit.VerifyExchangeLogAsync(new VerifyExchangeLogRequest
                {
                    From = Time(arguments.Options.GetValueOrDefault("--from"), "--from"),
                    To = Time(arguments.Options.GetValueOrDefault("--to"), "--to"),
                });
                if (arguments.Json)
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(report, Json));
                }
                else
                {
                    await output.WriteLineAsync(report.Intact
                        ? $"intact: {report.EntriesChecked} entries, {report.SealsChecked} seals and {report.AnchorsChecked} anchors ({report.AnchorFile}) checked, " +
                          $"{report.EntriesUnchained} not linked yet"
                        : $"BROKEN at position {report.BrokenPosition}{(report.BrokenEntryId == 0 ? "" : $" (entry {report.BrokenEntryId})")}: {report.Problem}; " +
                          $"{report.EntriesChecked} entries before it are intact");
                }
                return report.Intact ? 0 : 1;
            case ["export", var dossier]:
                var answer = await audit.ExportDossierExchangesAsync(new ExportDossierExchangesRequest { DossierCode = dossier });
                return await ListAsync(output, arguments, answer.Entries, ["POSITION", "RECORDED", "TARGET", "OPERATION", "CLIENT", "OUTCOME", "REQUEST DIGEST", "HASH"], e => new[]
                {
                    e.Position == 0 ? "-" : e.Position.ToString(CultureInfo.InvariantCulture), When(e.RecordedAt), e.Target, e.Operation,
                    e.ClientId.Length == 0 ? "-" : e.ClientId, e.Outcome, e.RequestDigest[..16], e.Hash.Length == 0 ? "-" : e.Hash[..16],
                });
            default:
                throw new CliUsageException("audit takes: verify [--from TIME] [--to TIME], or export DOSSIER");
        }
    }

    private static async Task<int> RegistryAccessAsync(AdminService.AdminServiceClient admin, CliArguments arguments, TextWriter output)
    {
        var limit = arguments.Options.GetValueOrDefault("--limit") is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 500 ? n : throw new CliUsageException("--limit takes a number from 1 to 500")
            : 100;
        var answer = await admin.ListRegistryAccessAsync(new ListRegistryAccessRequest
        {
            Identifier = arguments.Options.GetValueOrDefault("--identifier") ?? "",
            AgencyCode = arguments.Options.GetValueOrDefault("--agency") ?? "",
            ClientId = arguments.Options.GetValueOrDefault("--client") ?? "",
            From = Time(arguments.Options.GetValueOrDefault("--from"), "--from"),
            To = Time(arguments.Options.GetValueOrDefault("--to"), "--to"),
            PageSize = limit,
        });
        return await ListAsync(output, arguments, answer.Accesses, ["ID", "ACCESSED", "REGISTRY", "IDENTIFIER", "CLIENT", "KIND", "RESULT", "CACHE", "DOSSIER", "PURPOSE"], a => new[]
        {
            a.Id.ToString(CultureInfo.InvariantCulture), When(a.AccessedAt), a.Registry, a.Identifier, a.ClientId,
            Name(a.Kind.ToString()), Name(a.Result.ToString()), a.FromCache ? "hit" : "miss",
            a.DossierCode.Length == 0 ? "-" : a.DossierCode, a.Purpose,
        });
    }

    /// <summary>An enum value as operators read it: <c>NotFound</c> becomes <c>not-found</c>.</summary>
    private static string Name(string value) => string.Concat(value.Select((c, i) => char.IsUpper(c) ? (i == 0 ? "" : "-") + char.ToLowerInvariant(c) : c.ToString()));

    private static Timestamp? Time(string? text, string option) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? Timestamp.FromDateTimeOffset(at)
        : throw new CliUsageException($"{option} takes a time such as 2026-11-23T00:00:00Z");

    private static async Task<int> DeadLettersAsync(AdminService.AdminServiceClient admin, CliArguments arguments, TextWriter output)
    {
        switch (arguments.Words)
        {
            case ["show", var id]:
                var letter = await admin.GetDeadLetterAsync(new GetDeadLetterRequest { Id = ParseId(id) });
                await output.WriteLineAsync(arguments.Json
                    ? JsonSerializer.Serialize(letter, Json)
                    : $"""
                      dead letter {letter.Id}: {letter.Target} {letter.Kind} of {letter.DossierCode} (agency {letter.AgencyCode}, version {letter.DossierVersion})
                      attempts: {letter.Attempts}, last at {When(letter.LastAttemptAt)}
                      reason:   {letter.Reason}
                      answer:   {letter.LastAnswer}
                      payload:  {letter.Payload}
                      """);
                return 0;
            case ["replay", ..]:
                var request = new ReplayDeadLettersRequest { Ids = { arguments.Words.Skip(1).Select(ParseId) }, All = arguments.Flags.Contains("--all"), Target = arguments.Options.GetValueOrDefault("--target") ?? "" };
                var replayed = await admin.ReplayDeadLettersAsync(request);
                await output.WriteLineAsync($"replayed {replayed.Replayed} dead letter(s)");
                return 0;
            case [] or ["list"]:
                var list = await admin.ListDeadLettersAsync(new ListDeadLettersRequest
                {
                    Target = arguments.Options.GetValueOrDefault("--target") ?? "",
                    AgencyCode = arguments.Options.GetValueOrDefault("--agency") ?? "",
                });
                return await ListAsync(output, arguments, list.DeadLetters, ["ID", "TARGET", "KIND", "DOSSIER", "VERSION", "ATTEMPTS", "LAST ATTEMPT", "REASON"], d => new[]
                {
                    d.Id.ToString(CultureInfo.InvariantCulture), d.Target, d.Kind, d.DossierCode, d.DossierVersion.ToString(CultureInfo.InvariantCulture),
                    d.Attempts.ToString(CultureInfo.InvariantCulture), When(d.LastAttemptAt), d.Reason,
                });
            default:
                throw new CliUsageException($"unknown dead-letters command: {string.Join(' ', arguments.Words)}");
        }
    }

    /// <summary>A list as JSON for scripts (<c>--json</c>), or as a table for people.</summary>
    private static async Task<int> ListAsync<T>(TextWriter output, CliArguments arguments, IEnumerable<T> items, string[] header, Func<T, string[]> row)
    {
        await (arguments.Json ? output.WriteLineAsync(JsonSerializer.Serialize(items, Json)) : Table(output, header, items.Select(row)));
        return 0;
    }

    private static async Task Table(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, column) => all.Max(row => row[column].Length)).ToArray();
        foreach (var row in all)
        {
            await output.WriteLineAsync(string.Join("  ", row.Select((cell, column) => column == row.Length - 1 ? cell : cell.PadRight(widths[column]))));
        }
    }

    private static string StatusName(AdapterStatus status) => status switch
    {
        AdapterStatus.Healthy => "healthy",
        AdapterStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    private static string When(Google.Protobuf.WellKnownTypes.Timestamp? time) =>
        time is null ? "-" : time.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static long ParseId(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new CliUsageException($"'{text}' is not a dead-letter id");
}
