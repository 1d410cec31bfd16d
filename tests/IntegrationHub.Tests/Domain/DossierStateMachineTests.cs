using IntegrationHub.Hub.Dossiers;

namespace IntegrationHub.Tests.Domain;

public sealed class DossierStateMachineTests
{
    [Theory]
    [InlineData(DossierStatus.New, ProgressAction.Receive, DossierStatus.Received)]
    [InlineData(DossierStatus.Received, ProgressAction.Appraise, DossierStatus.UnderAppraisal)]
    [InlineData(DossierStatus.UnderAppraisal, ProgressAction.Approve, DossierStatus.Approved)]
    [InlineData(DossierStatus.Approved, ProgressAction.Sign, DossierStatus.Signed)]
    [InlineData(DossierStatus.Signed, ProgressAction.ReturnResult, DossierStatus.ResultReturned)]
    [InlineData(DossierStatus.ResultReturned, ProgressAction.Finish, DossierStatus.Finished)]
    [InlineData(DossierStatus.UnderAppraisal, ProgressAction.RequestSupplement, DossierStatus.SupplementRequested)]
    [InlineData(DossierStatus.SupplementRequested, ProgressAction.ReceiveSupplement, DossierStatus.UnderAppraisal)]
    [InlineData(DossierStatus.New, ProgressAction.Reject, DossierStatus.Rejected)]
    [InlineData(DossierStatus.Approved, ProgressAction.Suspend, DossierStatus.Suspended)]
    [InlineData(DossierStatus.Suspended, ProgressAction.Resume, DossierStatus.UnderAppraisal)]
    [InlineData(DossierStatus.SupplementRequested, ProgressAction.Withdraw, DossierStatus.Withdrawn)]
    public void An_allowed_action_leads_to_its_status(DossierStatus from, ProgressAction action, DossierStatus to) =>
        Assert.Equal(to, DossierStateMachine.Next(from, action));

    [Theory]
    [InlineData(DossierStatus.New, ProgressAction.Approve)]
    [InlineData(DossierStatus.Received, ProgressAction.Sign)]
    [InlineData(DossierStatus.Signed, ProgressAction.RequestSupplement)]
    [InlineData(DossierStatus.ResultReturned, ProgressAction.Reject)]
    [InlineData(DossierStatus.Rejected, ProgressAction.Receive)]
    [InlineData(DossierStatus.Withdrawn, ProgressAction.Appraise)]
    [InlineData(DossierStatus.Suspended, ProgressAction.Approve)]
    [InlineData(DossierStatus.New, ProgressAction.ReceiveSupplement)]
    [InlineData(DossierStatus.UnderAppraisal, ProgressAction.Resume)]
    public void An_action_out_of_turn_is_not_allowed(DossierStatus from, ProgressAction action) =>
        Assert.Null(DossierStateMachine.Next(from, action));

    [Fact]
    public void A_finished_dossier_allows_no_further_step() =>
        Assert.All(Enum.GetValues<ProgressAction>(), action => Assert.Null(DossierStateMachine.Next(DossierStatus.Finished, action)));

    [Fact]
    public void Recording_a_step_raises_the_version_and_keeps_the_times_the_portal_needs()
    {
        var dossier = Dossier.Submit(DomainSamples.NewDossier(DateTimeOffset.Parse("2026-11-20T02:30:00Z")), "X-1", ApplicantCheck.Unchecked(ApplicantCheckState.NotChecked), "client", DateTimeOffset.UtcNow);
        var handler = new Handler("Trần Thị Hoa", null, null);
        foreach (var (action, minutes) in new[] { (ProgressAction.Receive, 1), (ProgressAction.Appraise, 2), (ProgressAction.Approve, 3), (ProgressAction.Sign, 4), (ProgressAction.ReturnResult, 5) })
        {
            dossier.RecordProgress(new ProgressStep(action, handler, null, dossier.ReceivedAt.AddMinutes(minutes), null), DateTimeOffset.UtcNow);
        }

        Assert.Equal(6, dossier.Version);
        Assert.Equal(DossierStatus.ResultReturned, dossier.Status);
        Assert.Equal(dossier.ReceivedAt.AddMinutes(4), dossier.ProcessingEndedAt);
        Assert.Equal(dossier.ReceivedAt.AddMinutes(5), dossier.ResultReturnedAt);
        Assert.Equal([2, 3, 4, 5, 6], dossier.Timeline.Select(t => t.Version));
    }

    [Fact]
    public void A_refused_step_changes_nothing()
    {
        var dossier = Dossier.Submit(DomainSamples.NewDossier(DateTimeOffset.Parse("2026-11-20T02:30:00Z")), "X-1", ApplicantCheck.Unchecked(ApplicantCheckState.NotChecked), "client", DateTimeOffset.UtcNow);

        var error = Assert.Throws<DossierStateException>(() =>
            dossier.RecordProgress(new ProgressStep(ProgressAction.Sign, new Handler("A", null, null), null, dossier.ReceivedAt.AddMinutes(1), null), DateTimeOffset.UtcNow));

        Assert.Contains("is New", error.Message);
        Assert.Equal(1, dossier.Version);
        Assert.Empty(dossier.Timeline);
    }
}
