using System.Text.Json.Nodes;
using Grpc.Core;
using IntegrationHub.Adapters.Payments.Vnpay;
using IntegrationHub.V1;
using PaymentReconciliationJob = IntegrationHub.Hub.Payments.PaymentReconciliationJob;

namespace IntegrationHub.Tests.Integration;

/// <summary>Level-4 fees paid through VNPAY: redirect, IPN callback, reconciliation, and what the portal and the agency hear.</summary>
public sealed class PaymentTests : HubTest
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task A_level_4_dossier_with_fees_gets_a_pending_payment_with_a_signed_pay_url()
    {
        var answer = await Hub.Justice.SubmitDossierAsync(Samples.Level4());

        var payment = answer.Payment;
        Assert.Equal((PaymentState.Pending, 8_000 + 50_000, "vnpay"), (payment.State, payment.Amount, payment.Gateway));
        Assert.StartsWith(Hub.Vnpay.PayUrl + "?", payment.PayUrl);
        var query = Query(payment.PayUrl);
        Assert.True(VnpaySignature.Verify(query, HubSettings.VnpaySecret));
        Assert.Equal(("5800000", payment.Reference, "VND"), (query["vnp_Amount"], query["vnp_TxnRef"], query["vnp_CurrCode"]));
        Assert.DoesNotMatch("[^A-Za-z0-9 ]", query["vnp_OrderInfo"]);
        Assert.Equal(payment, await Hub.Payments.GetPaymentAsync(new GetPaymentRequest { Payment = payment.Reference }));
    }

    [Fact]
    public async Task A_level_3_dossier_gets_no_payment()
    {
        var answer = await Hub.Justice.SubmitDossierAsync(Samples.Submission());

        Assert.Null(answer.Payment);
    }

    [Fact]
    public async Task Paying_through_the_redirect_and_the_callback_marks_the_payment_and_the_dossier_paid()
    {
        var answer = await Hub.Justice.SubmitDossierAsync(Samples.Level4());

        await PayAsync(answer.Payment);

        var payment = await Hub.Payments.GetPaymentAsync(new GetPaymentRequest { Payment = answer.Payment.PaymentId });
        Assert.Equal(PaymentState.Paid, payment.State);
        Assert.NotEmpty(payment.GatewayTransactionId);
        Assert.NotNull(payment.PaidAt);
        Assert.Equal(["00"], Hub.Vnpay.IpnAnswers);
        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = answer.DossierCode });
        Assert.Equal(PaymentState.Paid, dossier.Payments.Single().State);
        Assert.Equal(2, dossier.Version);
    }

    [Fact]
    public async Task A_paid_payment_reaches_the_national_portal_and_the_agencys_events()
    {
        var answer = await Hub.Justice.SubmitDossierAsync(Samples.Level4());

        await PayAsync(answer.Payment);

        await Eventually.HoldsAsync(
            () => (string?)Hub.Portal.Records.Dossier(answer.DossierCode)?.Latest["DuocThanhToanTrucTuyen"] == "2", TimeSpan.FromSeconds(10), "the fee paid at the portal");
        var events = await EventWatch.ReadAsync(Hub.Justice, after: 0, count: int.MaxValue, within: TimeSpan.FromSeconds(2));
        var paid = Assert.Single(events, e => e.Type == DossierEventType.PaymentReceived);
        Assert.Equal((answer.DossierCode, answer.Payment.Reference, 2), (paid.DossierCode, paid.Detail, paid.DossierVersion));
    }

    [Fact]
    public async Task A_callback_with_a_tampered_amount_fails_the_signature_and_changes_nothing()
    {
        var payment = (await Hub.Justice.SubmitDossierAsync(Samples.Level4())).Payment;
        Hub.Vnpay.LoseCallbacks = true;
        await PayAsync(payment);
        var tampered = Hub.Vnpay.IpnQuery(payment.Reference).Replace("vnp_Amount=5800000", "vnp_Amount=100", StringComparison.Ordinal);

        var code = await CallbackAsync(tampered);

        Assert.Equal("97", code);
        await AssertStillPendingAsync(payment);
    }

    [Fact]
    public async Task A_correctly_signed_callback_with_the_wrong_amount_is_refused_and_changes_nothing()
    {
        var payment = (await Hub.Justice.SubmitDossierAsync(Samples.Level4())).Payment;
        var fields = Query(VnpaySignature.SignedQuery(new Dictionary<string, string>
        {
            ["vnp_Amount"] = "100", ["vnp_ResponseCode"] = "00", ["vnp_TransactionStatus"] = "00", ["vnp_TxnRef"] = payment.Reference,
            ["vnp_TransactionNo"] = "1", ["vnp_TmnCode"] = "HUBSANDB",
        }, HubSettings.VnpaySecret));

        var code = await CallbackAsync(string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")));

        Assert.Equal("04", code);
        await AssertStillPendingAsync(payment);
    }

    [Fact]
    public async Task A_callback_signed_with_another_secret_is_refused_and_changes_nothing()
    {
        var payment = (await Hub.Justice.SubmitDossierAsync(Samples.Level4())).Payment;
        var forged = VnpaySignature.SignedQuery(new Dictionary<string, string>
        {
            ["vnp_Amount"] = "5800000", ["vnp_ResponseCode"] = "00", ["vnp_TransactionStatus"] = "00", ["vnp_TxnRef"] = payment.Reference,
        }, "not-the-secret");

        Assert.Equal("97", await CallbackAsync(forged));
        await AssertStillPendingAsync(payment);
    }

    [Fact]
    public async Task A_duplicate_callback_is_answered_already_confirmed_and_changes_nothing()
    {
        var answer = await Hub.Justice.SubmitDossierAsync(Samples.Level4());
        await PayAsync(answer.Payment);

        var again = await Hub.Vnpay.ResendIpnAsync(answer.Payment.Reference);

        Assert.Equal("02", again);
        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = answer.DossierCode });
        Assert.Equal(2, dossier.Version);
        var events = await EventWatch.ReadAsync(Hub.Justice, after: 0, count: int.MaxValue, within: TimeSpan.FromSeconds(1));
        Assert.Single(events, e => e.Type == DossierEventType.PaymentReceived);
    }

    [Fact]
    public async Task A_callback_for_an_unknown_reference_is_answered_order_not_found()
    {
        var unknown = VnpaySignature.SignedQuery(new Dictionary<string, string>
        {
            ["vnp_Amount"] = "5800000", ["vnp_ResponseCode"] = "00", ["vnp_TransactionStatus"] = "00", ["vnp_TxnRef"] = "no-such-payment",
        }, HubSettings.VnpaySecret);

        Assert.Equal("01", await CallbackAsync(unknown));
    }

    [Fact]
    public async Task A_payment_the_citizen_cancels_is_failed_with_the_gateways_reason()
    {
        var payment = (await Hub.Justice.SubmitDossierAsync(Samples.Level4())).Payment;

        await PayAsync(payment, responseCode: "24");

        var failed = await Hub.Payments.GetPaymentAsync(new GetPaymentRequest { Payment = payment.PaymentId });
        Assert.Equal(PaymentState.Failed, failed.State);
        Assert.Contains("customer cancelled", failed.FailureReason);
    }

    [Fact]
    public async Task A_lost_callback_is_recovered_by_reconciliation()
    {
        var answer = await Hub.Justice.SubmitDossierAsync(Samples.Level4());
        Hub.Vnpay.LoseCallbacks = true;
        await PayAsync(answer.Payment);
        Assert.Empty(Hub.Vnpay.IpnAnswers);

        await ReconcileAsync(answer.Payment, PaymentState.Paid);

        await Eventually.HoldsAsync(
            () => (string?)Hub.Portal.Records.Dossier(answer.DossierCode)?.Latest["DuocThanhToanTrucTuyen"] == "2", TimeSpan.FromSeconds(10), "the fee paid at the portal");
    }

    [Fact]
    public async Task A_payment_unpaid_past_its_window_expires_at_reconciliation()
    {
        var payment = (await Hub.Justice.SubmitDossierAsync(Samples.Level4())).Payment;
        await TestPostgres.ExecuteAsync(Hub.ConnectionString, "UPDATE payments SET expires_at = now() - interval '3 hours'");

        await ReconcileAsync(payment, PaymentState.Expired);
    }

    [Fact]
    public async Task A_payment_within_its_window_stays_pending_at_reconciliation()
    {
        var payment = (await Hub.Justice.SubmitDossierAsync(Samples.Level4())).Payment;
        await Hub.RunOnceAsync(PaymentReconciliationJob.Key);

        await AssertStillPendingAsync(payment);
    }

    [Fact]
    public async Task An_agency_asks_for_fees_found_at_appraisal()
    {
        var submission = Samples.Level4();
        submission.Fees.Clear();
        var code = (await Hub.Justice.SubmitDossierAsync(submission)).DossierCode;

        var payment = await Hub.Payments.RequestPaymentAsync(new RequestPaymentRequest
        {
            RequestId = Guid.NewGuid().ToString(), DossierCode = code, PayerIp = "203.162.4.191",
            Fees = { new Fee { Code = "P02", Name = "Phí thẩm định", Amount = 120_000, Kind = 1 } },
        });

        Assert.Equal((PaymentState.Pending, 120_000L), (payment.State, payment.Amount));
        Assert.Equal("203.162.4.191", Query(payment.PayUrl)["vnp_IpAddr"]);
    }

    [Fact]
    public async Task A_second_payment_is_refused_while_one_is_pending()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Level4())).DossierCode;

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Payments.RequestPaymentAsync(new RequestPaymentRequest
        {
            RequestId = Guid.NewGuid().ToString(), DossierCode = code, Fees = { new Fee { Code = "P02", Name = "Phí", Amount = 1_000, Kind = 1 } },
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task A_level_3_dossier_cannot_be_asked_to_pay_online()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Payments.RequestPaymentAsync(new RequestPaymentRequest
        {
            RequestId = Guid.NewGuid().ToString(), DossierCode = code, Fees = { new Fee { Code = "P02", Name = "Phí", Amount = 1_000, Kind = 1 } },
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task A_paid_payment_is_refunded_in_full_and_the_dossiers_fees_are_no_longer_paid()
    {
        var answer = await Hub.Justice.SubmitDossierAsync(Samples.Level4());
        await PayAsync(answer.Payment);

        var refunded = await Hub.Payments.RefundPaymentAsync(Refund(answer.Payment));

        Assert.Equal((PaymentState.Refunded, "hồ sơ bị từ chối"), (refunded.State, refunded.RefundReason));
        Assert.NotEmpty(refunded.RefundTransactionId);
        Assert.Equal(refunded, await Hub.Payments.GetPaymentAsync(new GetPaymentRequest { Payment = answer.Payment.PaymentId }));
        var events = await EventWatch.ReadAsync(Hub.Justice, after: 0, count: int.MaxValue, within: TimeSpan.FromSeconds(2));
        var refund = Assert.Single(events, e => e.Type == DossierEventType.PaymentRefunded);
        Assert.Equal((answer.Payment.Reference, 3), (refund.Detail, refund.DossierVersion));
        await Eventually.HoldsAsync(
            () => (string?)Hub.Portal.Records.Dossier(answer.DossierCode)?.Latest["DuocThanhToanTrucTuyen"] == "0", TimeSpan.FromSeconds(10), "the fee no longer paid at the portal");
    }

    [Fact]
    public async Task A_refund_asked_again_with_the_same_request_id_answers_the_same_and_refunds_once()
    {
        var payment = (await Hub.Justice.SubmitDossierAsync(Samples.Level4())).Payment;
        await PayAsync(payment);
        var request = Refund(payment);

        var first = await Hub.Payments.RefundPaymentAsync(request);
        var again = await Hub.Payments.RefundPaymentAsync(request);

        Assert.Equal(first, again);
        Assert.Equal(3, (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = payment.DossierCode })).Version);
    }

    [Fact]
    public async Task A_payment_not_paid_cannot_be_refunded_and_stays_as_it_was()
    {
        var payment = (await Hub.Justice.SubmitDossierAsync(Samples.Level4())).Payment;

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Payments.RefundPaymentAsync(Refund(payment)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        await AssertStillPendingAsync(payment);
    }

    [Fact]
    public async Task A_refund_without_a_reason_is_invalid()
    {
        var payment = (await Hub.Justice.SubmitDossierAsync(Samples.Level4())).Payment;
        var request = Refund(payment);
        request.Reason = "";

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Payments.RefundPaymentAsync(request).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "reason: is required"), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task Another_agencys_payment_cannot_be_read()
    {
        var payment = (await Hub.Justice.SubmitDossierAsync(Samples.Level4())).Payment;

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new PaymentService.PaymentServiceClient(Hub.Invoker(TestAgencies.ConstructionKey)).GetPaymentAsync(new GetPaymentRequest { Payment = payment.PaymentId }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Over_random_amounts_the_pay_url_the_ipn_and_the_refund_carry_exactly_the_stored_fee()
    {
        var (random, limits) = (new Random(20261202), new IntegrationHub.Hub.Api.LimitsOptions());
        long[] amounts = [1, 99, 100, limits.MaxFeesTotal - 1, limits.MaxFeesTotal, .. Enumerable.Range(0, 20).Select(_ => random.NextInt64(1, limits.MaxFeesTotal + 1))];
        foreach (var amount in amounts)
        {
            var submission = Samples.Level4();
            submission.Fees.Clear();
            // Two fees, each within the per-fee bound, adding up to the amount.
            submission.Fees.Add(new Fee { Code = "P01", Name = "Phí thẩm định", Amount = amount / 2, Kind = 1 });
            submission.Fees.Add(new Fee { Code = "L01", Name = "Lệ phí", Amount = amount - amount / 2, Kind = 2 });

            var payment = (await Hub.Justice.SubmitDossierAsync(submission)).Payment;
            var signed = System.Web.HttpUtility.ParseQueryString(new Uri(payment.PayUrl).Query)["vnp_Amount"];
            await PayAsync(payment);
            var paid = await Hub.Payments.GetPaymentAsync(new GetPaymentRequest { Payment = payment.PaymentId });
            // The simulated VNPAY refunds only the amount it was asked to collect.
            var refunded = await Hub.Payments.RefundPaymentAsync(Refund(payment));

            Assert.Equal((amount, (amount * 100).ToString(System.Globalization.CultureInfo.InvariantCulture), PaymentState.Paid, amount, PaymentState.Refunded),
                (payment.Amount, signed, paid.State, paid.Amount, refunded.State));
        }
    }

    private static RefundPaymentRequest Refund(Payment payment) => new()
    {
        RequestId = Guid.NewGuid().ToString(), Payment = payment.PaymentId, Reason = "hồ sơ bị từ chối", RequestedBy = "Trần Thị Hoa",
    };

    /// <summary>The citizen opens the payment page and pays; waits for the IPN, unless callbacks are lost.</summary>
    private async Task PayAsync(Payment payment, string responseCode = "00")
    {
        using var page = await Http.GetAsync(payment.PayUrl);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        await Hub.Vnpay.PayAsync(payment.Reference, responseCode);
    }

    private async Task<string?> CallbackAsync(string query)
    {
        var body = await Http.GetStringAsync($"{Hub.HttpAddress}/payments/vnpay/callback?{query}");
        return (string?)JsonNode.Parse(body)?["RspCode"];
    }

    private async Task AssertStillPendingAsync(Payment payment)
    {
        var now = await Hub.Payments.GetPaymentAsync(new GetPaymentRequest { Payment = payment.PaymentId });
        Assert.Equal(PaymentState.Pending, now.State);
        Assert.Equal(1, (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = payment.DossierCode })).Version);
    }

    private async Task ReconcileAsync(Payment payment, PaymentState state)
    {
        await Hub.RunOnceAsync(PaymentReconciliationJob.Key);
        Assert.Equal(state, (await Hub.Payments.GetPaymentAsync(new GetPaymentRequest { Payment = payment.PaymentId })).State);
    }

    private static Dictionary<string, string> Query(string urlOrQuery)
    {
        var query = urlOrQuery.Contains('?') ? urlOrQuery[(urlOrQuery.IndexOf('?') + 1)..] : urlOrQuery;
        return query.Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1].Replace('+', ' ')), StringComparer.Ordinal);
    }
}
