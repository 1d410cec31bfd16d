using IntegrationHub.Adapters.Registries;
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
    [InlineData("096190123456", true)]
    [InlineData("00109012345", false)]
    [InlineData("0010901234567", false)]
    [InlineData("00109012345a", false)]
    [InlineData("003090123456", false)]
    [InlineData("097090123456", false)]
    [InlineData("000090123456", false)]
    public void A_citizen_number_is_twelve_digits_starting_with_a_province_code(string number, bool wellFormed) =>
        Assert.Equal(wellFormed, CitizenIdNumber.IsWellFormed(number));

    [Theory]
    [InlineData("001090123456", 1990, false)]
    [InlineData("001190123456", 1990, true)]
    [InlineData("002205123456", 2005, false)]
    [InlineData("002305123456", 2005, true)]
    [InlineData("079999123456", 1899, true)]
    [InlineData("079850123456", 1850, false)]
    [InlineData("079412123456", 2112, false)]
    public void Digit_four_gives_the_century_and_the_sex_and_the_next_two_the_year(string number, int year, bool female)
    {
        Assert.Equal(year, CitizenIdNumber.BirthYear(number));
        Assert.Equal(female, CitizenIdNumber.IsFemale(number));
    }

    [Fact]
    public void A_number_whose_birth_year_contradicts_the_declared_one_is_refused_with_both_years() =>
        Assert.Equal("digits 4–6 say born in 1990, not 1985", CitizenIdNumber.Problem("001090123456", birthYear: 1985));

    [Fact]
    public void A_number_whose_birth_year_agrees_with_the_declared_one_is_accepted() =>
        Assert.Null(CitizenIdNumber.Problem("001090123456", birthYear: 1990));

    [Theory]
    [InlineData("pdf", "application/pdf")]
    [InlineData("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("tif", "image/tiff")]
    [InlineData("image/jpeg", "image/jpeg")]
    [InlineData("exe", null)]
    [InlineData("image/gif", null)]
    public void Only_the_portals_document_types_are_accepted(string given, string? canonical) => Assert.Equal(canonical, DocumentMediaTypes.Normalize(given));
}
