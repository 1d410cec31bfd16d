using Grpc.Core;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>The enterprise registration database spoken to through the NGSP/LGSP <c>chiTietDoanhNghiep</c> service.</summary>
public sealed class EnterpriseNgspTests : HubTest
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Hub:Adapters:Enterprise:Dialect"] = "Ngsp";

    [Fact]
    public async Task An_enterprise_is_read_from_the_main_information_head_office_and_representatives_blocks()
    {
        var enterprise = People.Enterprise(5);

        var answer = await Hub.Registry.LookupEnterpriseAsync(People.Lookup(enterprise));

        Assert.Equal(LookupOutcome.Found, answer.Outcome);
        Assert.Equal((enterprise.MaSoDoanhNghiep, enterprise.TenDoanhNghiep, enterprise.DiaChiTruSo.ChiTiet),
            (answer.Enterprise.EnterpriseCode, answer.Enterprise.Name, answer.Enterprise.Address));
        Assert.Equal((enterprise.LoaiHinhDoanhNghiep, enterprise.TinhTrangHoatDong, enterprise.NguoiDaiDienPhapLuat[0].HoVaTen),
            (answer.Enterprise.LegalForm, answer.Enterprise.OperatingStatus, answer.Enterprise.LegalRepresentative));
        Assert.Equal(1, Hub.Enterprises.Lookups);
    }

    [Fact]
    public async Task A_business_given_by_its_code_is_filled_from_the_ngsp_service()
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
    }
}
