using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>
/// librdkafka's mock cluster: a real Kafka-protocol broker on loopback. It is created through
/// librdkafka's mock API on a producer's handle, rather than by <c>test.mock.num.brokers</c>, so that
/// the test holds the cluster and can take its broker down and bring it back up, to show what the hub
/// does while Kafka is unreachable.
/// </summary>
public sealed unsafe class KafkaMockCluster : IDisposable
{
    private const int BrokerId = 1;
    private readonly IProducer<Null, Null> _host;
    private readonly IntPtr _library;
    private readonly IntPtr _cluster;

    public KafkaMockCluster()
    {
        _host = new ProducerBuilder<Null, Null>(new ProducerConfig { ClientId = "mock-cluster-host" }).Build();
        _library = LoadedLibrdkafka();
        var create = (delegate* unmanaged<IntPtr, int, IntPtr>)Export("rd_kafka_mock_cluster_new");
        _cluster = create(RdKafka(_host), 1);
        if (_cluster == IntPtr.Zero)
        {
            throw new InvalidOperationException("librdkafka could not create a mock cluster");
        }
        var bootstraps = (delegate* unmanaged<IntPtr, IntPtr>)Export("rd_kafka_mock_cluster_bootstraps");
        BootstrapServers = Marshal.PtrToStringAnsi(bootstraps(_cluster))!;
    }

    public string BootstrapServers { get; }

    public void TakeBrokerDown() => SetBroker("rd_kafka_mock_broker_set_down");

    public void BringBrokerUp() => SetBroker("rd_kafka_mock_broker_set_up");

    /// <summary>Every message on the topic from the beginning, read by a real consumer, until <paramref name="enough"/> holds or the time is up.</summary>
    public List<ConsumeResult<string, byte[]>> ReadTopic(string topic, Func<List<ConsumeResult<string, byte[]>>, bool> enough, TimeSpan timeout)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = BootstrapServers,
            GroupId = "test-reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();
        consumer.Subscribe(topic);
        var read = new List<ConsumeResult<string, byte[]>>();
        var deadline = DateTime.UtcNow + timeout;
        while (!enough(read) && DateTime.UtcNow < deadline)
        {
            try
            {
                if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } result)
                {
                    read.Add(result);
                }
            }
            catch (ConsumeException e) when (e.Error.Code == ErrorCode.UnknownTopicOrPart)
            {
                // The hub has not published its first event yet; the topic appears with it.
            }
        }
        consumer.Close();
        return read;
    }

    public void Dispose()
    {
        var destroy = (delegate* unmanaged<IntPtr, void>)Export("rd_kafka_mock_cluster_destroy");
        destroy(_cluster);
        _host.Dispose();
    }

    private void SetBroker(string function)
    {
        var set = (delegate* unmanaged<IntPtr, int, int>)Export(function);
        if (set(_cluster, BrokerId) != 0)
        {
            throw new InvalidOperationException($"{function} failed");
        }
    }

    private IntPtr Export(string name) => NativeLibrary.GetExport(_library, name);

    /// <summary>The build of librdkafka Confluent.Kafka chose at run time (it ships several), already in this process.</summary>
    private static IntPtr LoadedLibrdkafka() => NativeLibrary.Load(File.ReadLines("/proc/self/maps")
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Last())
        .First(path => path.EndsWith("librdkafka.so", StringComparison.Ordinal)));

    /// <summary>The producer's rd_kafka_t, which Confluent.Kafka keeps internal.</summary>
    private static IntPtr RdKafka(IClient client) =>
        ((SafeHandle)typeof(Handle).GetProperty("LibrdkafkaHandle", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .GetValue(client.Handle)!).DangerousGetHandle();
}
