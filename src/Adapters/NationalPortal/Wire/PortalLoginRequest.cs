using System.Text.Json.Serialization;

namespace IntegrationHub.Adapters.NationalPortal.Wire;

public sealed record PortalLoginRequest(
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("password")] string Password);
