namespace IntegrationHub.Hub.Cli;

/// <summary>
/// A command line as <c>command [words...] [--option value] [--flag]</c>. The hub's address and the
/// operator key come from <c>--hub</c>/<c>--key</c> or the environment (<c>HUB_URL</c>, <c>HUB_OPERATOR_KEY</c>),
/// so that the key need not show in the process list.
/// </summary>
public sealed record CliArguments(string Command, IReadOnlyList<string> Words, IReadOnlyDictionary<string, string> Options, IReadOnlySet<string> Flags)
{
    private static readonly HashSet<string> KnownFlags = ["--json", "--all", "--history"];

    public Uri Hub => new(Options.GetValueOrDefault("--hub") ?? Environment.GetEnvironmentVariable("HUB_URL") ?? "http://127.0.0.1:5080");

    public string Key => Options.GetValueOrDefault("--key") ?? Environment.GetEnvironmentVariable("HUB_OPERATOR_KEY")
        ?? throw new CliUsageException("an operator key is needed: --key KEY or HUB_OPERATOR_KEY");

    public bool Json => Flags.Contains("--json");

    public static CliArguments Parse(string[] args)
    {
        var words = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (KnownFlags.Contains(args[i]))
            {
                flags.Add(args[i]);
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                options[args[i]] = i + 1 < args.Length ? args[++i] : throw new CliUsageException($"{args[i]} needs a value");
            }
            else
            {
                words.Add(args[i]);
            }
        }
        return new CliArguments(args[0], words, options, flags);
    }
}

public sealed class CliUsageException(string message) : Exception(message);
