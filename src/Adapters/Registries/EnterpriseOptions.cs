namespace IntegrationHub.Adapters.Registries;

/// <summary>The national enterprise registration database, bound from <c>Hub:Adapters:Enterprise</c>.</summary>
public sealed class EnterpriseOptions : RegistryOptions
{
    public const string SectionName = "Hub:Adapters:Enterprise";

    public override string LookupPath { get; set; } = "api/v1/doanhnghiep/tracuu";

    public EnterpriseDialect Dialect { get; set; } = EnterpriseDialect.Platform;

    /// <summary>The NGSP/LGSP detail service, called as <c>GET NgspPath?msdn=code</c>.</summary>
    public string NgspPath { get; set; } = "apiCSDLDKDN/chiTietDoanhNghiep";
}
