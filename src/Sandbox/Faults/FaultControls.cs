using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace IntegrationHub.Sandbox.Faults;

/// <summary>
/// What a simulator is told to do wrong: added latency, a share of failing calls, or being down.
/// Settable from code (tests) or over HTTP at <c>POST /_sandbox/faults</c> (people trying the hub).
/// </summary>
public sealed class FaultControls
{
    private static readonly TimeSpan HangTime = TimeSpan.FromMinutes(2);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { Converters = { new JsonStringEnumConverter() } };

    public TimeSpan Latency { get; set; }

    /// <summary>Share of calls, 0 to 1, that fail with <see cref="Mode"/>.</summary>
    public double FailureRate { get; set; }

    public FaultMode Mode { get; set; } = FaultMode.ServerError;

    /// <summary>Every call fails with <see cref="Mode"/>.</summary>
    public bool Down { get; set; }

    public void Reset()
    {
        Latency = TimeSpan.Zero;
        FailureRate = 0;
        Mode = FaultMode.ServerError;
        Down = false;
    }

    /// <summary>Waits out the latency; returns the faulty answer to give, or null to answer normally.</summary>
    public async Task<IResponseMessage?> ApplyAsync()
    {
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency);
        }
        if (!Down && (FailureRate <= 0 || Random.Shared.NextDouble() >= FailureRate))
        {
            return null;
        }
        return Mode switch
        {
            FaultMode.Unavailable => SimulatorResponses.Text(HttpStatusCode.ServiceUnavailable, "Service Unavailable"),
            FaultMode.MalformedBody => SimulatorResponses.Text(HttpStatusCode.OK, "<html><body>Gateway error</body></html>"),
            FaultMode.Hang => await HangAsync(),
            _ => SimulatorResponses.Text(HttpStatusCode.InternalServerError, "<html><body>500 Internal Server Error</body></html>"),
        };
    }

    /// <summary>Exposes the controls over HTTP on the simulator's own server.</summary>
    public void MapEndpoint(WireMockServer server) =>
        server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/_sandbox/faults").UsingPost())
            .AtPriority(1)
            .RespondWith(Response.Create().WithCallback(request =>
            {
                FaultSettings settings;
                try
                {
                    settings = JsonSerializer.Deserialize<FaultSettings>(request.Body ?? "{}", Json) ?? new FaultSettings();
                }
                catch (JsonException e)
                {
                    return SimulatorResponses.Text(HttpStatusCode.BadRequest, $"faults: {e.Message}");
                }
                Latency = TimeSpan.FromMilliseconds(settings.LatencyMs);
                FailureRate = settings.FailureRate;
                Mode = settings.Mode;
                Down = settings.Down;
                return SimulatorResponses.RawJson(HttpStatusCode.OK, JsonSerializer.Serialize(settings, Json));
            }));

    private static async Task<IResponseMessage> HangAsync()
    {
        await Task.Delay(HangTime);
        return SimulatorResponses.Text(HttpStatusCode.GatewayTimeout, "timeout");
    }

    private sealed record FaultSettings(int LatencyMs = 0, double FailureRate = 0, FaultMode Mode = FaultMode.ServerError, bool Down = false);
}
