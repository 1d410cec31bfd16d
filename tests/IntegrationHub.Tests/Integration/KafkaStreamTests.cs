using Confluent.Kafka;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// Every dossier event on the Kafka topic, from the outbox, against librdkafka's mock cluster (a real
/// Kafka-protocol broker on loopback), read back by a real consumer.
/// </summary>
public sealed class KafkaStreamTests : HubTest, IDisposable
{
    private const string Topic = "integrationhub.dossier-events.v1";
    private readonly KafkaMockCluster _kafka = new();

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Hub:Kafka:Enabled"] = "true";
        settings["Hub:Kafka:BootstrapServers"] = _kafka.BootstrapServers;
        settings["Hub:Kafka:DeliveryTimeout"] = "00:00:02";
    }

    public void Dispose() => _kafka.Dispose();

    [Fact]
    public async Task Every_event_is_published_once_keyed_by_dossier_code_in_each_dossiers_order()
    {
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
            await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));
            await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Appraise, 2));
            codes.Add(code);
        }

        // Per dossier: three changes, and the portal's acceptance of each.
        var messages = _kafka.ReadTopic(Topic, read => read.Count >= 18, TimeSpan.FromSeconds(30));

        var events = messages.Select(m => (m.Message.Key, Event: DossierEvent.Parser.ParseFrom(m.Message.Value), Header: Header(m))).ToList();
        Assert.Equal(18, events.Count);
        Assert.Equal(18, events.Select(e => e.Event.EventId).Distinct().Count());
        Assert.All(events, e => Assert.Equal((e.Key, 0L), (e.Event.DossierCode, e.Event.Position)));
        Assert.All(events, e => Assert.Equal(e.Event.Type.ToString(), e.Header));
        foreach (var code in codes)
        {
            var changes = events.Where(e => e.Key == code && e.Event.Type != DossierEventType.Delivered).Select(e => e.Event).ToList();
            Assert.Equal([DossierEventType.Submitted, DossierEventType.ProgressRecorded, DossierEventType.ProgressRecorded], changes.Select(e => e.Type));
            Assert.Equal([1, 2, 3], changes.Select(e => e.DossierVersion));
        }
    }

    [Fact]
    public async Task Events_committed_while_the_broker_is_unreachable_are_published_when_it_returns()
    {
        _kafka.TakeBrokerDown();
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));
        await Eventually.HoldsAsync(
            async () => (await Hub.Admin.GetBacklogAsync(new GetBacklogRequest())).Targets.Single(t => t.Target == "kafka") is { Pending: > 0 }
                && await TestPostgres.ScalarAsync<int>(Hub.ConnectionString, "SELECT coalesce(max(attempts), 0) FROM outbox_messages WHERE target = 'kafka'") >= 1,
            TimeSpan.FromSeconds(20), "a failed attempt to publish");

        _kafka.BringBrokerUp();
        var messages = _kafka.ReadTopic(Topic, read => read.Count(m => m.Message.Key == code) >= 4, TimeSpan.FromSeconds(30));

        var types = messages.Select(m => DossierEvent.Parser.ParseFrom(m.Message.Value)).Where(e => e.Type != DossierEventType.Delivered).Select(e => e.Type);
        Assert.Equal([DossierEventType.Submitted, DossierEventType.ProgressRecorded], types);
        Assert.Equal(4, messages.Count);
    }

    private static string Header(ConsumeResult<string, byte[]> message) =>
        System.Text.Encoding.UTF8.GetString(message.Message.Headers.GetLastBytes("event-type"));
}
