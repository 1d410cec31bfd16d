using IntegrationHub.Adapters.Configuration;
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
        services.AddValidatedOptions<AccessOptions>(configuration, AccessOptions.SectionName)
            .Validate(
                o => o.Clients.SelectMany(c => c.Agencies).All(code => o.Agencies.Any(a => a.Code == code && !string.IsNullOrWhiteSpace(a.Name))),
                "Every agency a client acts for needs its name in Hub:Access:Agencies: the national portal is told the handling agency by name (DonViXuLy)");
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
