namespace IntegrationHub.Hub.Requests;

/// <summary>
/// A request field that cannot be accepted; <see cref="Field"/> is the request's field path. Thrown by
/// every room that reads requests, mapped in one place (INVALID_ARGUMENT with a google.rpc.BadRequest).
/// </summary>
public sealed class InvalidFieldException(string field, string reason) : Exception($"{field}: {reason}")
{
    public string Field { get; } = field;
    public string Reason { get; } = reason;
}
