using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace IntegrationHub.Hub.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Agency clients authenticate by API key or client certificate, operators by API key; each service
    /// admits one of the two roles. TLS endpoints ask for a client certificate without requiring one, and
    /// leave judging it to <see cref="ClientCertificateValidator"/>, so a refused certificate gets a reason.
    /// </summary>
    public static IServiceCollection AddAgencyAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.SectionName));
        services.AddSingleton<AgencyDirectory>();
        services.AddSingleton<ClientCertificateValidator>();
        services.Configure<KestrelServerOptions>(kestrel => kestrel.ConfigureHttpsDefaults(https =>
        {
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.AllowAnyClientCertificate();
        }));
        services.AddAuthentication(AgencyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, AgencyAuthenticationHandler>(AgencyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(HubRoles.Agency, policy => policy.RequireRole(HubRoles.Agency))
            .AddPolicy(HubRoles.Operator, policy => policy.RequireRole(HubRoles.Operator));
        return services;
    }
}
