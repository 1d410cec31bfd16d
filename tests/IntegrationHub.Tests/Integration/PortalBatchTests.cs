using IntegrationHub.Sandbox.NationalPortal;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>Changes of many dossiers go to the portal in one call; a call the portal refuses is split to find the culprit.</summary>
public sealed class PortalBatchTests : HubTest
{
    // One dispatcher, woken only by a commit (not by its poll, whose wake could fall between the submits
    // below), that waits two seconds before claiming, so every dossier lands in one round even on a loaded machine.
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Hub:Outbox:Workers"] = "1";
        settings["Hub:Outbox:PollInterval"] = "00:01:00";
        settings["Hub:Outbox:Linger"] = "00:00:02";
    }

    [Fact]
    public async Task Dossiers_submitted_together_reach_the_portal_in_one_call()
    {
        var codes = await SubmitAsync(5);

        // By the calls logged: the simulated portal stores a call's dossiers a moment before it logs the call.
        await Eventually.HoldsAsync(
            () => codes.All(c => Hub.Portal.Records.Calls.Any(call => call.Service == "DongBoHoSoMC" && call.DossierCodes.Contains(c))),
            TimeSpan.FromSeconds(10), "all at the portal");

        var call = Assert.Single(Hub.Portal.Records.Calls, c => c.Service == "DongBoHoSoMC");
        Assert.Equal(codes.Order(), call.DossierCodes.Order());
        Assert.Equal("00", call.ErrorCode);
    }

    [Fact]
    public async Task A_refused_call_is_split_so_one_bad_dossier_does_not_hold_back_the_others()
    {
        Hub.Portal.RejectDossier($"{TestAgencies.JusticeCode}-REJECTED-0002", "ChuHoSo: không hợp lệ");
        var bad = (await Hub.Justice.SubmitDossierAsync(Samples.Submission(code: $"{TestAgencies.JusticeCode}-REJECTED-0002"))).DossierCode;
        var good = await SubmitAsync(4);

        await Eventually.HoldsAsync(() => good.All(c => Hub.Portal.Records.Dossier(c) is not null), TimeSpan.FromSeconds(10), "the good dossiers at the portal");
        await Eventually.HoldsAsync(
            async () => (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = bad })).Deliveries.Single().State == DeliveryState.DeadLettered,
            TimeSpan.FromSeconds(10), "the bad dossier dead-lettered");

        var calls = Hub.Portal.Records.Calls.Where(c => c.Service == "DongBoHoSoMC").ToList();
        Assert.Equal(5, calls[0].DossierCodes.Count);
        Assert.Equal(PortalSimulator.Codes.InvalidData, calls[0].ErrorCode);
        Assert.All(good, code => Assert.Single(calls, c => c.IsAbout(code) && c.ErrorCode == "00" && c.DossierCodes.Count == 1));
        Assert.Contains("ChuHoSo: không hợp lệ", (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = bad })).Deliveries.Single().LastError);
    }

    private async Task<List<string>> SubmitAsync(int count)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Hub.Justice.SubmitDossierAsync(Samples.Submission()).ResponseAsync));
        return [.. answers.Select(a => a.DossierCode)];
    }
}
