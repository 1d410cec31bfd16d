using System.Text.Json;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.Resilience;
using IntegrationHub.Adapters.Sms.Esms;
using IntegrationHub.Adapters.Sms.Viettel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace IntegrationHub.Adapters.Sms;

public static class SmsServiceCollectionExtensions
{
    /// <summary>Whether any SMS provider is configured.</summary>
    public static bool AnyConfigured(IConfiguration configuration) =>
        configuration.GetSection(EsmsOptions.SectionName).Exists() || configuration.GetSection(ViettelOptions.SectionName).Exists();

    /// <summary>
    /// The SMS providers that are configured (<c>Hub:Adapters:Sms:Esms</c>, <c>Hub:Adapters:Sms:Viettel</c>),
    /// each an <see cref="ISmsProvider"/> with its pipeline and its health probe.
    /// </summary>
    public static IServiceCollection AddSmsProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProvider<EsmsOptions, IEsmsApi, EsmsProvider>(
            configuration, EsmsOptions.SectionName, EsmsProvider.ProviderName, "eSMS", new SystemTextJsonContentSerializer(new JsonSerializerOptions()));
        services.AddProvider<ViettelOptions, IViettelSmsApi, ViettelProvider>(configuration, ViettelOptions.SectionName, ViettelProvider.ProviderName, "Viettel", null);
        return services;
    }

    private static void AddProvider<TOptions, TApi, TProvider>(
        this IServiceCollection services, IConfiguration configuration, string section, string name, string displayName, IHttpContentSerializer? serializer)
        where TOptions : SmsProviderOptions
        where TApi : class
        where TProvider : class, ISmsProvider
    {
        if (!configuration.GetSection(section).Exists())
        {
            return;
        }
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddAdapterActivity(name);
        services.AddTransient<TProvider>();
        services.AddTransient<ISmsProvider>(container => container.GetRequiredService<TProvider>());
        services.AddTransient<IAdapterProbe>(container => new SmsProviderProbe(
            container.GetRequiredService<TProvider>(), displayName, container.GetRequiredKeyedService<AdapterActivity>(name)));
        services.AddRefitGeneratedClient<TApi>(serializer is null ? null : new RefitSettings(serializer))
            .ConfigureHttpClient((container, client) => client.BaseAddress = container.GetRequiredService<IOptions<TOptions>>().Value.BaseUrl)
            .AddAdapterPipeline(name, container => container.GetRequiredService<IOptions<TOptions>>().Value);
    }
}
