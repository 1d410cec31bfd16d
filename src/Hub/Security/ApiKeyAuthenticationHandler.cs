using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Security;

/// <summary>Authenticates agency systems and operators by the API key in the <c>x-api-key</c> metadata entry.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AgencyDirectory directory) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "x-api-key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrEmpty(values.ToString()))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var principal = directory.Authenticate(values.ToString(), SchemeName);
        return Task.FromResult(principal is null
            ? AuthenticateResult.Fail("unknown API key")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
