using IntegrationHub.Adapters.NationalPortal;

namespace IntegrationHub.Hub.Procedures;

/// <summary>A procedure of DVCQG's catalogue as the hub keeps it: refreshed on a schedule, read by agencies over gRPC.</summary>
public sealed class CatalogProcedure
{
    private CatalogProcedure()
    {
    }

    /// <summary>mã TTHC, national.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string FieldCode { get; private set; } = "";
    public string FieldName { get; private set; } = "";
    public ProcedureDetails Details { get; private set; } = null!;
    public DateTimeOffset RefreshedAt { get; private set; }

    public static CatalogProcedure Of(ProcedureDetails details, DateTimeOffset now) => new CatalogProcedure { Code = details.Code }.Refreshed(details, now);

    public CatalogProcedure Refreshed(ProcedureDetails details, DateTimeOffset now)
    {
        (Name, FieldCode, FieldName, Details, RefreshedAt) = (details.Name, details.FieldCode, details.FieldName, details, now);
        return this;
    }
}
