using System.Globalization;
using System.Text.Json;

namespace IntegrationHub.Adapters.NationalPortal.Wire;

/// <summary>
/// The portal's answer: <c>error_code</c> (a string such as "00", or a number), <c>message</c>,
/// and for look-ups a <c>result</c> array (<c>data</c> in the proxies some provinces go through, and for DanhSachHoSo;
/// <c>TepTinDinhKem</c> for LayTaiLieuHoSo's files);
/// login answers carry <c>session</c>.
/// </summary>
public sealed record PortalAnswer(string ErrorCode, string? Message, string? Session, JsonElement? Result)
{
    /// <summary>OpenCPS parses the code as an integer and compares it with 0, so "0" and "00" both succeed.</summary>
    public bool IsSuccess => int.TryParse(ErrorCode, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) && code == 0;

    /// <summary>Reads an answer, or null when the body is not the portal's JSON (which callers treat as transient).</summary>
    public static PortalAnswer? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error_code", out var code))
            {
                return null;
            }
            var errorCode = code.ValueKind switch
            {
                JsonValueKind.String => code.GetString(),
                JsonValueKind.Number => code.GetRawText(),
                _ => null,
            };
            if (errorCode is null)
            {
                return null;
            }
            return new PortalAnswer(
                errorCode.Trim(),
                ReadString(root, "message"),
                ReadString(root, "session"),
                root.TryGetProperty("result", out var result) || root.TryGetProperty("data", out result) || root.TryGetProperty("TepTinDinhKem", out result)
                    ? result.Clone() : null);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
