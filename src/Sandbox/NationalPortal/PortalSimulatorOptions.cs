namespace IntegrationHub.Sandbox.NationalPortal;

public sealed class PortalSimulatorOptions
{
    public string Username { get; set; } = "sandbox";
    public required string Password { get; set; }
    /// <summary>madonvi the province must send.</summary>
    public string UnitCode { get; set; } = "000.00.00.H22";
    public string AuthPath { get; set; } = "/mapi/login";
    public string IntegrationPath { get; set; } = "/mapi/g";
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The province's base URL the portal calls (through its X-Road adapter): the hub's HTTP endpoint.</summary>
    public string? ProvinceUrl { get; set; }

    /// <summary>The secret the portal presents when it calls the province (X-DVCQG-Key).</summary>
    public string ProvinceCallSecret { get; set; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
