using System.Text;
using Grpc.Core;

namespace IntegrationHub.Hub.Security;

/// <summary>
/// Answers a gRPC call that is refused before any service sees it (no credentials, the wrong role, an
/// unreadable message) with a gRPC status and its reason, as a trailers-only response.
/// </summary>
public static class GrpcRefusal
{
    public static bool IsGrpc(HttpRequest request) => request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;

    public static void Write(HttpResponse response, StatusCode status, string message)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Encode(message);
    }

    /// <summary>
    /// Percent-encodes as the gRPC wire spec says: only bytes outside printable ASCII, and '%'. Escaping
    /// more (as URI escaping does with ':') reaches clients that decode only what the spec asks, such as grpc-js, as "%3A".
    /// </summary>
    public static string Encode(string message)
    {
        var text = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return text.ToString();
    }
}
