using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Adapters.Registries;

/// <summary>The national population database, bound from <c>Hub:Adapters:Population</c>.</summary>
public sealed class PopulationOptions : RegistryOptions
{
    public const string SectionName = "Hub:Adapters:Population";

    public PopulationDialect Dialect { get; set; } = PopulationDialect.C06Soap;

    public C06.C06Settings C06 { get; set; } = new();

    public C06.LgspSettings Lgsp { get; set; } = new();

    /// <summary>Where the <see cref="PopulationDialect.JsonProxy"/> request is POSTed.</summary>
    public string JsonProxyPath { get; set; } = "api/CSDLDanCu/TraCuuThongTinCongDan";

    public override string? PlatformAccessHeader => Dialect == PopulationDialect.LgspSoap ? Lgsp.AccessHeader() : null;

    protected override bool UsesToken => Dialect != PopulationDialect.C06Soap;

    // Every dialect carries C06's request, which C06 refuses without the officer; speaking to C06 directly also signs with its account.
    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in base.Validate(validationContext))
        {
            yield return result;
        }
        if (string.IsNullOrWhiteSpace(C06.OfficerId))
        {
            yield return new ValidationResult("C06:OfficerId (MaCanBo) is required: C06 refuses a look-up without it", ["C06:OfficerId"]);
        }
        if (Dialect == PopulationDialect.C06Soap && (string.IsNullOrWhiteSpace(C06.Username) || string.IsNullOrWhiteSpace(C06.SecretKey)))
        {
            yield return new ValidationResult("C06:Username and C06:SecretKey are required for the C06Soap dialect: they sign each request", ["C06:Username", "C06:SecretKey"]);
        }
        if (Dialect == PopulationDialect.LgspSoap && (string.IsNullOrWhiteSpace(Lgsp.AccessKey) || string.IsNullOrWhiteSpace(Lgsp.SecretKey)))
        {
            yield return new ValidationResult("Lgsp:AccessKey and Lgsp:SecretKey are required for the LgspSoap dialect", ["Lgsp:AccessKey", "Lgsp:SecretKey"]);
        }
    }
}
