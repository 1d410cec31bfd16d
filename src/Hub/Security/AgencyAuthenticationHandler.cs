using System.Text.Encodings.Web;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Security;

/// <summary>
/// Authenticates agency systems and operators by the API key in the <c>x-api-key</c> metadata entry,
/// or, over TLS, agency systems by their client certificate (mutual TLS): both give the same identity.
/// A key that is given wins; a key or certificate that is not accepted is refused with the reason.
/// </summary>
public sealed class AgencyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AgencyDirectory directory,
    ClientCertificateValidator certificates) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Agency";
    public const string HeaderName = "x-api-key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.TryGetValue(HeaderName, out var values) && !string.IsNullOrEmpty(values.ToString()))
        {
            return Result(directory.Authenticate(values.ToString(), SchemeName), "unknown API key");
        }
        if (await Context.Connection.GetClientCertificateAsync(Context.RequestAborted) is not { } certificate)
        {
            return AuthenticateResult.NoResult();
        }
        if (certificates.Problem(certificate) is { } problem)
        {
            return AuthenticateResult.Fail(problem);
        }
        return Result(
            directory.AuthenticateCertificate(certificate, SchemeName),
            $"the client certificate {certificate.Subject} (SHA-256 {ClientCertificateValidator.Sha256(certificate)}) is not registered to an agency client");
    }

    /// <summary>A gRPC caller is told why it was refused (UNAUTHENTICATED with the reason), not just HTTP 401.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!GrpcRefusal.IsGrpc(Request))
        {
            await base.HandleChallengeAsync(properties);
            return;
        }
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message ?? "an API key (x-api-key) or a registered client certificate is required";
        GrpcRefusal.Write(Response, StatusCode.Unauthenticated, failure);
    }

    /// <summary>A known caller without the role a service needs gets PERMISSION_DENIED saying so, not a bare HTTP 403.</summary>
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (!GrpcRefusal.IsGrpc(Request))
        {
            await base.HandleForbiddenAsync(properties);
            return;
        }
        var who = Context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "the caller";
        var service = Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "this service";
        GrpcRefusal.Write(Response, StatusCode.PermissionDenied,
            $"{who} may not call {service}: agency systems reach the dossier, registry and payment services, operators the admin and audit services");
    }

    private static AuthenticateResult Result(System.Security.Claims.ClaimsPrincipal? principal, string failure) =>
        principal is null ? AuthenticateResult.Fail(failure) : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
}
