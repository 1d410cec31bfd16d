using Google.Protobuf;

namespace IntegrationHub.Hub.Grpc;

/// <summary>Which calls write: the ones that carry a request_id, by which a repeat is recognised.</summary>
public static class WriteCalls
{
    public static bool IsWrite(object request) => request is IMessage message && message.Descriptor.FindFieldByName("request_id") is not null;
}
