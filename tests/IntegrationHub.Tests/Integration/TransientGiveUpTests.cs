using IntegrationHub.Sandbox.Faults;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>A change that still fails transiently once it has had its attempts and its time is handed to an operator.</summary>
public sealed class TransientGiveUpTests : HubTest
{
    private const int MaxAttempts = 3;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(4);

    protected override void Configure(Dictionary<string, string?> settings)
    {
        HubSettings.FastRetries(settings, MaxAttempts);
        settings["Hub:Outbox:GiveUpAfter"] = GiveUpAfter.ToString();
    }

    [Fact]
    public async Task A_change_failing_after_its_attempts_and_its_time_is_dead_lettered_no_sooner_and_its_later_steps_wait()
    {
        Hub.Portal.Faults.Mode = FaultMode.Unavailable;
        Hub.Portal.Faults.Down = true;
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, Samples.FiveSteps[0], 1));

        await Eventually.HoldsAsync(
            async () => (await Hub.Admin.ListDeadLettersAsync(new ListDeadLettersRequest())).DeadLetters.Count > 0,
            TimeSpan.FromSeconds(30), "the first change dead-lettered");

        var letter = Assert.Single((await Hub.Admin.ListDeadLettersAsync(new ListDeadLettersRequest())).DeadLetters);
        Assert.Equal(code, letter.DossierCode);
        Assert.Equal("dossier-create", letter.Kind);
        Assert.True(letter.Attempts >= MaxAttempts, $"{letter.Attempts} attempts");
        Assert.Matches(@"^gave up after \d+ attempts over \d+ s: ", letter.Reason);
        var tried = letter.LastAttemptAt.ToDateTimeOffset() - letter.CreatedAt.ToDateTimeOffset();
        Assert.True(tried >= GiveUpAfter, $"given up {tried.TotalSeconds:0.0} s after it was written");
        // The step after it waits behind it, untried, for the operator.
        Assert.Equal(0, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString,
            "SELECT count(*) FROM outbox_messages WHERE kind = 'progress' AND (status <> 0 OR attempts > 0)"));
    }
}
