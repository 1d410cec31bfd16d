namespace IntegrationHub.Hub.Events.Kafka;

/// <summary>The Kafka stream's place in the outbox.</summary>
public static class KafkaStream
{
    /// <summary>The outbox target of stream rows.</summary>
    public const string Target = "kafka";

    /// <summary>The outbox kind of stream rows.</summary>
    public const string Kind = "dossier-event";
}
