using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Adapters.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Email;

public static class EmailServiceCollectionExtensions
{
    private static IConfigurationSection Servers(IConfiguration configuration) => configuration.GetSection($"{EmailOptions.SectionName}:Servers");

    /// <summary>Whether any SMTP server is configured.</summary>
    public static bool AnyConfigured(IConfiguration configuration) => Servers(configuration).GetChildren().Any();

    /// <summary>
    /// Each server under <c>Hub:Adapters:Email:Servers</c> becomes a <see cref="SmtpMailer"/> named
    /// <c>email-&lt;name&gt;</c>, with validated options and a health probe.
    /// </summary>
    public static IServiceCollection AddEmailServers(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<EmailOptions>(configuration, EmailOptions.SectionName);
        foreach (var server in Servers(configuration).GetChildren())
        {
            var name = $"email-{server.Key}";
            services.AddValidatedOptions<SmtpServerOptions>(configuration, server.Path, name);
            services.AddAdapterActivity(name);
            services.AddKeyedSingleton(name, (container, _) => new SmtpMailer(
                name,
                container.GetRequiredService<IOptionsMonitor<SmtpServerOptions>>().Get(name),
                container.GetRequiredService<IOptions<EmailOptions>>().Value,
                container.GetRequiredKeyedService<AdapterActivity>(name),
                container.GetRequiredService<TimeProvider>()));
            services.AddSingleton(container => container.GetRequiredKeyedService<SmtpMailer>(name));
            services.AddTransient<IAdapterProbe>(container => new SmtpServerProbe(
                container.GetRequiredKeyedService<SmtpMailer>(name), container.GetRequiredKeyedService<AdapterActivity>(name)));
        }
        return services;
    }
}
