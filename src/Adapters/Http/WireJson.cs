using System.Text.Json;
using Refit;

namespace IntegrationHub.Adapters.Http;

/// <summary>Refit's settings for wires whose field names are sent as they are written in the wire records (no camelCase).</summary>
public static class WireJson
{
    public static readonly RefitSettings AsDeclared = new(new SystemTextJsonContentSerializer(new JsonSerializerOptions()));
}
