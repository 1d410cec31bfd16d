using System.Text.Json;
using IntegrationHub.Adapters.Payments.PaymentPlatform;

namespace IntegrationHub.Tests.Adapters;

/// <summary>MaXacThuc of the DVCQG payment platform, per the recipe in configuration (expected values computed with Python's hashlib; both algorithms' known answers are in <see cref="SignatureKnownAnswerTests"/>).</summary>
public sealed class PlatformChecksumTests
{
    private const string Fields = "LoaiBanTin|MaLoi|MaDoiTac|MaThamChieu|SoTien";
    private static readonly JsonElement Message = JsonSerializer.Deserialize<JsonElement>("""{"SoTien":58000,"MaThamChieu":"ref1","MaDoiTac":"HAGIANG","MaLoi":"00","LoaiBanTin":"2"}""");

    [Fact]
    public void A_field_the_message_lacks_counts_as_empty()
    {
        var withoutCode = JsonSerializer.Deserialize<JsonElement>("""{"SoTien":"58000","MaThamChieu":"ref1","MaDoiTac":"HAGIANG","LoaiBanTin":"2"}""");

        Assert.Equal(
            "ec0067b8be1e8aedb492145aeb556c05e07ed91febdcf18f56962120025afd2a",
            PlatformChecksum.Compute(PlatformChecksumAlgorithm.Sha256WithKey, Fields, withoutCode, "sandbox-key"));
    }

    [Fact]
    public void Verification_accepts_upper_case_hex_and_refuses_another_key()
    {
        var signed = JsonSerializer.Deserialize<JsonElement>(
            """{"LoaiBanTin":"2","MaLoi":"00","MaDoiTac":"HAGIANG","MaThamChieu":"ref1","SoTien":"58000","MaXacThuc":"E39060EE064759C914B85162582A0E6BE658D7D2796D998FA92C45A188DB1CA1"}""");

        Assert.True(PlatformChecksum.Verify(PlatformChecksumAlgorithm.Sha256WithKey, Fields, signed, "sandbox-key"));
        Assert.False(PlatformChecksum.Verify(PlatformChecksumAlgorithm.Sha256WithKey, Fields, signed, "another-key"));
    }
}
