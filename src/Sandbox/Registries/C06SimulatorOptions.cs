namespace IntegrationHub.Sandbox.Registries;

/// <summary>The C06 account the simulated population database accepts on its SOAP service.</summary>
public sealed class C06SimulatorOptions
{
    public string Path { get; init; } = "/dancu/TraCuuThongTinCongDan";
    public string Username { get; init; } = "sandbox-c06";
    public required string SecretKey { get; init; }
    public string IntegrationCode { get; init; } = "037";
}
