using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Dossiers.Calendar;

namespace IntegrationHub.Tests.Domain;

/// <summary>The clock pauses while a dossier waits for the applicant's papers or is suspended: the working days paused move its due date.</summary>
public sealed class SupplementPauseTests
{
    private static readonly WorkingCalendar Calendar = new(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), [], []);
    private static readonly Handler Clerk = new("Trần Thị Hoa", null, null);

    [Theory]
    [InlineData("2026-11-20T10:00:00+07:00", "2026-11-20T16:00:00+07:00", 0, "2026-11-25T17:00:00+07:00")] // the same day: nothing waited
    [InlineData("2026-11-20T10:00:00+07:00", "2026-11-24T09:00:00+07:00", 2, "2026-11-27T17:00:00+07:00")] // Friday to Tuesday: Monday and Tuesday
    [InlineData("2026-11-25T10:00:00+07:00", "2026-12-02T09:00:00+07:00", 5, "2026-12-02T17:00:00+07:00")] // a week, the due date passed meanwhile
    public void The_working_days_waited_move_the_due_date(string requested, string received, int waited, string due)
    {
        var dossier = Received(DateTimeOffset.Parse("2026-11-18T09:00:00+07:00"), DateTimeOffset.Parse("2026-11-25T17:00:00+07:00"));
        dossier.RecordProgress(Step(ProgressAction.RequestSupplement, requested), DateTimeOffset.UtcNow, Calendar);

        dossier.RecordProgress(Step(ProgressAction.ReceiveSupplement, received), DateTimeOffset.UtcNow, Calendar);

        var round = dossier.Supplements.Single();
        Assert.Equal((waited, DateTimeOffset.Parse(due)), (round.WorkingDaysWaited, dossier.CurrentDueAt));
        Assert.Equal((DateTimeOffset.Parse("2026-11-25T17:00:00+07:00"), dossier.CurrentDueAt), (round.DueBefore, round.DueAfter!.Value));
        Assert.Equal(DateTimeOffset.Parse("2026-11-25T17:00:00+07:00"), dossier.DueAt);
    }

    [Fact]
    public void Days_off_while_waiting_do_not_count()
    {
        // Friday 24 April to Tuesday 28 April 2026: a weekend and Giỗ Tổ's day in lieu (Monday 27), so one working day.
        var dossier = Received(DateTimeOffset.Parse("2026-04-20T09:00:00+07:00"), DateTimeOffset.Parse("2026-04-29T17:00:00+07:00"));
        dossier.RecordProgress(Step(ProgressAction.RequestSupplement, "2026-04-24T10:00:00+07:00"), DateTimeOffset.UtcNow, Calendar);

        dossier.RecordProgress(Step(ProgressAction.ReceiveSupplement, "2026-04-28T10:00:00+07:00"), DateTimeOffset.UtcNow, Calendar);

        // 29/4 plus one working day: 30/4 and 1/5 are holidays, then the weekend.
        Assert.Equal((1, DateTimeOffset.Parse("2026-05-04T17:00:00+07:00")), (dossier.Supplements.Single().WorkingDaysWaited, dossier.CurrentDueAt));
    }

    [Theory]
    [InlineData("2026-11-20T10:00:00+07:00", "2026-11-20T16:00:00+07:00", "2026-11-25T17:00:00+07:00")] // resumed the same day
    [InlineData("2026-11-20T10:00:00+07:00", "2026-11-24T09:00:00+07:00", "2026-11-27T17:00:00+07:00")] // Friday to Tuesday: two working days
    public void The_working_days_suspended_move_the_due_date_when_processing_resumes(string suspended, string resumed, string due)
    {
        var dossier = Received(DateTimeOffset.Parse("2026-11-18T09:00:00+07:00"), DateTimeOffset.Parse("2026-11-25T17:00:00+07:00"));
        dossier.RecordProgress(Step(ProgressAction.Suspend, suspended), DateTimeOffset.UtcNow, Calendar);

        dossier.RecordProgress(Step(ProgressAction.Resume, resumed), DateTimeOffset.UtcNow, Calendar);

        Assert.Equal((DossierStatus.UnderAppraisal, DateTimeOffset.Parse(due)), (dossier.Status, dossier.CurrentDueAt));
        Assert.Equal(DateTimeOffset.Parse("2026-11-25T17:00:00+07:00"), dossier.DueAt);
    }

    private static Dossier Received(DateTimeOffset receivedAt, DateTimeOffset dueAt)
    {
        var dossier = Dossier.Submit(DomainSamples.NewDossier(receivedAt, dueAt), "000.00.01.H22-261118-0001", ApplicantCheck.Unchecked(ApplicantCheckState.NotChecked), "justice-system", receivedAt);
        dossier.RecordProgress(new ProgressStep(ProgressAction.Receive, Clerk, null, receivedAt, null), receivedAt);
        return dossier;
    }

    private static ProgressStep Step(ProgressAction action, string at) => new(action, Clerk, "Thiếu giấy chứng sinh", DateTimeOffset.Parse(at), null);
}
