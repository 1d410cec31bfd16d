namespace IntegrationHub.Sandbox.Registries;

/// <summary>The platform account the simulated registries accept, and where they listen.</summary>
public sealed class RegistrySimulatorOptions
{
    public string ClientId { get; init; } = "sandbox";
    public required string ClientSecret { get; init; }
    public string TokenPath { get; init; } = "/oauth/token";
    /// <summary>The enterprise database's NGSP/LGSP detail service (GET ?msdn=).</summary>
    public string NgspPath { get; init; } = "/apiCSDLDKDN/chiTietDoanhNghiep";
    /// <summary>Hồ Chí Minh City's LGSP look-up (GET ?MaSoDoanhNghiep=).</summary>
    public string HcmPath { get; init; } = "/TraCuuThongTinDoanhNghiep";
    /// <summary>Thanh Hóa's ĐKKD service (GET ?msdn=).</summary>
    public string ThanhHoaPath { get; init; } = "/apiDKKD/DoanhNghiep/chiTietDoanhNghiep";
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(30);
    /// <summary>The population database's C06 account and its paths; left out, one with <see cref="ClientSecret"/> as its secret.</summary>
    public C06SimulatorOptions? C06 { get; init; }
}
