namespace IntegrationHub.Hub.Outbox;

/// <summary>How the dispatcher works through the outbox; bound from <c>Hub:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Hub:Outbox";

    /// <summary>Rows claimed per round. At most one row per (dossier, target) is in a round, so this is also the number of dossiers served at once.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Dispatcher loops per process. A round lasts as long as its slowest delivery, so several loops keep one slow target call from holding up the rest.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Deliveries in flight at once within a round.</summary>
    public int MaxParallelism { get; set; } = 32;

    /// <summary>How often to look for due rows when nothing new was committed by this process.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long a woken dispatcher waits before claiming, so that rows committed at about the same
    /// time go out in one round instead of one round each. Adds this much to delivery latency.
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Attempts before a transiently failing delivery is dead-lettered for an operator, once it is also
    /// <see cref="GiveUpAfter"/> old.
    /// </summary>
    public int MaxAttempts { get; set; } = 100;

    /// <summary>
    /// How long a change that fails transiently is retried at least, from when it was written, before
    /// <see cref="MaxAttempts"/> can dead-letter it. A count alone is no measure of time: while a target fails, its
    /// waiting changes are also tried at its probes (<see cref="RecoveryProbeInterval"/>) and circuit trials, far
    /// oftener than their backoff (one had 90 attempts after a 15-minute outage). The default outlasts a weekend's
    /// outage; the backlog's age (<c>hub_outbox_oldest_pending_age_seconds</c>) tells operators long before.
    /// </summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(3);

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a row whose call went unanswered (a timeout, a reset, a gateway's 502 or 504: the hub stopped waiting,
    /// not the target) waits before it is tried again, whatever its backoff or the target's recovery. Its retry first
    /// asks the target whether it holds the change, and a call still on its way through the target would not show
    /// yet: the retry would send the change a second time. The default outlasts a request at the target's end (an
    /// ASP.NET request on IIS runs at most 110 s by default).
    /// </summary>
    public TimeSpan InDoubtDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// While a target fails, its oldest waiting row is tried this often whatever its backoff, and a target that took a
    /// retried delivery has its waiting rows made due at most this often (<see cref="TargetRecovery"/>).
    /// </summary>
    public TimeSpan RecoveryProbeInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a claimed row is left to the dispatcher that claimed it. Its deliveries are cancelled
    /// <see cref="LeaseMargin"/> before the lease ends, so a row is never in two dispatchers' hands; a row
    /// whose lease ends unrecorded (the process died) is claimed again as in doubt.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan LeaseMargin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often changes left queued behind no undelivered change are released (<see cref="StrandedChangesJob"/>);
    /// the recording of each delivery releases those behind it, so this only catches what went around it.
    /// </summary>
    public TimeSpan StrandedCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest answer text kept per row for operators.</summary>
    public int MaxAnswerLength { get; set; } = 4000;
}
