namespace IntegrationHub.Sandbox.Registries;

/// <summary>The C06 account the simulated population database accepts, and the three forms it is asked in.</summary>
public sealed class C06SimulatorOptions
{
    public string Path { get; init; } = "/dancu/TraCuuThongTinCongDan";
    public string Username { get; init; } = "sandbox-c06";
    public required string SecretKey { get; init; }
    public string IntegrationCode { get; init; } = "037";

    /// <summary>The same request through a VNPT-style LGSP: where it is POSTed, and the access key its <c>lgspAccessToken</c> carries (with SecretKey).</summary>
    public string LgspPath { get; init; } = "/lgsp/dancu/TraCuuThongTinCongDan";
    public string LgspAccessKey { get; init; } = "sandbox-lgsp";

    /// <summary>The request's fields as JSON, through a provincial proxy answering <c>{error_code, message}</c>.</summary>
    public string JsonProxyPath { get; init; } = "/api/CSDLDanCu/TraCuuThongTinCongDan";
}
