using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Grpc.Core;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// What an attacker or a broken client may send, through real gRPC and HTTP: for each, the right status,
/// no crash, nothing half-stored, and the hub still serves a normal call afterwards.
/// </summary>
public sealed class HostileInputTests : HubTest
{
    private static readonly Method<byte[], byte[]> RawSubmit = new(
        MethodType.Unary, "integrationhub.v1.DossierService", "SubmitDossier", Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));

    public static TheoryData<string, byte[]> MalformedMessages()
    {
        var valid = Samples.Submission().ToByteArray();
        var random = new Random(20261123);
        var noise = new byte[4096];
        random.NextBytes(noise);
        return new TheoryData<string, byte[]>
        {
            { "random bytes", noise },
            { "a valid request cut in half", valid[..(valid.Length / 2)] },
            { "a field claiming more bytes than follow", [0x42, 0xFF, 0xFF, 0xFF, 0x0F, 0x01] },
            { "invalid UTF-8 in a string field", [0x42, 0x03, 0xC3, 0x28, 0xFF] },
            { "a group tag, which proto3 has none of", [0x0B, 0x0C] },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedMessages))]
    public async Task A_message_that_is_not_a_valid_request_is_refused_and_stores_nothing(string what, byte[] message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Invoker(TestAgencies.JusticeKey).AsyncUnaryCall(RawSubmit, null, new CallOptions(), message).ResponseAsync);

        Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{what}: {error.Status}");
        // A group is skipped as an unknown field, leaving an empty request, which is refused for what it lacks.
        Assert.Matches("^(the request is not a valid SubmitDossierRequest: |request_id: is required)", error.Status.Detail);
        await AssertNothingStoredAndStillServingAsync();
    }

    [Fact]
    public async Task Garbage_without_credentials_is_refused_as_unauthenticated_before_it_is_read()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Invoker(null).AsyncUnaryCall(RawSubmit, null, new CallOptions(), [0x42, 0xFF, 0xFF]).ResponseAsync);

        Assert.Equal((StatusCode.Unauthenticated, "an API key (x-api-key) or a registered client certificate is required"), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task A_key_of_the_wrong_role_gets_permission_denied_with_the_reason()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Client(TestAgencies.OperatorKey).GetDossierAsync(new GetDossierRequest { DossierCode = "X" }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.StartsWith("night-operator", error.Status.Detail);
        Assert.Contains("may not call integrationhub.v1.DossierService", error.Status.Detail);
    }

    [Fact]
    public async Task A_malformed_write_is_kept_in_the_exchange_log_as_refused()
    {
        await Assert.ThrowsAsync<RpcException>(() => Hub.Invoker(TestAgencies.JusticeKey).AsyncUnaryCall(RawSubmit, null, new CallOptions(), [0x42, 0x03, 0xC3, 0x28, 0xFF]).ResponseAsync);

        await Eventually.HoldsAsync(
            async () => await TestPostgres.ScalarAsync<long>(Hub.ConnectionString,
                "SELECT count(*) FROM exchange_log WHERE operation = '/integrationhub.v1.DossierService/SubmitDossier' AND outcome = 'InvalidArgument' AND client_id = 'justice-system'") == 1,
            TimeSpan.FromSeconds(10), "the refusal in the exchange log");
    }

    [Fact]
    public async Task A_refusal_reason_is_percent_encoded_only_where_the_grpc_wire_spec_says()
    {
        // A raw HTTP/2 call, as any gRPC client sees the trailers: grpc-js shows what is escaped beyond the spec (":" as "%3A") as is.
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Hub.Address}/integrationhub.v1.DossierService/SubmitDossier")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 3, 0x42, 0xFF, 0xFF]),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        request.Headers.Add("x-api-key", TestAgencies.JusticeKey);

        using var response = await http.SendAsync(request);

        var message = response.Headers.GetValues("grpc-message").Single();
        Assert.StartsWith("the request is not a valid SubmitDossierRequest: ", message);
        Assert.DoesNotContain("%3A", message);
    }

    [Theory]
    [InlineData("due_at: is required", "due_at: is required")]
    [InlineData("100% Nguyễn", "100%25 Nguy%E1%BB%85n")]
    [InlineData("line\nbreak", "line%0Abreak")]
    public void Refusal_reasons_escape_only_non_printable_ascii_and_percent(string message, string encoded) =>
        Assert.Equal(encoded, IntegrationHub.Hub.Security.GrpcRefusal.Encode(message.Replace("\\n", "\n")));

    [Theory]
    [InlineData(new long[] { 100_000_000_000_000_000 }, "fees[0].amount: must be at most 500,000,000 VND")]
    [InlineData(new long[] { 4_611_686_018_427_387_904, 4_611_686_018_427_387_904 }, "fees[0].amount: must be at most 500,000,000 VND")]
    [InlineData(new long[] { 400_000_000, 400_000_000, 400_000_000 }, "fees: add up to more than 1,000,000,000 VND, the most one request may ask for")]
    public async Task Fees_beyond_the_bounds_are_refused_naming_the_field_and_store_nothing(long[] amounts, string problem)
    {
        var submission = Samples.Level4();
        submission.Fees.Clear();
        submission.Fees.AddRange(amounts.Select((amount, i) => new Fee { Code = $"P{i}", Name = "Phí", Amount = amount, Kind = 1 }));

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.SubmitDossierAsync(submission).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, problem), (error.StatusCode, error.Status.Detail));
        await AssertNothingStoredAndStillServingAsync();
    }

    [Fact]
    public async Task A_field_error_carries_the_field_and_the_reason_as_google_rpc_bad_request_details()
    {
        var submission = Samples.Submission();
        submission.ReceivedAt = null;

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.SubmitDossierAsync(submission).ResponseAsync);

        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations);
        Assert.Equal((StatusCode.InvalidArgument, "received_at: is required", "received_at", "is required"), (error.StatusCode, error.Status.Detail, violation.Field, violation.Description));
    }

    [Theory]
    [InlineData("received_at", 2999, "is in the future")]
    [InlineData("received_at", 1970, "days ago")]
    [InlineData("due_at", 2999, "days ahead")]
    public async Task Times_outside_a_plausible_window_are_refused(string field, int year, string problem)
    {
        var submission = Samples.Submission();
        var time = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero));
        if (field == "received_at")
        {
            submission.ReceivedAt = time;
            submission.DueAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(time.ToDateTimeOffset().AddDays(15));
        }
        else
        {
            submission.DueAt = time;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.SubmitDossierAsync(submission).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith($"{field}: ", error.Status.Detail);
        Assert.Contains(problem, error.Status.Detail);
        await AssertNothingStoredAndStillServingAsync();
    }

    public static TheoryData<string> HostileTexts() =>
    [
        "'; DROP TABLE dossiers; --",
        "\" OR 1=1 --",
        "{\"$gt\": \"\"}, \"__proto__\": {}",
        "<script>alert(1)</script>",
        "line\r\nInjected-Header: x",
        "tab\tbell\u0007escape\u001b",
        "right\u202eto-left override",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and emoji 🇻🇳",
    ];

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public async Task Metacharacters_in_every_free_text_field_are_stored_as_given_or_refused_never_interpreted(string text)
    {
        var submission = Samples.Submission();
        submission.Summary = text;
        submission.Applicant.Name = "Nguyễn " + text;
        submission.Applicant.Address = text;
        submission.Documents[0].Name = text;
        submission.Fees[0].Name = text;

        try
        {
            var code = (await Hub.Justice.SubmitDossierAsync(submission)).DossierCode;

            var stored = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = code });
            Assert.Equal((text, "Nguyễn " + text, text, text, text),
                (stored.Summary, stored.Applicant.Name, stored.Applicant.Address, stored.Documents[0].Name, stored.Fees[0].Name));
        }
        catch (RpcException e)
        {
            // Control characters are refused in fields that are one line; the field is named.
            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            Assert.Matches("^[a-z_.\\[\\]0-9]+: contains control characters$", e.Status.Detail);
            await AssertNothingStoredAndStillServingAsync();
        }
    }

    [Fact]
    public async Task A_nul_character_in_a_text_field_is_refused_naming_the_field()
    {
        var submission = Samples.Submission();
        submission.Summary = "before\0after";

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.SubmitDossierAsync(submission).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("summary:", error.Status.Detail);
        await AssertNothingStoredAndStillServingAsync();
    }

    [Theory]
    [InlineData(300 * 1024)]
    [InlineData(20 * 1024 * 1024)]
    public async Task An_oversized_request_is_refused_and_stores_nothing(int bytes)
    {
        var submission = Samples.Submission();
        submission.Summary = new string('x', bytes);

        var error = await Assert.ThrowsAsync<RpcException>(() => Hub.Justice.SubmitDossierAsync(submission).ResponseAsync);

        Assert.True(error.StatusCode is StatusCode.InvalidArgument or StatusCode.ResourceExhausted, error.Status.ToString());
        await AssertNothingStoredAndStillServingAsync();
    }

    [Fact]
    public async Task A_deeply_nested_json_callback_is_refused_without_harm()
    {
        var body = new string('[', 100_000) + new string(']', 100_000);

        var (status, reply) = await PostCallbackAsync("dvcqg-payment", body);

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.RequestEntityTooLarge, status.ToString());
        if (status == HttpStatusCode.OK)
        {
            Assert.Equal("99", (string?)JsonNode.Parse(reply)!["MaLoi"]);
        }
        await AssertNothingStoredAndStillServingAsync();
    }

    [Fact]
    public async Task A_huge_callback_body_is_refused_as_too_large()
    {
        var (status, _) = await PostCallbackAsync("dvcqg-payment", "{\"MaThamChieu\":\"" + new string('a', 5 * 1024 * 1024) + "\"}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        await AssertNothingStoredAndStillServingAsync();
    }

    [Fact]
    public async Task A_forged_vnpay_callback_is_refused_as_a_bad_signature()
    {
        var payment = (await Hub.Justice.SubmitDossierAsync(Samples.Level4())).Payment;
        var forged = $"vnp_Amount=5800000&vnp_ResponseCode=00&vnp_TransactionStatus=00&vnp_TxnRef={payment.Reference}&vnp_SecureHash={new string('a', 128)}";

        using var http = new HttpClient();
        var reply = await http.GetStringAsync($"{Hub.HttpAddress}/payments/vnpay/callback?{forged}");

        Assert.Equal("97", (string?)JsonNode.Parse(reply)!["RspCode"]);
        await Eventually.HoldsAsync(async () => await TestPostgres.ScalarAsync<long>(Hub.ConnectionString,
            "SELECT count(*) FROM exchange_log WHERE kind = 3 AND target = 'vnpay' AND operation = 'GET /payments/vnpay/callback'") == 1,
            TimeSpan.FromSeconds(10), "the forged callback in the exchange log");
        Assert.Equal(PaymentState.Pending, (await Hub.Payments.GetPaymentAsync(new GetPaymentRequest { Payment = payment.PaymentId })).State);
    }

    [Fact]
    public async Task A_callback_to_a_gateway_the_hub_does_not_have_is_not_found()
    {
        var (status, _) = await PostCallbackAsync("no-such-gateway", "{}");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    private async Task<(HttpStatusCode Status, string Body)> PostCallbackAsync(string gateway, string body)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync($"{Hub.HttpAddress}/payments/{gateway}/callback", new StringContent(body, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task AssertNothingStoredAndStillServingAsync()
    {
        Assert.Equal(0, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossiers"));
        await Hub.Justice.SubmitDossierAsync(Samples.Submission());
    }
}
