using System.Diagnostics;
using System.Text;
using IntegrationHub.Adapters.Exchanges;
using IntegrationHub.Hub.Idempotency;

namespace IntegrationHub.Hub.Audit;

/// <summary>
/// One agency call's exchange-log entry, saved in its write's transaction: a committed write cannot lose
/// its entry, even to a crash a moment later. The answer's digest is over the answer as stored for repeats.
/// </summary>
public sealed class AgencyWriteJournal : IWriteJournal
{
    private AgencyCall? _call;

    /// <summary>Whether this call's entry committed with its write (nothing else needs recording it then).</summary>
    public bool Recorded { get; private set; }

    /// <summary>The call whose writes are journaled: set by <see cref="AgencyWriteRecordingInterceptor"/>.</summary>
    public void Begin(AgencyCall call) => _call = call;

    public object? Entry(string operation, string? subject, string answer) => _call is { } call
        ? new AgencyWriteEntry(
            call.At, call.Method, call.DossierCode ?? subject, call.ClientId, call.RequestDigest, ExchangeDigest.Of(Encoding.UTF8.GetBytes(answer)),
            (long)Stopwatch.GetElapsedTime(call.Started).TotalMicroseconds)
        : null;

    public void Committed() => Recorded = _call is not null;
}

/// <summary>Who called which method when, about which dossier, with the request's digest.</summary>
public sealed record AgencyCall(DateTimeOffset At, long Started, string Method, string? DossierCode, string? ClientId, string RequestDigest)
{
    public static AgencyCall Now(TimeProvider clock, string method, string? dossierCode, string? clientId, string requestDigest) =>
        new(clock.GetUtcNow(), Stopwatch.GetTimestamp(), method, dossierCode, clientId, requestDigest);
}
