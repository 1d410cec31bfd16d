using IntegrationHub.Hub.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Tests.Domain;

/// <summary>The portal is told the handling agency by name (DonViXuLy), never by a code in its place.</summary>
public sealed class AgencyNamesTests
{
    [Fact]
    public void An_agency_a_client_acts_for_without_a_name_is_refused_at_start()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Access(("000.00.01.H22", "")).Value);

        Assert.Contains("needs its name in Hub:Access:Agencies", error.Message);
    }

    [Fact]
    public void Every_agency_a_client_acts_for_with_a_name_is_accepted() =>
        Assert.Equal("Sở Tư pháp", Access(("000.00.01.H22", "Sở Tư pháp")).Value.Agencies.Single().Name);

    private static IOptions<AccessOptions> Access((string Code, string Name) agency)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:Access:Agencies:0:Code"] = agency.Code,
            ["Hub:Access:Agencies:0:Name"] = agency.Name,
            ["Hub:Access:Clients:0:Id"] = "justice",
            ["Hub:Access:Clients:0:Agencies:0"] = "000.00.01.H22",
        }).Build();
        return new ServiceCollection().AddLogging().AddAgencyAuthentication(configuration).BuildServiceProvider().GetRequiredService<IOptions<AccessOptions>>();
    }
}
