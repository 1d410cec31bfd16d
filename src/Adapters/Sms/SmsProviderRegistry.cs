using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace IntegrationHub.Adapters.Sms;

/// <summary>
/// The SMS providers the hub knows, each added by one call; those with a configuration section become an
/// <see cref="ISmsProvider"/> with validated options, its pipeline, its Refit client and its health probe.
/// </summary>
public sealed class SmsProviderRegistry(IServiceCollection services, IConfiguration configuration)
{
    private readonly HashSet<string> _known = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="name">The provider's name: its section under <c>Hub:Adapters:Sms</c>, its adapter name and its delivery-report path.</param>
    /// <param name="displayName">How operators see it in health reports.</param>
    /// <param name="wire">Refit's settings for its wire, when they are not Refit's defaults.</param>
    public SmsProviderRegistry Add<TProvider, TOptions, TApi>(string name, string displayName, RefitSettings? wire = null)
        where TProvider : class, ISmsProvider
        where TOptions : SmsProviderOptions
        where TApi : class
    {
        _known.Add(name);
        var section = configuration.GetSection($"{SmsServiceCollectionExtensions.SectionName}:{name}");
        if (!section.Exists())
        {
            return this;
        }
        services.AddValidatedOptions<TOptions>(configuration, section.Path);
        services.AddAdapterActivity(name);
        services.AddTransient<TProvider>();
        services.AddTransient<ISmsProvider>(container => container.GetRequiredService<TProvider>());
        services.AddTransient<IAdapterProbe>(container => new SmsProviderProbe(
            container.GetRequiredService<TProvider>(), displayName, container.GetRequiredKeyedService<AdapterActivity>(name)));
        services.AddRefitGeneratedClient<TApi>(wire)
            .ConfigureHttpClient((container, client) => client.BaseAddress = container.GetRequiredService<IOptions<TOptions>>().Value.BaseUrl)
            .AddAdapterPipeline(name, container => container.GetRequiredService<IOptions<TOptions>>().Value);
        return this;
    }

    /// <exception cref="InvalidOperationException">A section under <c>Hub:Adapters:Sms</c> names no provider the hub knows.</exception>
    public IServiceCollection Complete()
    {
        var unknown = configuration.GetSection(SmsServiceCollectionExtensions.SectionName).GetChildren().Select(c => c.Key).Where(key => !_known.Contains(key)).ToList();
        return unknown.Count == 0 ? services : throw new InvalidOperationException(
            $"{SmsServiceCollectionExtensions.SectionName}:{string.Join(", ", unknown)} names no SMS provider the hub knows ({string.Join(", ", _known.Order())})");
    }
}
