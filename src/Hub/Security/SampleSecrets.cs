namespace IntegrationHub.Hub.Security;

/// <summary>
/// Refuses to start outside the sandbox with a secret that is a known sample: the test suite's, the
/// documentation's, or an obvious placeholder. Secrets come from configuration or the environment and
/// never from the repository; this catches one copied from where it should not have been.
/// </summary>
public static class SampleSecrets
{
    /// <summary>Environments that run against simulators, where sample secrets are expected.</summary>
    public static readonly IReadOnlySet<string> SandboxEnvironments = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Sandbox", "Development", "Test" };

    /// <summary>
    /// How the keys that hold secrets end (a provider's Password, SecretKey, HashKey, AccessToken, ClientSecret, the report
    /// secret): read by name, so that an adapter added later is covered without being listed here.
    /// </summary>
    public static readonly IReadOnlyList<string> SecretNameEndings = ["Password", "Secret", "SecretKey", "HashKey", "Token"];

    /// <summary>The configured keys under <c>Hub</c> that hold secrets.</summary>
    public static IEnumerable<string> SecretKeys(IConfiguration configuration) =>
        configuration.GetSection("Hub").AsEnumerable().Select(pair => pair.Key)
            .Where(key => SecretNameEndings.Any(ending => key.EndsWith(ending, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Secrets the hub cannot run without outside the sandbox.</summary>
    public static readonly IReadOnlyList<string> RequiredKeys = ["Hub:Audit:SealKey"];

    // Placeholders people type, and any value naming the sandbox or an example.
    private static readonly string[] Placeholders = ["password", "secret", "changeme", "change-me", "123456", "admin", "test", "default"];
    private static readonly string[] SampleMarks = ["sandbox", "example", "changeme", "placeholder"];

    /// <exception cref="InvalidOperationException">A secret is a known sample or a required one is missing, and this is not a sandbox environment.</exception>
    public static void EnsureNoneOutsideSandbox(IConfiguration configuration, IHostEnvironment environment)
    {
        if (SandboxEnvironments.Contains(environment.EnvironmentName))
        {
            return;
        }
        if (RequiredKeys.FirstOrDefault(key => string.IsNullOrWhiteSpace(configuration[key])) is { } missing)
        {
            throw new InvalidOperationException($"Refusing to start in the {environment.EnvironmentName} environment: {missing} is not set.");
        }
        var samples = SecretKeys(configuration).Order().Where(key => configuration[key] is { Length: > 0 } value && IsSample(value)).ToList();
        if (samples.Count > 0)
        {
            throw new InvalidOperationException(
                $"Refusing to start in the {environment.EnvironmentName} environment: {string.Join(", ", samples)} " +
                $"{(samples.Count == 1 ? "holds" : "hold")} a sample or placeholder secret. Set the real ones through the environment or a secret store " +
                $"(or run with ASPNETCORE_ENVIRONMENT={string.Join("/", SandboxEnvironments)} against simulators).");
        }
    }

    private static bool IsSample(string value) =>
        Placeholders.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase) || SampleMarks.Any(mark => value.Contains(mark, StringComparison.OrdinalIgnoreCase));
}
