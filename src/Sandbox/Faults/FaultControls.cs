using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Server;

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

    /// <summary>Calls processed whose answer was then lost (<see cref="FaultMode.AnswerLost"/>).</summary>
    public int AnswersLost => _answersLost;

    private int _answersLost;

    /// <summary>Answers a call through <paramref name="handle"/>, or with the fault it is chosen for.</summary>
    public async Task<IResponseMessage> RespondAsync(Func<Task<IResponseMessage>> handle)
    {
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency);
        }
        var (fails, mode) = (Fails(), Mode);
        if (!fails)
        {
            return await handle();
        }
        if (mode != FaultMode.AnswerLost)
        {
            return await FaultAsync(mode);
        }
        await handle();
        Interlocked.Increment(ref _answersLost);
        return await HangAsync();
    }

    private bool Fails() => Down || (FailureRate > 0 && Random.Shared.NextDouble() < FailureRate);

    private static async Task<IResponseMessage> FaultAsync(FaultMode mode) =>
        mode switch
        {
            FaultMode.Unavailable => SimulatorResponses.Text(HttpStatusCode.ServiceUnavailable, "Service Unavailable"),
            FaultMode.MalformedBody => SimulatorResponses.Text(HttpStatusCode.OK, "<html><body>Gateway error</body></html>"),
            FaultMode.Hang or FaultMode.AnswerLost => await HangAsync(),
            _ => SimulatorResponses.Text(HttpStatusCode.InternalServerError, "<html><body>500 Internal Server Error</body></html>"),
        };

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
