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

    /// <summary>A read call's envelope; the connection puts the session in.</summary>
    public static PortalEnvelope Query(string unitCode, string service) => new() { Session = "", UnitCode = unitCode, Service = service };
    /// <summary>DanhSachHoSo, LayTaiLieuHoSo: the handling agency.</summary>
    [JsonPropertyName("donViXuLy")] public string? HandlingAgency { get; init; }
    /// <summary>DanhSachHoSo: the window's first and last day of receipt, yyyy-MM-dd.</summary>
    [JsonPropertyName("ngayNhan1")] public string? ReceivedFrom { get; init; }
    [JsonPropertyName("ngayNhan2")] public string? ReceivedTo { get; init; }
    /// <summary>LayTaiLieuHoSo: the file's path at the portal.</summary>
    [JsonPropertyName("duongdanteptin")] public string? FilePath { get; init; }
}
