using Google.Protobuf.WellKnownTypes;

namespace IntegrationHub.Hub.Api;

/// <summary>An optional instant as the wire carries it: absent when there is none.</summary>
public static class Timestamps
{
    public static Timestamp? Of(DateTimeOffset? instant) => instant is { } value ? Timestamp.FromDateTimeOffset(value) : null;
}
