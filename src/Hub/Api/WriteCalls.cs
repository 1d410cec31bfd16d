using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Google.Protobuf;

namespace IntegrationHub.Hub.Api;

/// <summary>Which calls write (the ones that carry a request_id, by which a repeat is recognised), and their fingerprint.</summary>
public static class WriteCalls
{
    // The idempotency record and the exchange log both need the request's digest: it is computed once per call.
    private static readonly ConditionalWeakTable<IMessage, byte[]> Fingerprints = new();

    public static bool IsWrite(object request) => request is IMessage message && message.Descriptor.FindFieldByName("request_id") is not null;

    /// <summary>SHA-256 of the request as serialized.</summary>
    public static byte[] Fingerprint(IMessage request) => Fingerprints.GetValue(request, static message => SHA256.HashData(message.ToByteArray()));
}
