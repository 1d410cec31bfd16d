using System.Text.Json.Serialization;

namespace IntegrationHub.Adapters.Registries.Wire;

/// <summary>The platform's OAuth 2 token answer.</summary>
public sealed record PlatformToken(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn);
