using System.Text.Json;
using IntegrationHub.Adapters.Payments.PaymentPlatform;

namespace IntegrationHub.Tests.Adapters;

/// <summary>MaXacThuc of the DVCQG payment platform, per the recipe in configuration (expected values computed with Python's hashlib).</summary>
public sealed class PlatformChecksumTests
{
    private const string Fields = "LoaiBanTin|MaLoi|MaDoiTac|MaThamChieu|SoTien";
    private static readonly JsonElement Message = JsonSerializer.Deserialize<JsonElement>("""{"SoTien":58000,"MaThamChieu":"ref1","MaDoiTac":"HAGIANG","MaLoi":"00","LoaiBanTin":"2"}""");

    [Fact]
    public void Sha256_with_key_hashes_the_named_fields_in_recipe_order_with_the_key_last()
    {
        Assert.Equal(
            "e39060ee064759c914b85162582a0e6be658d7d2796d998fa92c45a188db1ca1",
            PlatformChecksum.Compute(PlatformChecksumAlgorithm.Sha256WithKey, Fields, Message, "sandbox-key"));
    }

    [Fact]
    public void Hmac_sha256_keys_the_hash_of_the_named_fields()
    {
        Assert.Equal(
            "e37d4a945b07f52f35d88563a8e46bc918f7dc341bca51223ef30f6b69d26af0",
            PlatformChecksum.Compute(PlatformChecksumAlgorithm.HmacSha256, Fields, Message, "sandbox-key"));
    }

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
