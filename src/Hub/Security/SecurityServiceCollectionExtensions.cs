using Microsoft.AspNetCore.Authentication;

namespace IntegrationHub.Hub.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Agency clients and operators authenticate by API key; each service admits one of the two roles.</summary>
    public static IServiceCollection AddAgencyAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.SectionName));
        services.AddSingleton<AgencyDirectory>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(HubRoles.Agency, policy => policy.RequireRole(HubRoles.Agency))
            .AddPolicy(HubRoles.Operator, policy => policy.RequireRole(HubRoles.Operator));
        return services;
    }
}
