namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>A procedure's national catalogue entry (LayThuTuc): its name and field (lĩnh vực).</summary>
public sealed record ProcedureInfo(string Code, string Name, string FieldCode, string FieldName);
