namespace IntegrationHub.Adapters.Registries;

/// <summary>The national population database, bound from <c>Hub:Adapters:Population</c>.</summary>
public sealed class PopulationOptions : RegistryOptions
{
    public const string SectionName = "Hub:Adapters:Population";

    public override string LookupPath { get; set; } = "api/v1/congdan/tracuu";

    public PopulationDialect Dialect { get; set; } = PopulationDialect.Platform;

    public C06.C06Settings C06 { get; set; } = new();

    public C06.LgspSettings Lgsp { get; set; } = new();

    public override string? PlatformAccessHeader => Dialect == PopulationDialect.LgspSoap ? Lgsp.AccessHeader() : null;
}
