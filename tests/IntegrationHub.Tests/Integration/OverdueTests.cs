using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Hub.Deadlines;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>The scheduled job that notices due dates passing.</summary>
public sealed class OverdueTests : HubTest
{
    [Fact]
    public async Task An_open_dossier_past_its_due_date_raises_one_overdue_event_however_often_the_job_runs()
    {
        var late = await SubmitAsync(due: DateTimeOffset.UtcNow.AddHours(-1));
        var withdrawn = await SubmitAsync(due: DateTimeOffset.UtcNow.AddHours(-1));
        await Hub.Justice.RecordProgressAsync(Samples.Step(withdrawn, ProgressAction.Withdraw, 1));
        await SubmitAsync(due: DateTimeOffset.UtcNow.AddDays(3));
        await RunJobAsync(expectMarked: 1);

        var laterStill = await SubmitAsync(due: DateTimeOffset.UtcNow.AddMinutes(-1));
        await RunJobAsync(expectMarked: 2);

        var overdue = await OverdueEventsAsync();
        Assert.Equal([late, laterStill], overdue.Select(e => e.DossierCode));
        Assert.All(overdue, e => Assert.Equal(DossierStatus.New, e.Status));
    }

    [Fact]
    public async Task A_rescheduled_dossier_is_overdue_again_only_once_its_new_date_has_passed()
    {
        var late = await SubmitAsync(due: DateTimeOffset.UtcNow.AddHours(-1));
        await RunJobAsync(expectMarked: 1);
        await Hub.Justice.RescheduleDossierAsync(Samples.Reschedule(late, DateTimeOffset.UtcNow.AddDays(2)));
        await Hub.RunOnceAsync(OverdueDossierJob.Key);
        Assert.Single(await OverdueEventsAsync());

        // Two days pass.
        await TestPostgres.ExecuteAsync(Hub.ConnectionString, $"""
            UPDATE dossiers SET overdue_at = overdue_at - interval '2 days 1 minute', rescheduled_due_at = rescheduled_due_at - interval '2 days 1 minute'
            WHERE code = '{late}'
            """);
        await Hub.RunOnceAsync(OverdueDossierJob.Key);
        await Hub.RunOnceAsync(OverdueDossierJob.Key);

        var overdue = await OverdueEventsAsync();
        Assert.Equal([late, late], overdue.Select(e => e.DossierCode));
    }

    [Theory]
    [InlineData(ProgressAction.RequestSupplement)]
    [InlineData(ProgressAction.Suspend)]
    public async Task A_dossier_whose_clock_is_stopped_is_not_overdue_while_it_is(ProgressAction pause)
    {
        var waiting = await SubmitAsync(due: DateTimeOffset.UtcNow.AddHours(-1));
        await Hub.Justice.RecordProgressAsync(Samples.Step(waiting, ProgressAction.Receive, 1));
        await Hub.Justice.RecordProgressAsync(Samples.Step(waiting, pause, 2));
        var late = await SubmitAsync(due: DateTimeOffset.UtcNow.AddHours(-1));

        await RunJobAsync(expectMarked: 1);

        Assert.Equal([late], (await OverdueEventsAsync()).Select(e => e.DossierCode));
    }

    private async Task<string> SubmitAsync(DateTimeOffset due)
    {
        var submission = Samples.Submission();
        submission.DueAt = Timestamp.FromDateTimeOffset(due);
        return (await Hub.Justice.SubmitDossierAsync(submission)).DossierCode;
    }

    private async Task RunJobAsync(int expectMarked)
    {
        await Hub.RunOnceAsync(OverdueDossierJob.Key);
        Assert.Equal(expectMarked, await MarkedAsync());
    }

    private async Task<long> MarkedAsync() =>
        await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossiers WHERE overdue_at IS NOT NULL");

    private async Task<List<DossierEvent>> OverdueEventsAsync() =>
        [.. (await EventWatch.ReadAsync(Hub.Justice, after: 0, count: int.MaxValue, within: TimeSpan.FromSeconds(3))).Where(e => e.Type == DossierEventType.Overdue)];
}
