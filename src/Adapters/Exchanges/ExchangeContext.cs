namespace IntegrationHub.Adapters.Exchanges;

/// <summary>
/// Whose call, and which dossiers, the exchanges made below this point belong to: set by the agency
/// call or the outbox delivery that causes them, read by <see cref="ExchangeRecordingHandler"/>.
/// </summary>
public sealed record ExchangeContext(string? ClientId, string? DossierCode, IReadOnlyList<Guid> DossierIds)
{
    private static readonly AsyncLocal<ExchangeContext?> Ambient = new();

    public static ExchangeContext? Current => Ambient.Value;

    /// <summary>Sets the context until the returned scope is disposed.</summary>
    public static IDisposable Begin(string? clientId, string? dossierCode, IReadOnlyList<Guid>? dossierIds = null)
    {
        var previous = Ambient.Value;
        Ambient.Value = new ExchangeContext(clientId, dossierCode, dossierIds ?? []);
        return new Scope(previous);
    }

    private sealed class Scope(ExchangeContext? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
