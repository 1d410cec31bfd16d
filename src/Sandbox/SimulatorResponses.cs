using System.Net;
using System.Text.Json;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace IntegrationHub.Sandbox;

/// <summary>Builds WireMock answers from simulator callbacks.</summary>
public static class SimulatorResponses
{
    public static IResponseMessage Json(HttpStatusCode status, object body) =>
        Build(status, JsonSerializer.Serialize(body, body.GetType(), JsonSerializerOptions.Web), "application/json; charset=utf-8");

    /// <summary>JSON whose property names are exactly those given (national wire formats are not camelCase).</summary>
    public static IResponseMessage RawJson(HttpStatusCode status, string json) => Build(status, json, "application/json; charset=utf-8");

    public static IResponseMessage Text(HttpStatusCode status, string body) => Build(status, body, "text/html; charset=utf-8");

    public static IResponseMessage Xml(HttpStatusCode status, string body) => Build(status, body, "text/xml; charset=utf-8");

    public static IResponseMessage Bytes(HttpStatusCode status, byte[] body, string contentType) =>
        Build(status, new BodyData { BodyAsBytes = body, DetectedBodyType = BodyType.Bytes }, contentType);

    private static ResponseMessage Build(HttpStatusCode status, string body, string contentType) =>
        Build(status, new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = System.Text.Encoding.UTF8 }, contentType);

    private static ResponseMessage Build(HttpStatusCode status, BodyData body, string contentType) => new()
    {
        StatusCode = (int)status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) },
        BodyData = body,
    };
}
