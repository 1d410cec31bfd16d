namespace IntegrationHub.Hub.Events.Kafka;

/// <summary>Publishing dossier events to Kafka; bound from <c>Hub:Kafka</c>. Off unless enabled.</summary>
public sealed class KafkaOptions
{
    public const string SectionName = "Hub:Kafka";

    public bool Enabled { get; set; }

    /// <summary>host:port[,host:port...]</summary>
    public string BootstrapServers { get; set; } = "";

    public string Topic { get; set; } = "integrationhub.dossier-events.v1";

    /// <summary>
    /// How long the producer tries one batch before reporting it failed; the outbox then retries later
    /// with its own backoff, so a broker that is away for hours loses nothing.
    /// </summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Events published per outbox call.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Further librdkafka settings (security.protocol, sasl.*, ssl.*, ...), passed as they are.</summary>
    public Dictionary<string, string> Settings { get; set; } = [];
}
