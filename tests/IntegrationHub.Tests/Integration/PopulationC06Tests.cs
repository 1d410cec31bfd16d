using IntegrationHub.V1;
using static IntegrationHub.Sandbox.NationalPortal.PortalContract;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// The population database spoken to in its own SOAP dialect (C06, with its signed Basic authentication; the
/// hub's default), against a simulator that checks the signature with code of its own.
/// </summary>
public sealed class PopulationC06Tests : PopulationDialectTests
{
    protected override void ConfigureDialect(Dictionary<string, string?> settings) => settings["Hub:Adapters:Population:Dialect"] = "C06Soap";

    [Fact]
    public async Task A_dossier_given_by_identity_is_filled_from_c06_and_the_portal_is_told_the_population_database_was_consulted()
    {
        var citizen = People.Citizen(22);

        var code = (await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(People.IdentityOf(citizen)))).DossierCode;

        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });
        Assert.Equal(ApplicantCheckState.Verified, dossier.ApplicantCheck.State);
        Assert.Equal(citizen.NoiThuongTru.ChiTiet, dossier.Applicant.PermanentAddress);
        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(code) is not null, TimeSpan.FromSeconds(10), "at the portal");
        Assert.Equal(["7"], Hub.Portal.Records.Dossier(code)!.Latest["DSKetNoiCSDL"]!.AsArray().Select(d => Text(d!.AsObject(), "MaCSDL")));
    }

    [Fact]
    public async Task The_health_check_asks_c06_itself_since_it_has_no_token_endpoint()
    {
        var (exitCode, output) = await Hub.OperatorCommandAsync("health", "population");

        Assert.True(exitCode == 0, output);
        Assert.Contains("healthy", output);
        Assert.Equal(1, Hub.Population.Lookups);
    }
}
