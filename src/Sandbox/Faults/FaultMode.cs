namespace IntegrationHub.Sandbox.Faults;

/// <summary>How a simulated national system misbehaves on a failing call.</summary>
public enum FaultMode
{
    /// <summary>HTTP 500 with an HTML error page.</summary>
    ServerError,
    /// <summary>HTTP 503: the system is down.</summary>
    Unavailable,
    /// <summary>HTTP 200 with a body that is not the system's JSON.</summary>
    MalformedBody,
    /// <summary>No answer until long after any sane client timeout.</summary>
    Hang,
    /// <summary>
    /// The call is processed, then its answer is lost: no answer until long after any sane client
    /// timeout, as when a link fails on the way back. The caller cannot tell whether it took effect.
    /// </summary>
    AnswerLost,
}
