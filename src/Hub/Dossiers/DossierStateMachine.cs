namespace IntegrationHub.Hub.Dossiers;

/// <summary>Which action may follow which status, and the status it leads to.</summary>
public static class DossierStateMachine
{
    private static readonly DossierStatus[] InProcess =
        [DossierStatus.Received, DossierStatus.UnderAppraisal, DossierStatus.Approved, DossierStatus.SupplementRequested];

    private static readonly Dictionary<ProgressAction, (DossierStatus[] From, DossierStatus To)> Transitions = new()
    {
        [ProgressAction.Receive] = ([DossierStatus.New], DossierStatus.Received),
        [ProgressAction.Appraise] = ([DossierStatus.Received], DossierStatus.UnderAppraisal),
        [ProgressAction.Approve] = ([DossierStatus.UnderAppraisal], DossierStatus.Approved),
        [ProgressAction.Sign] = ([DossierStatus.Approved], DossierStatus.Signed),
        [ProgressAction.ReturnResult] = ([DossierStatus.Signed], DossierStatus.ResultReturned),
        [ProgressAction.Finish] = ([DossierStatus.ResultReturned], DossierStatus.Finished),
        [ProgressAction.RequestSupplement] = ([DossierStatus.Received, DossierStatus.UnderAppraisal, DossierStatus.Approved], DossierStatus.SupplementRequested),
        [ProgressAction.ReceiveSupplement] = ([DossierStatus.SupplementRequested], DossierStatus.UnderAppraisal),
        [ProgressAction.Reject] = ([DossierStatus.New, .. InProcess], DossierStatus.Rejected),
        [ProgressAction.Suspend] = (InProcess, DossierStatus.Suspended),
        [ProgressAction.Resume] = ([DossierStatus.Suspended], DossierStatus.UnderAppraisal),
        [ProgressAction.Withdraw] = ([DossierStatus.New, .. InProcess], DossierStatus.Withdrawn),
    };

    /// <summary>
    /// Statuses in which the dossier's clock is stopped: it waits for the applicant's papers, or is suspended. Its due date
    /// moves when it leaves them; meanwhile it is not overdue.
    /// </summary>
    public static readonly IReadOnlyList<DossierStatus> ClockStopped = [DossierStatus.SupplementRequested, DossierStatus.Suspended];

    /// <summary>The status after <paramref name="action"/>, or null when the action is not allowed from <paramref name="current"/>.</summary>
    public static DossierStatus? Next(DossierStatus current, ProgressAction action) =>
        Transitions.TryGetValue(action, out var rule) && rule.From.Contains(current) ? rule.To : null;

    /// <summary>Statuses in which a signed result may be attached: from the Sign step on, never before.</summary>
    public static bool AcceptsResults(DossierStatus status) => status is
        DossierStatus.Signed or DossierStatus.ResultReturned or DossierStatus.Finished;
}
