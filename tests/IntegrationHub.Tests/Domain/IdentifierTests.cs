using IntegrationHub.Hub.Dossiers;

namespace IntegrationHub.Tests.Domain;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("0100109106")]
    [InlineData("0100112437")]
    [InlineData("0300588569")]
    [InlineData("0102100740")]
    [InlineData("0100109106001")]
    public void A_tax_code_with_the_right_check_digit_is_valid(string code) => Assert.True(EnterpriseCode.IsValid(code));

    [Theory]
    [InlineData("0100109107")]
    [InlineData("0100109106000")]
    [InlineData("010010910")]
    [InlineData("01001091061")]
    [InlineData("01001O9106")]
    [InlineData("")]
    public void A_tax_code_with_a_wrong_check_digit_length_or_suffix_is_invalid(string code) => Assert.False(EnterpriseCode.IsValid(code));

    [Fact]
    public void Nine_leading_digits_whose_weighted_sum_leaves_no_remainder_can_never_form_a_code()
    {
        // 1×7 + 0×5 + 5×3 = 22, a multiple of 11: the rule would need a check digit of 10.
        Assert.Equal(-1, EnterpriseCode.CheckDigit("000000105"));
    }

    [Theory]
    [InlineData("001090123456", true)]
    [InlineData("00109012345", false)]
    [InlineData("0010901234567", false)]
    [InlineData("00109012345a", false)]
    public void A_citizen_number_is_twelve_digits(string number, bool wellFormed) => Assert.Equal(wellFormed, CitizenIdNumber.IsWellFormed(number));

    [Theory]
    [InlineData("pdf", "application/pdf")]
    [InlineData("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("tif", "image/tiff")]
    [InlineData("image/jpeg", "image/jpeg")]
    [InlineData("exe", null)]
    [InlineData("image/gif", null)]
    public void Only_the_portals_document_types_are_accepted(string given, string? canonical) => Assert.Equal(canonical, DocumentMediaTypes.Normalize(given));
}
