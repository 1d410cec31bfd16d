using IntegrationHub.Adapters.Configuration;
using Confluent.Kafka;
using IntegrationHub.Hub.Events.Kafka;
using IntegrationHub.Hub.Outbox;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>
    /// The dossier event log, its sequencer, the feed WatchEvents reads, and, when <c>Hub:Kafka:Enabled</c>,
    /// publishing every event to Kafka through the outbox.
    /// </summary>
    public static IServiceCollection AddDossierEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<EventOptions>(configuration, EventOptions.SectionName);
        services.AddValidatedOptions<KafkaOptions>(configuration, KafkaOptions.SectionName);
        services.AddSingleton<EventSignals>();
        services.AddSingleton<DeliveryEvents>();
        services.AddSingleton<IDeliveryObserver>(container => container.GetRequiredService<DeliveryEvents>());
        services.AddSingleton<EventStreamRows>();
        services.AddScoped<EventFeed>();
        services.AddScoped<EventWatcher>();
        services.AddHostedService<EventSequencer>();
        services.AddHostedService<EventNotifications>();

        if (configuration.GetSection(KafkaOptions.SectionName).Get<KafkaOptions>() is { Enabled: true })
        {
            services.AddSingleton(provider => CreateProducer(
                provider.GetRequiredService<IOptions<KafkaOptions>>().Value, provider.GetRequiredService<ILogger<KafkaEventPublisher>>()));
            services.AddOutboxTarget<KafkaEventSubscriber, KafkaEventPublisher>(KafkaStream.Target);
        }
        return services;
    }

    private static IProducer<string, byte[]> CreateProducer(KafkaOptions options, ILogger logger)
    {
        var config = new ProducerConfig(options.Settings)
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = "integration-hub",
            EnableIdempotence = true,
            Acks = Acks.All,
            MessageTimeoutMs = (int)options.DeliveryTimeout.TotalMilliseconds,
            LingerMs = 5,
        };
        // librdkafka writes to stderr unless told otherwise; its reports belong in the hub's log.
        return new ProducerBuilder<string, byte[]>(config)
            .SetLogHandler((_, message) => logger.Log(LevelOf(message.Level), "Kafka {Facility}: {Message}", message.Facility, message.Message))
            .SetErrorHandler((_, error) => logger.LogWarning("Kafka: {Code}: {Reason}", error.Code, error.Reason))
            .Build();
    }

    private static LogLevel LevelOf(SyslogLevel level) => level switch
    {
        <= SyslogLevel.Error => LogLevel.Error,
        SyslogLevel.Warning => LogLevel.Warning,
        SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
        _ => LogLevel.Debug,
    };
}
