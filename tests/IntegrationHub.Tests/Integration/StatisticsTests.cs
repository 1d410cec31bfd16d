using Google.Protobuf.WellKnownTypes;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>AdminService.GetStats for a seeded October, checked against figures worked out by hand.</summary>
public sealed class StatisticsTests : HubTest
{
    private const string Birth = "1.000894";
    private const string Marriage = "2.000001";
    private static readonly DateTimeOffset October = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Stats_per_agency_and_procedure_match_the_hand_computed_figures()
    {
        await SeedOctoberAsync();

        var stats = await Hub.Admin.GetStatsAsync(new GetStatsRequest { From = Timestamp.FromDateTimeOffset(October), To = Timestamp.FromDateTimeOffset(October.AddMonths(1)) });

        // Justice, birth: received A B C D F; finished A (on its due day, 71 h), B (late, 72 h), E (late, 168 h); C overdue.
        AssertFigures(stats.Rows[0], TestAgencies.JusticeCode, Birth, received: 5, finished: 3, onTime: 1, overdue: 1, rate: 1.0 / 3, hours: 311.0 / 3);
        // Justice, marriage: G (level 4) rejected two days before its due date after 24 h.
        AssertFigures(stats.Rows[1], TestAgencies.JusticeCode, Marriage, received: 1, finished: 1, onTime: 1, overdue: 0, rate: 1, hours: 24);
        // Construction, birth: I open past its due date; H was received in November and does not count.
        AssertFigures(stats.Rows[2], TestAgencies.ConstructionCode, Birth, received: 1, finished: 0, onTime: 0, overdue: 1, rate: 0, hours: 0);
        Assert.Equal(3, stats.Rows.Count);
        AssertFigures(stats.Total, "", "", received: 7, finished: 4, onTime: 2, overdue: 2, rate: 0.5, hours: 83.75);
        // Early (before the due date's day, GMT+7), on the due day, late: A on its day; B and E late; G early.
        Assert.Equal([(0, 2), (1, 0), (0, 0)], stats.Rows.Select(r => (r.FinishedEarly, r.FinishedLate)));
        Assert.Equal((1, 2), (stats.Total.FinishedEarly, stats.Total.FinishedLate));
    }

    [Fact]
    public async Task Stats_per_service_level_match_the_hand_computed_figures()
    {
        await SeedOctoberAsync();

        var stats = await Hub.Admin.GetStatsAsync(new GetStatsRequest { From = Timestamp.FromDateTimeOffset(October), To = Timestamp.FromDateTimeOffset(October.AddMonths(1)) });

        Assert.Equal([ServiceLevel._3, ServiceLevel._4], stats.ByServiceLevel.Select(r => r.ServiceLevel));
        // Level 3: A B C D F I received; A B E finished (A on time); C and I overdue.
        AssertFigures(stats.ByServiceLevel[0], "", "", received: 6, finished: 3, onTime: 1, overdue: 2, rate: 1.0 / 3, hours: 311.0 / 3);
        // Level 4: G, early.
        AssertFigures(stats.ByServiceLevel[1], "", "", received: 1, finished: 1, onTime: 1, overdue: 0, rate: 1, hours: 24);
        Assert.Equal([(0, 2), (1, 0)], stats.ByServiceLevel.Select(r => (r.FinishedEarly, r.FinishedLate)));
    }

    [Fact]
    public async Task Stats_can_be_narrowed_to_one_agency_and_procedure()
    {
        await SeedOctoberAsync();

        var stats = await Hub.Admin.GetStatsAsync(new GetStatsRequest
        {
            From = Timestamp.FromDateTimeOffset(October), To = Timestamp.FromDateTimeOffset(October.AddMonths(1)), AgencyCode = TestAgencies.JusticeCode, ProcedureCode = Marriage,
        });

        AssertFigures(stats.Rows.Single(), TestAgencies.JusticeCode, Marriage, received: 1, finished: 1, onTime: 1, overdue: 0, rate: 1, hours: 24);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused()
    {
        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => Hub.Admin.GetStatsAsync(
            new GetStatsRequest { From = Timestamp.FromDateTimeOffset(October), To = Timestamp.FromDateTimeOffset(October) }).ResponseAsync);

        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("to: must be after from", refused.Status.Detail);
    }

    private async Task SeedOctoberAsync()
    {
        var day = (int d, int hour) => October.AddDays(d - 1).AddHours(hour);
        await DossierAsync(TestAgencies.JusticeCode, Birth, received: day(5, 8), due: day(8, 8), ProgressAction.Sign, at: day(8, 7));        // A
        await DossierAsync(TestAgencies.JusticeCode, Birth, received: day(10, 8), due: day(12, 8), ProgressAction.Sign, at: day(13, 8));     // B
        await DossierAsync(TestAgencies.JusticeCode, Birth, received: day(20, 8), due: day(25, 8));                                         // C
        await DossierAsync(TestAgencies.JusticeCode, Birth, received: day(28, 8), due: day(36, 8));                                         // D
        await DossierAsync(TestAgencies.JusticeCode, Birth, received: day(-5, 8), due: day(0, 8), ProgressAction.Sign, at: day(2, 8));       // E
        await DossierAsync(TestAgencies.JusticeCode, Birth, received: day(15, 8), due: day(18, 8), ProgressAction.Withdraw, at: day(16, 8)); // F
        await DossierAsync(TestAgencies.JusticeCode, Marriage, received: day(3, 8), due: day(6, 8), ProgressAction.Reject, at: day(4, 8), online: true); // G
        await DossierAsync(TestAgencies.ConstructionCode, Birth, received: day(33, 8), due: day(35, 8));                                    // H
        await DossierAsync(TestAgencies.ConstructionCode, Birth, received: day(2, 8), due: day(3, 8));                                      // I
    }

    /// <summary>A dossier received and taken through the steps to <paramref name="last"/> (Sign goes through receive, appraise and approve first).</summary>
    /// <param name="online">Level 4, filed online, nothing to pay; level 3 at the counter otherwise.</param>
    private async Task DossierAsync(
        string agency, string procedure, DateTimeOffset received, DateTimeOffset due, ProgressAction? last = null, DateTimeOffset? at = null, bool online = false)
    {
        var client = agency == TestAgencies.JusticeCode ? Hub.Justice : Hub.Construction;
        var submission = Samples.Submission(agency);
        if (online)
        {
            (submission.ServiceLevel, submission.Channel) = (ServiceLevel._4, Channel.Online);
            submission.Fees.Clear();
        }
        submission.ProcedureCode = procedure;
        submission.ReceivedAt = Timestamp.FromDateTimeOffset(received);
        submission.DueAt = Timestamp.FromDateTimeOffset(due);
        var code = (await client.SubmitDossierAsync(submission)).DossierCode;
        ProgressAction[] steps = last switch
        {
            null => [],
            ProgressAction.Sign => [ProgressAction.Receive, ProgressAction.Appraise, ProgressAction.Approve, ProgressAction.Sign],
            var action => [ProgressAction.Receive, action.Value],
        };
        for (var i = 0; i < steps.Length; i++)
        {
            var step = Samples.Step(code, steps[i], 0);
            step.OccurredAt = Timestamp.FromDateTimeOffset(i == steps.Length - 1 ? at!.Value : received.AddMinutes(i + 1));
            await client.RecordProgressAsync(step);
        }
    }

    private static void AssertFigures(ProcedureStats row, string agency, string procedure, int received, int finished, int onTime, int overdue, double rate, double hours)
    {
        Assert.Equal((agency, procedure), (row.AgencyCode, row.ProcedureCode));
        Assert.Equal((received, finished, onTime, overdue), (row.Received, row.Finished, row.FinishedOnTime, row.Overdue));
        Assert.Equal(rate, row.OnTimeRate, 9);
        Assert.Equal(hours, row.AverageProcessingHours, 6);
    }
}
