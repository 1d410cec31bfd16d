using System.Text;
using System.Text.Json.Nodes;
using Grpc.Core;
using IntegrationHub.Adapters.Payments.PaymentPlatform;
using IntegrationHub.V1;
using PaymentReconciliationJob = IntegrationHub.Hub.Payments.PaymentReconciliationJob;

namespace IntegrationHub.Tests.Integration;

/// <summary>Level-4 fees of a procedure configured for the DVCQG payment platform: init with the receipt, confirm, status query.</summary>
public sealed class PaymentPlatformTests : HubTest
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task A_procedure_configured_for_the_platform_gets_its_payment_page()
    {
        var payment = (await SubmitAsync()).Payment;

        Assert.Equal((PaymentState.Pending, 58_000L, "dvcqg-payment"), (payment.State, payment.Amount, payment.Gateway));
        Assert.StartsWith($"{Hub.PaymentPlatform.Url}/thanh-toan?MaThamChieu={payment.Reference}", payment.PayUrl);
        using var page = await Http.GetAsync(payment.PayUrl);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task The_init_carries_the_receipt_with_dossier_procedure_fees_payer_and_beneficiary()
    {
        var answer = await SubmitAsync();

        var receipt = Hub.PaymentPlatform.Initiated(answer.Payment.Reference)!["ThongTinBienLai"]!;
        Assert.Equal(
            ("2", TestAgencies.JusticeCode, TestAgencies.JusticeName, answer.DossierCode, HubSettings.PlatformProcedureCode, "3511.0.1045678.00000", "KBNN.HAGIANG"),
            ((string?)receipt["MaDichVu"], (string?)receipt["MaDonVi"], (string?)receipt["TenDonVi"], (string?)receipt["MaHoSo"], (string?)receipt["MaTTHC"],
             (string?)receipt["TKThuHuong"], (string?)receipt["MaNHThuHuong"]));
        Assert.Equal((Samples.CitizenId, "Nguyễn Văn An"), ((string?)receipt["SoCMNDNguoiNop"], (string?)receipt["HoTenNguoiNop"]));
        Assert.Equal(
            [(2, "LP01", 8_000L), (1, "P01", 50_000L)],
            receipt["PhiLePhi"]!.AsArray().Select(l => ((int)l!["LoaiPhiLePhi"]!, (string)l["MaPhiLePhi"]!, (long)l["SoTien"]!)));
    }

    [Fact]
    public async Task Paying_on_the_platform_confirms_the_payment_and_the_dossier()
    {
        var answer = await SubmitAsync();

        await Hub.PaymentPlatform.PayAsync(answer.Payment.Reference);

        var payment = await GetAsync(answer.Payment);
        Assert.Equal(PaymentState.Paid, payment.State);
        Assert.StartsWith("PP", payment.GatewayTransactionId);
        Assert.Equal(["00"], Hub.PaymentPlatform.ConfirmAnswers);
        await Eventually.HoldsAsync(
            () => (string?)Hub.Portal.Records.Dossier(answer.DossierCode)?.Latest["DuocThanhToanTrucTuyen"] == "1", TimeSpan.FromSeconds(10), "the fee paid on DVCQG at the portal");
    }

    [Fact]
    public async Task A_failed_payment_on_the_platform_is_recorded_with_its_code()
    {
        var answer = await SubmitAsync();

        await Hub.PaymentPlatform.PayAsync(answer.Payment.Reference, errorCode: "24");

        var payment = await GetAsync(answer.Payment);
        Assert.Equal((PaymentState.Failed, "MaLoi 24"), (payment.State, payment.FailureReason));
    }

    [Fact]
    public async Task A_confirm_with_an_altered_amount_fails_its_checksum_and_changes_nothing()
    {
        var payment = await PaidWithoutConfirmAsync();
        var confirm = Hub.PaymentPlatform.ConfirmMessage(payment.Reference);
        confirm["SoTien"] = "1000";

        var reply = await ConfirmAsync(confirm.ToJsonString());

        Assert.Equal(("99", "Sai mã xác thực"), reply);
        await AssertStillPendingAsync(payment);
    }

    [Fact]
    public async Task A_correctly_signed_confirm_for_another_amount_is_refused_and_changes_nothing()
    {
        var payment = await PaidWithoutConfirmAsync();
        var confirm = Hub.PaymentPlatform.ConfirmMessage(payment.Reference);
        confirm["SoTien"] = "1000";
        confirm["MaXacThuc"] = Hub.PaymentPlatform.Sign(confirm, new PlatformChecksumRecipe().Confirm);

        var reply = await ConfirmAsync(confirm.ToJsonString());

        Assert.Equal(("99", "Số tiền không khớp"), reply);
        await AssertStillPendingAsync(payment);
    }

    [Fact]
    public async Task A_duplicate_confirm_is_answered_already_confirmed_and_changes_nothing()
    {
        var answer = await SubmitAsync();
        await Hub.PaymentPlatform.PayAsync(answer.Payment.Reference);
        var paid = await GetAsync(answer.Payment);

        var reply = await ConfirmAsync(Hub.PaymentPlatform.ConfirmMessage(answer.Payment.Reference).ToJsonString());

        Assert.Equal(("00", "Giao dịch đã được xác nhận trước đó"), reply);
        Assert.Equal(paid, await GetAsync(answer.Payment));
        Assert.Equal(2, (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = answer.DossierCode })).Version);
    }

    [Fact]
    public async Task A_lost_confirm_is_recovered_by_the_status_query()
    {
        var payment = await PaidWithoutConfirmAsync();

        await Hub.RunOnceAsync(PaymentReconciliationJob.Key);

        Assert.Equal(PaymentState.Paid, (await GetAsync(payment)).State);
    }

    [Fact]
    public async Task A_platform_payment_cannot_be_refunded_through_the_hub_and_stays_paid()
    {
        var answer = await SubmitAsync();
        await Hub.PaymentPlatform.PayAsync(answer.Payment.Reference);

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Payments.RefundPaymentAsync(new RefundPaymentRequest
        {
            RequestId = Guid.NewGuid().ToString(), Payment = answer.Payment.Reference, Reason = "hồ sơ bị từ chối", RequestedBy = "Trần Thị Hoa",
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("refund at the platform's portal", error.Status.Detail);
        Assert.Equal(PaymentState.Paid, (await GetAsync(answer.Payment)).State);
    }

    [Fact]
    public async Task An_agency_without_a_beneficiary_account_cannot_take_fees_on_the_platform_and_nothing_is_stored()
    {
        var submission = Samples.Level4(HubSettings.PlatformProcedureCode);
        submission.AgencyCode = TestAgencies.ConstructionCode;

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Construction.SubmitDossierAsync(submission).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains($"no beneficiary account is configured for agency {TestAgencies.ConstructionCode}", error.Status.Detail);
        Assert.Equal(0, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossiers"));
    }

    private Task<SubmitDossierResponse> SubmitAsync() => Hub.Justice.SubmitDossierAsync(Samples.Level4(HubSettings.PlatformProcedureCode)).ResponseAsync;

    private async Task<Payment> PaidWithoutConfirmAsync()
    {
        var payment = (await SubmitAsync()).Payment;
        Hub.PaymentPlatform.LoseCallbacks = true;
        await Hub.PaymentPlatform.PayAsync(payment.Reference);
        return payment;
    }

    private Task<Payment> GetAsync(Payment payment) => Hub.Payments.GetPaymentAsync(new GetPaymentRequest { Payment = payment.PaymentId }).ResponseAsync;

    private async Task<(string? Code, string? Text)> ConfirmAsync(string body)
    {
        using var response = await Http.PostAsync($"{Hub.HttpAddress}/payments/dvcqg-payment/callback", new StringContent(body, Encoding.UTF8, "application/json"));
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return ((string?)reply?["MaLoi"], (string?)reply?["MoTaLoi"]);
    }

    private async Task AssertStillPendingAsync(Payment payment)
    {
        Assert.Equal(PaymentState.Pending, (await GetAsync(payment)).State);
        Assert.Equal(1, (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = payment.DossierCode })).Version);
    }
}
