using IntegrationHub.Sandbox.Faults;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace IntegrationHub.Sandbox;

/// <summary>A national system or provider, simulated on a loopback server of its own, with its fault controls at <c>/_sandbox/faults</c>.</summary>
public abstract class SimulatedSystem : IDisposable
{
    /// <param name="port">0: any free port.</param>
    protected SimulatedSystem(int port)
    {
        // The simulators read bodies as text and record what they check themselves: WireMock's own JSON parse of each
        // body and its request log (unbounded by default: every request kept for the process's life) are not needed.
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            Port = port,
            StartAdminInterface = false,
            DisableJsonBodyParsing = true,
            MaxRequestLogCount = 0,
        });
        Faults.MapEndpoint(Server);
    }

    public string Url => Server.Urls[0];

    /// <summary>Where the hub reaches this system, when not at <see cref="Url"/> (another container: http://sandbox:8081).</summary>
    public string? AdvertisedUrl { get; set; }

    /// <summary>The address the hub's settings point at.</summary>
    protected string HubFacingUrl => AdvertisedUrl ?? Url;

    /// <summary>
    /// The hub's settings that point it at this system (configuration keys, ':'-separated, secrets included):
    /// the one declaration that <c>./run.sh</c>, <c>docker-compose.yml</c> (both through the sandbox's
    /// <c>--hub-env</c> file) and the tests read.
    /// </summary>
    public abstract IReadOnlyDictionary<string, string?> HubSettings(SandboxHub hub);

    public FaultControls Faults { get; } = new();

    protected WireMockServer Server { get; }

    public void Dispose()
    {
        Server.Stop();
        Stopped();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the system holds besides its server.</summary>
    protected virtual void Stopped()
    {
    }

    /// <summary>An endpoint of the system, answered by <paramref name="handle"/> unless a fault is set.</summary>
    protected void Map(string path, string method, Func<IRequestMessage, Task<IResponseMessage>> handle) =>
        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(Response.Create().WithCallback(request =>
            Faults.RespondAsync(() => handle(request))));

    protected void Map(string path, string method, Func<IRequestMessage, IResponseMessage> handle) =>
        Map(path, method, request => Task.FromResult(handle(request)));
}
