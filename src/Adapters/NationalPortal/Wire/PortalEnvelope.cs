using System.Text.Json.Serialization;

namespace IntegrationHub.Adapters.NationalPortal.Wire;

/// <summary>The body of every integration call: session, calling unit, operation and its fields.</summary>
public sealed record PortalEnvelope
{
    [JsonPropertyName("session")] public required string Session { get; init; }
    [JsonPropertyName("madonvi")] public required string UnitCode { get; init; }
    [JsonPropertyName("service")] public required string Service { get; init; }
    /// <summary><c>"False"</c> the first time a dossier is sent, <c>"True"</c> afterwards (DongBoHoSoMC only).</summary>
    [JsonPropertyName("isUpdating")] public string? IsUpdating { get; init; }
    [JsonPropertyName("maTTHC")] public string? ProcedureCode { get; init; }
    /// <summary>TraCuuHoSo: the dossier looked up.</summary>
    [JsonPropertyName("mahoso")] public string? DossierCode { get; init; }
    [JsonPropertyName("data")] public object? Data { get; init; }
}
