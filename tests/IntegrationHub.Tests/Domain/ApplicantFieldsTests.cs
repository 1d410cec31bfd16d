using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Registries;
using RegistrySource = IntegrationHub.Hub.Dossiers.RegistrySource;
using Sex = IntegrationHub.Hub.Dossiers.Sex;

namespace IntegrationHub.Tests.Domain;

/// <summary>How a registry's facts meet what the agency gave.</summary>
public sealed class ApplicantFieldsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T03:00:00Z");
    private static readonly RegistrySource Source = new("population", Now.AddHours(-2), FromCache: true);
    private static readonly CitizenFacts Facts = new("079090000123", "Lê Thị Hoa", "1990-04-05", Sex.Female, "Việt Nam", "Số 5 đường Lê Lợi", "Số 7 đường Trần Phú");

    [Fact]
    public void Empty_fields_are_filled_and_their_source_recorded()
    {
        var (applicant, check) = ApplicantFields.Merge(Given(), Facts, Source, Now);

        Assert.Equal((Sex.Female, "Việt Nam", "Số 5 đường Lê Lợi", "Số 7 đường Trần Phú"), (applicant.Sex, applicant.Nationality, applicant.PermanentAddress, applicant.Address));
        Assert.All(check.Filled, f => Assert.Equal(Source, f.Source));
        Assert.Equal((ApplicantCheckState.Verified, Now), (check.State, check.CheckedAt));
    }

    [Fact]
    public void Case_spacing_and_unicode_form_do_not_make_a_mismatch()
    {
        var given = Given() with { PermanentAddress = "  số 5   ĐƯỜNG lê lợi ".Normalize(System.Text.NormalizationForm.FormD) };

        var (applicant, check) = ApplicantFields.Merge(given, Facts, Source, Now);

        Assert.Empty(check.Mismatches);
        Assert.Equal(given.PermanentAddress, applicant.PermanentAddress);
    }

    [Fact]
    public void A_different_value_is_kept_and_listed_as_a_mismatch()
    {
        var (applicant, check) = ApplicantFields.Merge(Given() with { Sex = Sex.Male }, Facts, Source, Now);

        Assert.Equal(Sex.Male, applicant.Sex);
        Assert.Equal(new FieldMismatch("sex", "Male", "Female", Source), Assert.Single(check.Mismatches));
    }

    [Fact]
    public void A_value_the_registry_does_not_hold_is_neither_filled_nor_a_mismatch()
    {
        var (applicant, check) = ApplicantFields.Merge(Given() with { Nationality = "Lào" }, Facts with { Nationality = null }, Source, Now);

        Assert.Equal("Lào", applicant.Nationality);
        Assert.DoesNotContain(check.Filled, f => f.Field == "nationality");
        Assert.Empty(check.Mismatches);
    }

    [Theory]
    [InlineData("079090000123", "079*******23")]
    [InlineData("0100109106", "010*****06")]
    [InlineData("1234", "****")]
    public void Identifiers_in_log_lines_keep_only_their_ends(string identifier, string masked) =>
        Assert.Equal(masked, IdentifierMask.Mask(identifier));

    private static Applicant Given() => new(ApplicantKind.Citizen, "079090000123", "Lê Thị Hoa", null) { BirthDate = "1990-04-05" };
}
