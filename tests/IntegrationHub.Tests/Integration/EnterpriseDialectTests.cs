using Grpc.Core;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// What every dialect of the enterprise registration database must do, run once per dialect by the classes
/// that derive from this one, each naming its own.
/// </summary>
public abstract class EnterpriseDialectTests : HubTest
{
    /// <summary>The value of <c>Hub:Adapters:Enterprise:Dialect</c>.</summary>
    protected abstract string Dialect { get; }

    protected sealed override void Configure(Dictionary<string, string?> settings) => settings["Hub:Adapters:Enterprise:Dialect"] = Dialect;

    [Fact]
    public async Task An_enterprise_is_read_with_its_name_head_office_legal_form_status_and_representative_under_a_basic_authenticated_token()
    {
        var enterprise = People.Enterprise(5);

        var answer = await Hub.Registry.LookupEnterpriseAsync(People.Lookup(enterprise));

        Assert.Equal(LookupOutcome.Found, answer.Outcome);
        Assert.Equal((enterprise.MaSoDoanhNghiep, enterprise.TenDoanhNghiep, enterprise.DiaChiTruSo.ChiTiet),
            (answer.Enterprise.EnterpriseCode, answer.Enterprise.Name, answer.Enterprise.Address));
        Assert.Equal((enterprise.LoaiHinhDoanhNghiep, enterprise.TinhTrangHoatDong, enterprise.NguoiDaiDienPhapLuat[0].HoVaTen),
            (answer.Enterprise.LegalForm, answer.Enterprise.OperatingStatus, answer.Enterprise.LegalRepresentative));
        Assert.Equal(1, Hub.Enterprises.Lookups);
        Assert.Equal(1, Hub.Enterprises.BasicTokens);
    }

    [Fact]
    public async Task A_business_given_by_its_code_is_filled_from_the_service()
    {
        var enterprise = People.Enterprise(6);

        var code = (await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(People.IdentityOf(enterprise)))).DossierCode;

        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });
        Assert.Equal(ApplicantCheckState.Verified, dossier.ApplicantCheck.State);
        Assert.Equal((enterprise.TenDoanhNghiep, enterprise.DiaChiTruSo.ChiTiet), (dossier.Applicant.Name, dossier.Applicant.Address));
    }

    [Fact]
    public async Task A_code_the_service_does_not_hold_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Registry.LookupEnterpriseAsync(
            new LookupEnterpriseRequest { EnterpriseCode = Samples.EnterpriseCode, Purpose = Samples.ProcedureCode }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(1, Hub.Enterprises.Lookups);
    }

    [Fact]
    public async Task A_service_that_is_down_is_unavailable()
    {
        Hub.Enterprises.Faults.Down = true;

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Registry.LookupEnterpriseAsync(People.Lookup(People.Enterprise(7))).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }
}
