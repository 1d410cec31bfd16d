namespace IntegrationHub.Hub.Audit;

/// <summary>
/// The hub's signature over the chain's head at one moment, as kept in the database and in the anchor
/// file, with the time-stamping authority's token over that signature when a TSA is configured.
/// </summary>
public sealed record Seal(long Position, string Hash, DateTimeOffset SealedAt, string KeyId, string Signature, byte[]? Timestamp)
{
    /// <summary>What the signature signs.</summary>
    public string Signed => SealKey.Sealed(Position, Hash);

    /// <summary>What the TSA stamps: the signature itself, so the stamp proves this seal existed at its time.</summary>
    public byte[] Stamped => Convert.FromBase64String(Signature);

    public bool SameAs(Seal other) => (Position, Hash, KeyId, Signature) == (other.Position, other.Hash, other.KeyId, other.Signature);
}
