using IntegrationHub.Adapters.Sms;
using IntegrationHub.Adapters.Text;

namespace IntegrationHub.Tests.Domain;

/// <summary>SMS texts: diacritics, segment counting and Vietnamese mobile numbers.</summary>
public sealed class SmsTextTests
{
    [Fact]
    public void Without_diacritics_drops_every_mark_and_maps_d_with_stroke() =>
        Assert.Equal("Ho so DK khai sinh cua Dang Thi Duong da co ket qua",
            VietnameseText.WithoutDiacritics("Hồ sơ ĐK khai sinh của Đặng Thị Dương đã có kết quả"));

    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Plain_text_counts_160_in_one_sms_then_153_per_part(int length, int segments)
    {
        var counted = SmsSegments.Of(new string('a', length));

        Assert.Equal((SmsEncoding.Gsm7, segments), (counted.Encoding, counted.Count));
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void One_vietnamese_letter_makes_the_text_ucs2_at_70_then_67_per_part(int length, int segments)
    {
        var counted = SmsSegments.Of("ư" + new string('a', length - 1));

        Assert.Equal((SmsEncoding.Ucs2, segments), (counted.Encoding, counted.Count));
    }

    [Fact]
    public void Extension_characters_count_twice()
    {
        var counted = SmsSegments.Of(new string('a', 158) + "[]");

        Assert.Equal((SmsEncoding.Gsm7, 162, 2), (counted.Encoding, counted.Units, counted.Count));
    }

    [Theory]
    [InlineData("0912345678", "+84912345678")]
    [InlineData("0912 345 678", "+84912345678")]
    [InlineData("+84 912-345-678", "+84912345678")]
    [InlineData("84912345678", "+84912345678")]
    [InlineData("0084912345678", "+84912345678")]
    [InlineData("0868.123.456", "+84868123456")]
    public void A_mobile_number_written_any_usual_way_is_kept_in_e164(string written, string e164) =>
        Assert.Equal(e164, VietnamMobileNumber.Normalize(written));

    [Theory]
    [InlineData("02433123456")]
    [InlineData("01212345678")]
    [InlineData("091234567")]
    [InlineData("+14155550123")]
    [InlineData("not a number")]
    [InlineData("")]
    public void A_landline_an_old_11_digit_mobile_a_short_or_foreign_number_is_not_a_vietnamese_mobile(string written) =>
        Assert.Null(VietnamMobileNumber.Normalize(written));

    [Fact]
    public void Providers_get_the_number_in_their_own_form() =>
        Assert.Equal(("84912345678", "0912345678"), (VietnamMobileNumber.International("+84912345678"), VietnamMobileNumber.National("+84912345678")));
}
