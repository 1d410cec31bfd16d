using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationHub.Adapters.NationalPortal.Wire;

/// <summary>How the portal's messages are written: its own field names, absent fields left out.</summary>
public static class PortalJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
