using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Adapters.NationalPortal.Wire;
using IntegrationHub.Adapters.Payments;
using IntegrationHub.Adapters.Payments.PaymentPlatform;
using IntegrationHub.Adapters.Payments.Vnpay;
using IntegrationHub.Adapters.Sms.Esms;
using IntegrationHub.Adapters.Sms.SpeedSms;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Tests.Adapters;

/// <summary>
/// A bounded fuzz run (fixed seed, so a failure repeats) of the parsers that read what national systems
/// and gateways send: mutated copies of valid messages never make them throw, and a mutated callback
/// never passes as a verified report of another reference or amount.
/// </summary>
public sealed class WireParserFuzzTests
{
    private const int Seed = 20261123;
    private const int Cases = 500;
    private const string VnpaySecret = "fuzz-vnpay-secret";
    private const string PlatformKey = "fuzz-platform-key";

    [Fact]
    public void Mutated_portal_answers_are_read_or_refused_without_throwing()
    {
        var random = new Random(Seed);
        const string valid = """{"error_code":"00","message":"Đồng bộ thành công","result":{"MaHoSo":"000.00.01.H22-261123-0001","session":"abc"}}""";

        for (var i = 0; i < Cases; i++)
        {
            PortalAnswer.TryParse(Mutate(valid, random));
        }
    }

    [Fact]
    public void Mutated_vnpay_callbacks_never_verify_for_another_reference_or_amount()
    {
        var random = new Random(Seed);
        var gateway = Vnpay();
        var valid = VnpaySignature.SignedQuery(new Dictionary<string, string>
        {
            ["vnp_Amount"] = "5800000", ["vnp_OrderInfo"] = "Nop phi ho so", ["vnp_PayDate"] = "20261123101500", ["vnp_ResponseCode"] = "00",
            ["vnp_TmnCode"] = "HUBSANDB", ["vnp_TransactionNo"] = "14000001", ["vnp_TransactionStatus"] = "00", ["vnp_TxnRef"] = "ref-1",
        }, VnpaySecret);
        // The unmutated callback verifies, so the loop's check is not empty.
        Assert.NotNull(gateway.ReadCallback(new PaymentCallback(Query(valid), "")).Report);

        for (var i = 0; i < Cases; i++)
        {
            var reading = gateway.ReadCallback(new PaymentCallback(Query(Mutate(valid, random)), ""));
            if (reading.Report is { } report)
            {
                Assert.Equal(("ref-1", 58_000L), (report.Reference, report.Amount));
            }
        }
    }

    [Fact]
    public void Mutated_payment_platform_confirms_never_verify_for_another_reference_or_amount()
    {
        var random = new Random(Seed);
        var gateway = Platform();
        var confirm = new JsonObject
        {
            ["LoaiBanTin"] = "2", ["MaLoi"] = "00", ["MaDoiTac"] = "FUZZ", ["MaThamChieu"] = "ref-2", ["SoTien"] = "58000", ["MaTienTe"] = "VND",
            ["MaGiaoDich"] = "PP1", ["MaNganHang"] = "NAPAS", ["ThoiGianGD"] = "20261123101500", ["ThongTinGiaoDich"] = "Nop phi",
        };
        confirm["MaXacThuc"] = PlatformChecksum.Compute(
            PlatformChecksumAlgorithm.Sha256WithKey, new PlatformChecksumRecipe().Confirm, JsonSerializer.SerializeToElement(confirm), PlatformKey);
        var valid = confirm.ToJsonString();
        Assert.NotNull(gateway.ReadCallback(new PaymentCallback(new Dictionary<string, string>(), valid)).Report);

        for (var i = 0; i < Cases; i++)
        {
            var body = Mutate(valid, random);
            var reading = gateway.ReadCallback(new PaymentCallback(new Dictionary<string, string>(), body));
            gateway.Answer(reading.Report is null ? CallbackOutcome.BadSignature : CallbackOutcome.Confirmed, new PaymentCallback(new Dictionary<string, string>(), body));
            if (reading.Report is { } report)
            {
                Assert.Equal(("ref-2", 58_000L), (report.Reference, report.Amount));
            }
        }
    }

    [Fact]
    public void Mutated_esms_delivery_reports_are_read_or_refused_without_throwing()
    {
        var random = new Random(Seed);
        var provider = new EsmsProvider(null!, Options.Create(new EsmsOptions { ApiKey = "k", SecretKey = "s", Brandname = "B" }));
        const string valid = "SMSID=5edd7458-5229-4620-91c0-9589a61eebfb&SendStatus=5&SendSuccess=1&SendFailed=0&RequestId=abc%3AReceived%3A2&phonenumber=0912345678";

        for (var i = 0; i < Cases; i++)
        {
            provider.ReadReport(new IntegrationHub.Adapters.Sms.SmsReportCall(Query(Mutate(valid, random)), ""));
        }
    }

    [Fact]
    public void Mutated_speedsms_delivery_reports_are_read_or_refused_without_throwing()
    {
        var random = new Random(Seed);
        var provider = new SpeedSmsProvider(null!, Options.Create(new SpeedSmsOptions { AccessToken = "t", Brandname = "B" }));
        const string valid = """{"type":"report","tranId":123456,"phone":"84912345678","status":0}""";
        Assert.NotNull(provider.ReadReport(new IntegrationHub.Adapters.Sms.SmsReportCall(new Dictionary<string, string>(), valid)));

        for (var i = 0; i < Cases; i++)
        {
            provider.ReadReport(new IntegrationHub.Adapters.Sms.SmsReportCall(new Dictionary<string, string>(), Mutate(valid, random)));
        }
    }

    /// <summary>One random edit: a character replaced (by a control, JSON, SQL or non-ASCII one), a span removed or doubled, the text cut, or bytes made invalid UTF-8.</summary>
    private static string Mutate(string text, Random random)
    {
        const string hostile = "\0\u0001\n\r\t\"'\\{}[]:,;=&%+-- /*\u00ff\u202e\ud800đĐ";
        if (text.Length == 0)
        {
            return hostile[random.Next(hostile.Length)].ToString();
        }
        var at = random.Next(text.Length);
        var span = Math.Min(random.Next(1, 8), text.Length - at);
        return random.Next(6) switch
        {
            0 => text[..at] + hostile[random.Next(hostile.Length)] + text[(at + 1)..],
            1 => text[..at] + text[(at + span)..],
            2 => text[..(at + span)] + text[at..],
            3 => text[..at],
            4 => Encoding.UTF8.GetString([.. Encoding.UTF8.GetBytes(text[..at]), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(text[at..])]),
            _ => text[..at] + new string(hostile[random.Next(hostile.Length)], random.Next(1, 2000)) + text[at..],
        };
    }

    private static Dictionary<string, string> Query(string query) =>
        query.Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .GroupBy(p => SafeUnescape(p[0]), StringComparer.Ordinal).ToDictionary(g => g.Key, g => SafeUnescape(g.First()[1]), StringComparer.Ordinal);

    // As ASP.NET Core's query parsing does: a bad escape is kept as written.
    private static string SafeUnescape(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    private static VnpayGateway Vnpay() => new(
        null!,
        Options.Create(new VnpayOptions { HashSecret = VnpaySecret, TmnCode = "HUBSANDB", PayUrl = new Uri("http://127.0.0.1/pay"), ApiUrl = new Uri("http://127.0.0.1"), ReturnUrl = "http://127.0.0.1" }),
        TestActivities.Of("vnpay"), TimeProvider.System);

    private static PaymentPlatformGateway Platform() => new(
        null!, Options.Create(new PaymentPlatformOptions { ApiUrl = new Uri("http://127.0.0.1"), PartnerCode = "FUZZ", HashKey = PlatformKey }),
        TestActivities.Of("dvcqg-payment"));
}
