using Grpc.Core;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>Agency systems prove who they are with an API key and act only for their own agencies.</summary>
public sealed class AgencyAccessTests : HubTest
{
    [Fact]
    public async Task A_call_without_an_api_key_is_unauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Client(null).SubmitDossierAsync(Samples.Submission()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task A_call_with_an_unknown_api_key_is_unauthenticated_and_stores_nothing()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Client("not-a-key").SubmitDossierAsync(Samples.Submission()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(0L, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossiers"));
    }

    [Fact]
    public async Task Submitting_for_another_agency_is_permission_denied()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.SubmitDossierAsync(Samples.Submission(TestAgencies.ConstructionCode)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task Another_agencys_dossier_can_be_neither_read_nor_changed()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;

        var read = await Assert.ThrowsAsync<RpcException>(() => Hub.Construction.GetDossierAsync(new GetDossierRequest { DossierCode = code }).ResponseAsync);
        var change = await Assert.ThrowsAsync<RpcException>(() => Hub.Construction.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1)).ResponseAsync);
        var attach = await Assert.ThrowsAsync<RpcException>(() => Hub.Construction.AttachResultAsync(Samples.Result(code)).ResponseAsync);
        var list = await Assert.ThrowsAsync<RpcException>(() => Hub.Construction.ListDossiersAsync(new ListDossiersRequest { AgencyCode = TestAgencies.JusticeCode }).ResponseAsync);

        Assert.All([read, change, attach, list], e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });
        Assert.Equal(1, dossier.Version);
        Assert.Empty((await Hub.Construction.ListDossiersAsync(new ListDossiersRequest())).Dossiers);
    }

    [Fact]
    public async Task An_unknown_dossier_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = "000.00.01.H22-261120-9999" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
