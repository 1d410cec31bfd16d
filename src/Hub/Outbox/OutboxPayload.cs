using System.Text.Json;

namespace IntegrationHub.Hub.Outbox;

/// <summary>The one JSON form of outbox payloads, written by subscribers' entries and read by handlers.</summary>
public static class OutboxPayload
{
    public static string Serialize(object payload) => JsonSerializer.Serialize(payload, payload.GetType(), JsonSerializerOptions.Web);

    /// <exception cref="JsonException">The payload is not a <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string payload) =>
        JsonSerializer.Deserialize<T>(payload, JsonSerializerOptions.Web) ?? throw new JsonException($"empty {typeof(T).Name} payload");
}
