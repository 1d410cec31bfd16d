namespace IntegrationHub.Adapters.Exchanges;

public enum ExchangeKind
{
    /// <summary>One HTTP exchange with a national system or provider.</summary>
    NationalSystem = 1,
    /// <summary>One write call of an agency system to the hub.</summary>
    AgencyWrite = 2,
    /// <summary>One call of a national system or provider on the hub's HTTP endpoints (a payment callback, a delivery report), genuine or not.</summary>
    Callback = 3,
}

/// <summary>
/// What the tamper-evident exchange log keeps of one exchange: who, what, about which dossier, and
/// digests (SHA-256) of what was sent and answered, never the content itself.
/// </summary>
/// <param name="Target">The adapter (<c>national-portal</c>, <c>vnpay</c>...) or <c>hub</c> for agency writes.</param>
/// <param name="Operation">e.g. <c>POST /api/dvc/integration</c>, or the gRPC method.</param>
/// <param name="DossierIds">The dossiers an outbound delivery was about.</param>
/// <param name="Outcome">e.g. <c>HTTP 200</c>, <c>timed out</c>, <c>OK</c>, <c>InvalidArgument</c>.</param>
public sealed record ExchangeRecord(
    DateTimeOffset At, ExchangeKind Kind, string Target, string Operation, string? DossierCode, IReadOnlyList<Guid> DossierIds, string? ClientId,
    string RequestDigest, string ResponseDigest, string Outcome, TimeSpan Duration)
{
    /// <summary>The target of agency write calls: the hub itself.</summary>
    public const string HubTarget = "hub";
}
