using Grpc.Core;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>An agency system following its dossiers over WatchEvents, across disconnects.</summary>
public sealed class WatchEventsTests : HubTest
{
    [Fact]
    public async Task A_dossiers_events_arrive_in_the_order_they_happened_with_rising_positions()
    {
        var code = await SubmitWithStepsAsync(ProgressAction.Receive, ProgressAction.Appraise);

        // The three changes, and the portal's acceptance of each.
        var events = await EventWatch.ReadAsync(Hub.Justice, after: 0, count: 6);

        Assert.All(events, e => Assert.Equal(code, e.DossierCode));
        Assert.True(events.Zip(events.Skip(1)).All(pair => pair.First.Position < pair.Second.Position));
        var changes = events.Where(e => e.Type != DossierEventType.Delivered).ToList();
        Assert.Equal([DossierEventType.Submitted, DossierEventType.ProgressRecorded, DossierEventType.ProgressRecorded], changes.Select(e => e.Type));
        Assert.Equal([1, 2, 3], changes.Select(e => e.DossierVersion));
        Assert.Equal([ProgressAction.Unspecified, ProgressAction.Receive, ProgressAction.Appraise], changes.Select(e => e.Action));
        Assert.Equal(DossierStatus.UnderAppraisal, changes[^1].Status);
        var delivered = events.Where(e => e.Type == DossierEventType.Delivered).ToList();
        Assert.Equal([1, 2, 3], delivered.Select(e => e.DossierVersion));
        Assert.All(delivered, e => Assert.Equal("national-portal", e.Target));
        Assert.Equal(6, events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task A_watch_resumed_after_the_last_position_received_misses_nothing_and_repeats_nothing()
    {
        await SubmitWithStepsAsync(ProgressAction.Receive);
        var first = await EventWatch.ReadAsync(Hub.Justice, after: 0, count: 3);

        await SubmitWithStepsAsync(ProgressAction.Receive, ProgressAction.Appraise);
        var resumed = await EventWatch.ReadAsync(Hub.Justice, after: first[^1].Position, count: 5);

        var everything = await EventWatch.ReadAsync(Hub.Justice, after: 0, count: first.Count + resumed.Count);
        Assert.Equal(everything.Select(e => e.EventId), first.Concat(resumed).Select(e => e.EventId));
        Assert.True(resumed[0].Position > first[^1].Position);
    }

    [Fact]
    public async Task A_watch_that_is_open_receives_new_events_as_they_happen()
    {
        using var watch = Hub.Justice.WatchEvents(new WatchEventsRequest(), cancellationToken: Timeout(15));
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;

        Assert.True(await watch.ResponseStream.MoveNext());
        Assert.Equal((DossierEventType.Submitted, code), (watch.ResponseStream.Current.Type, watch.ResponseStream.Current.DossierCode));
    }

    [Fact]
    public async Task A_client_follows_only_the_dossiers_of_its_own_agencies()
    {
        await Hub.Construction.SubmitDossierAsync(Samples.Submission(TestAgencies.ConstructionCode));
        var own = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        await Hub.Construction.SubmitDossierAsync(Samples.Submission(TestAgencies.ConstructionCode));

        var events = await EventWatch.ReadAsync(Hub.Justice, after: 0, count: 10, within: TimeSpan.FromSeconds(3));

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal((own, TestAgencies.JusticeCode), (e.DossierCode, e.AgencyCode)));
    }

    [Fact]
    public async Task Following_an_agency_the_client_may_not_act_for_is_refused()
    {
        using var watch = Hub.Justice.WatchEvents(new WatchEventsRequest { AgencyCodes = { TestAgencies.ConstructionCode } }, cancellationToken: Timeout(10));

        var refused = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task A_dead_lettered_delivery_is_an_event_with_the_portals_reason()
    {
        Hub.Portal.RejectDossier($"{TestAgencies.JusticeCode}-REJECTED-0003", "ChuHoSo: không hợp lệ");
        await Hub.Justice.SubmitDossierAsync(Samples.Submission(code: $"{TestAgencies.JusticeCode}-REJECTED-0003"));

        var events = await EventWatch.ReadAsync(Hub.Justice, after: 0, count: 2);

        Assert.Equal(DossierEventType.DeadLettered, events[1].Type);
        Assert.Equal("national-portal", events[1].Target);
        Assert.Contains("ChuHoSo: không hợp lệ", events[1].Detail);
    }

    private async Task<string> SubmitWithStepsAsync(params ProgressAction[] steps)
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        for (var i = 0; i < steps.Length; i++)
        {
            await Hub.Justice.RecordProgressAsync(Samples.Step(code, steps[i], i + 1));
        }
        return code;
    }

    private static CancellationToken Timeout(double seconds) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
