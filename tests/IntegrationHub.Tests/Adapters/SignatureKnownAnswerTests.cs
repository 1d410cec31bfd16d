using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Adapters.Payments.PaymentPlatform;
using IntegrationHub.Adapters.Payments.Vnpay;
using IntegrationHub.Adapters.Registries.C06;
using IntegrationHub.Sandbox.Payments;

namespace IntegrationHub.Tests.Adapters;

/// <summary>
/// Every signature the hub makes or checks, against values computed outside .NET (Python 3's hmac and
/// hashlib, urllib.parse.quote_plus for VNPAY's query encoding) and kept here as constants. The hub's
/// adapters and the simulators, which sign with code of their own, must both give them.
/// </summary>
public sealed class SignatureKnownAnswerTests
{
    private const string VnpaySecret = "SANDBOXSECRETKEY";

    private static readonly Dictionary<string, string> PayRequest = new()
    {
        ["vnp_Version"] = "2.1.0", ["vnp_Command"] = "pay", ["vnp_TmnCode"] = "HAGIANG1", ["vnp_Amount"] = "5800000", ["vnp_CurrCode"] = "VND",
        ["vnp_TxnRef"] = "PAY20261120A1", ["vnp_OrderInfo"] = "Thanh toan le phi ho so 000.00.01.H22-261120-0001", ["vnp_OrderType"] = "other",
        ["vnp_Locale"] = "vn", ["vnp_ReturnUrl"] = "https://dichvucong.hagiang.gov.vn/tra-cuu?x=1", ["vnp_IpAddr"] = "127.0.0.1",
        ["vnp_CreateDate"] = "20261120093000", ["vnp_ExpireDate"] = "20261120103000",
    };

    // python3: hmac.new(b"SANDBOXSECRETKEY", "&".join(f"{quote_plus(k, safe='')}={quote_plus(v, safe='')}" for k, v in sorted(f.items())).encode(), hashlib.sha512).hexdigest()
    private const string PayHash = "6aaad926c9eaf5ff866f5ef3cfc8b90887f7cdbb2045748b3ffc30f6c0872433bd41232d762ac3e844cced9f01c08001c969f3a9abc52ef2c1c800a14861dccc";

    private static readonly Dictionary<string, string> Ipn = new()
    {
        ["vnp_Amount"] = "5800000", ["vnp_BankCode"] = "NCB", ["vnp_BankTranNo"] = "VNP14422574", ["vnp_CardType"] = "ATM",
        ["vnp_OrderInfo"] = "Thanh toan le phi ho so 000.00.01.H22-261120-0001", ["vnp_PayDate"] = "20261120094512", ["vnp_ResponseCode"] = "00",
        ["vnp_TmnCode"] = "HAGIANG1", ["vnp_TransactionNo"] = "14422574", ["vnp_TransactionStatus"] = "00", ["vnp_TxnRef"] = "PAY20261120A1",
    };

    private const string IpnHash = "f9e03c2fff083baabe8d17976f84ce86e26651e4fefb4f8c55ab201e8324886420feb7006a00dd4c2b3cbf5d4dafa59025907833b014ecfbdc13d879e2c38ca3";

    // The refund request's fields in the order VNPAY's refund API hashes them, and the refund answer's.
    private static readonly string[] RefundRequest =
        ["8f3c2a", "2.1.0", "refund", "HAGIANG1", "02", "PAY20261120A1", "5800000", "14422574", "20261120093000", "Tran Thi Hoa", "20261121080000", "10.0.0.5", "Hoan tien ho so"];

    private const string RefundRequestHash = "1021b2106aab2daaccbebb19c4a275f0436a70080cf01741a2cf92a79d62e6286d9f75da57c14744f55d66612a0ae19774a6878d6b5185926f2a3a5dbe82d971";

    private static readonly string[] RefundAnswer =
        ["r1", "refund", "00", "Refund success", "HAGIANG1", "PAY20261120A1", "5800000", "NCB", "20261121080102", "14422999", "02", "05", "Hoan tien ho so"];

    private const string RefundAnswerHash = "07adef7b1c498c1ff1c45df769cf96338eb5797a5752962d2ad349350ca955e4d60b7a5d8720840bfed87c1b396b95fab732a53f583e8aa6dc8d4678b87f0a58";

    private const string PlatformRecipe = "LoaiBanTin|MaLoi|MaDoiTac|MaThamChieu|SoTien";
    private const string PlatformMessage = """{"SoTien":58000,"MaThamChieu":"ref1","MaDoiTac":"HAGIANG","MaLoi":"00","LoaiBanTin":"2"}""";

    [Fact]
    public void The_vnpay_payment_url_is_signed_as_vnpay_computes_it()
    {
        Assert.EndsWith($"&vnp_SecureHash={PayHash}", VnpaySignature.SignedQuery(PayRequest, VnpaySecret));
        Assert.Equal(PayHash, SimulatorSignatures.VnpayQueryHash(PayRequest, VnpaySecret));
    }

    [Fact]
    public void A_vnpay_ipn_signed_by_vnpay_verifies_and_one_altered_does_not()
    {
        var signed = new Dictionary<string, string>(Ipn) { ["vnp_SecureHash"] = IpnHash };

        Assert.True(VnpaySignature.Verify(signed, VnpaySecret));
        Assert.False(VnpaySignature.Verify(new Dictionary<string, string>(signed) { ["vnp_Amount"] = "5800100" }, VnpaySecret));
        Assert.Equal(IpnHash, SimulatorSignatures.VnpayQueryHash(Ipn, VnpaySecret));
    }

    [Fact]
    public void The_vnpay_refund_request_and_its_answer_are_hashed_over_their_fields_in_the_apis_order()
    {
        Assert.Equal(RefundRequestHash, VnpaySignature.PipeHash(RefundRequest, VnpaySecret));
        Assert.Equal(RefundRequestHash, SimulatorSignatures.VnpayPipeHash(RefundRequest, VnpaySecret));
        Assert.Equal(RefundAnswerHash, VnpaySignature.PipeHash(RefundAnswer, VnpaySecret));
        Assert.Equal(RefundAnswerHash, SimulatorSignatures.VnpayPipeHash(RefundAnswer, VnpaySecret));
    }

    [Theory]
    // python3: hashlib.sha256("2|00|HAGIANG|ref1|58000|sandbox-key".encode()).hexdigest()
    [InlineData(PlatformChecksumAlgorithm.Sha256WithKey, "e39060ee064759c914b85162582a0e6be658d7d2796d998fa92c45a188db1ca1")]
    // python3: hmac.new(b"sandbox-key", b"2|00|HAGIANG|ref1|58000", hashlib.sha256).hexdigest()
    [InlineData(PlatformChecksumAlgorithm.HmacSha256, "e37d4a945b07f52f35d88563a8e46bc918f7dc341bca51223ef30f6b69d26af0")]
    public void The_payment_platforms_checksum_is_computed_as_the_platform_computes_it(PlatformChecksumAlgorithm algorithm, string expected)
    {
        Assert.Equal(expected, PlatformChecksum.Compute(algorithm, PlatformRecipe, JsonSerializer.Deserialize<JsonElement>(PlatformMessage), "sandbox-key"));
        Assert.Equal(expected, SimulatorSignatures.PlatformChecksum(algorithm, PlatformRecipe, JsonNode.Parse(PlatformMessage)!.AsObject(), "sandbox-key"));
    }

    [Fact]
    public void The_population_databases_basic_authentication_hashes_the_url_user_timestamp_and_secret()
    {
        // python3: hashlib.sha256((url + user + ts + secret).encode()).hexdigest(), then base64 of "user:hash"
        const string url = "http://c06.bocongan.example/dancu/TraCuuThongTinCongDan";

        Assert.Equal("0c2d9eff4399b08d9df645b5fd56f5f1da49d3a3714d2d797ccdf16f61c6b6fe", C06Authentication.Password(url, "hagiang-hub", "1764662400000", "c06-secret"));
        Assert.Equal(
            "Basic aGFnaWFuZy1odWI6MGMyZDllZmY0Mzk5YjA4ZDlkZjY0NWI1ZmQ1NmY1ZjFkYTQ5ZDNhMzcxNGQyZDc5N2NjZGYxNmY2MWM2YjZmZQ==",
            C06Authentication.Header(url, "hagiang-hub", "1764662400000", "c06-secret"));
    }

    [Fact]
    public void The_lgsp_access_token_is_base64_of_its_credentials_as_json()
    {
        // python3: base64.b64encode(json.dumps(d, separators=(",", ":")).encode()), keys in this order
        var settings = new LgspSettings { AccessKey = "ak", SecretKey = "sk", AppName = "HubHaGiang", PartnerCode = "000.00.00.H22", PartnerCodeCus = "000.00.00.H22" };

        Assert.Equal(
            "eyJBY2Nlc3NLZXkiOiJhayIsIlNlY3JldEtleSI6InNrIiwiQXBwTmFtZSI6Ikh1YkhhR2lhbmciLCJQYXJ0bmVyQ29kZSI6IjAwMC4wMC4wMC5IMjIiLCJQYXJ0bmVyQ29kZUN1cyI6IjAwMC4wMC4wMC5IMjIifQ==",
            settings.AccessHeader());
    }
}
