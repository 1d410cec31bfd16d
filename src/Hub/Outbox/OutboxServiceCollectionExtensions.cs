namespace IntegrationHub.Hub.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The transactional outbox and its dispatcher. Targets add an <see cref="IOutboxSubscriber"/> and an <see cref="IOutboxHandler"/>.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxBacklog>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
