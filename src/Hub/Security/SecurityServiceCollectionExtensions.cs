using Microsoft.AspNetCore.Authentication;

namespace IntegrationHub.Hub.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Agency clients authenticate by API key; every dossier call requires an authenticated agency client.</summary>
    public static IServiceCollection AddAgencyAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.SectionName));
        services.AddSingleton<AgencyDirectory>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        return services;
    }
}
