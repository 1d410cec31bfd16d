namespace IntegrationHub.Hub.Idempotency;

/// <summary>The first answer to a write request, kept so that a repeat of it returns the same answer.</summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
    }

    public IdempotencyRecord(string clientId, string requestId, string operation, byte[] fingerprint, string response, DateTimeOffset now)
    {
        ClientId = clientId;
        RequestId = requestId;
        Operation = operation;
        Fingerprint = fingerprint;
        Response = response;
        CreatedAt = now;
    }

    public string ClientId { get; private set; } = "";
    public string RequestId { get; private set; } = "";
    public string Operation { get; private set; } = "";
    /// <summary>SHA-256 of the request, to tell a true repeat from a different request that reuses the id.</summary>
    public byte[] Fingerprint { get; private set; } = [];
    /// <summary>The answer, as JSON.</summary>
    public string Response { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
