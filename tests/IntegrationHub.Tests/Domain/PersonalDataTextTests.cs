using IntegrationHub.Hub.Logging;

namespace IntegrationHub.Tests.Domain;

/// <summary>What log masking recognises as personal, and what it leaves alone.</summary>
public sealed class PersonalDataTextTests
{
    [Theory]
    [InlineData("lookup of 001090123456 failed", "lookup of 001*******56 failed")]
    [InlineData("phone=0912345678&x=1", "phone=091*****78&x=1")]
    [InlineData("to 84912345678.", "to 849******78.")]
    [InlineData("to +84912345678", "to +84*******78")]
    public void Identification_and_mobile_numbers_are_masked(string text, string masked) => Assert.Equal(masked, PersonalDataText.Mask(text));

    [Theory]
    [InlineData("dossier 000.00.01.H22-261120-0001 paid 58000 VND")]
    [InlineData("transaction 14000001, tax code 0100109106")]
    [InlineData("reference 01a2090343177531a9201ed312157c55")]
    [InlineData("a 13-digit number 0010901234567 is not a CCCD")]
    public void Codes_amounts_and_references_are_left_as_they_are(string text) => Assert.Equal(text, PersonalDataText.Mask(text));
}
