namespace IntegrationHub.Sandbox.Registries;

/// <summary>The platform account the simulated registries accept, and where they listen.</summary>
public sealed class RegistrySimulatorOptions
{
    public string ClientId { get; init; } = "sandbox";
    public required string ClientSecret { get; init; }
    public string TokenPath { get; init; } = "/oauth/token";
    public string PopulationPath { get; init; } = "/api/v1/congdan/tracuu";
    public string EnterprisePath { get; init; } = "/api/v1/doanhnghiep/tracuu";
    /// <summary>The enterprise database's NGSP/LGSP detail service (GET ?msdn=), served beside the platform form.</summary>
    public string NgspPath { get; init; } = "/apiCSDLDKDN/chiTietDoanhNghiep";
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(30);
    /// <summary>The population database's own SOAP service, served beside the platform's JSON form.</summary>
    public C06SimulatorOptions? C06 { get; init; }
}
