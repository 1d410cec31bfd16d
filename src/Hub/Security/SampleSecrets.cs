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

    /// <summary>The configuration keys that hold secrets.</summary>
    public static readonly IReadOnlyList<string> SecretKeys =
    [
        "Hub:Adapters:NationalPortal:Password",
        "Hub:Adapters:Population:ClientSecret",
        "Hub:Adapters:Enterprise:ClientSecret",
        "Hub:Adapters:Vnpay:HashSecret",
        "Hub:Adapters:PaymentPlatform:HashKey",
        "Hub:Adapters:PaymentPlatform:AccessToken",
        "Hub:Adapters:Sms:Esms:SecretKey",
        "Hub:Adapters:Sms:Viettel:Password",
        "Hub:Notices:ReportSecret",
    ];

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
        var samples = SecretKeys.Where(key => configuration[key] is { Length: > 0 } value && IsSample(value)).ToList();
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
