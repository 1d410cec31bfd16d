using System.Text.Json;

namespace IntegrationHub.Adapters.Text;

/// <summary>Reads wire JSON whose fields some systems send as strings and others as numbers.</summary>
public static class JsonFields
{
    /// <summary>A top-level field as text: strings as they are, numbers as written, anything else (or missing) empty.</summary>
    public static string Text(JsonElement message, string name) =>
        message.ValueKind == JsonValueKind.Object && message.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() ?? "",
                JsonValueKind.Number => value.GetRawText(),
                _ => "",
            }
            : "";

    /// <summary>The body as JSON; Undefined when it is not JSON or nests deeper than <paramref name="maxDepth"/>.</summary>
    public static JsonElement Parse(string body, int maxDepth = 8)
    {
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(body, new JsonSerializerOptions { MaxDepth = maxDepth });
        }
        catch (Exception e) when (e is JsonException or ArgumentException) // ArgumentException: a lone surrogate, which has no UTF-8
        {
            return default;
        }
    }
}
