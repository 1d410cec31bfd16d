using System.Security.Cryptography;
using IntegrationHub.Hub;
using Microsoft.Extensions.Configuration;

namespace IntegrationHub.Tests.Integration;

/// <summary>The start-up check that refuses sample secrets outside the sandbox.</summary>
public sealed class SampleSecretsTests
{
    [Fact]
    public void A_production_hub_with_a_sample_secret_refuses_to_start_naming_the_setting_but_not_the_value()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build("Production", "sandbox-vnpay-hash-secret"));

        Assert.Contains("Hub:Adapters:Vnpay:HashSecret", error.Message);
        Assert.DoesNotContain("sandbox-vnpay-hash-secret", error.Message);
    }

    [Theory]
    [InlineData("changeme")]
    [InlineData("Password")]
    [InlineData("my-example-secret")]
    public void A_placeholder_secret_is_refused_in_production(string secret)
    {
        Assert.Throws<InvalidOperationException>(() => Build("Production", secret));
    }

    [Fact]
    public void A_production_hub_without_its_seal_key_refuses_to_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build("Production", "9Hq2xVw7LpA4sR8tY1zK3mN6bC5dF0gJ", sealKey: null));

        Assert.Contains("Hub:Audit:SealKey is not set", error.Message);
    }

    [Fact]
    public async Task A_production_hub_with_real_looking_secrets_starts()
    {
        await using var app = Build("Production", "9Hq2xVw7LpA4sR8tY1zK3mN6bC5dF0gJ");

        Assert.NotNull(app);
    }

    [Fact]
    public async Task The_sandbox_accepts_sample_secrets()
    {
        await using var app = Build("Sandbox", "sandbox-vnpay-hash-secret");

        Assert.NotNull(app);
    }

    private static readonly string SealKey = ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportECPrivateKeyPem();

    private static Microsoft.AspNetCore.Builder.WebApplication Build(string environment, string vnpaySecret) => Build(environment, vnpaySecret, SealKey);

    private static Microsoft.AspNetCore.Builder.WebApplication Build(string environment, string vnpaySecret, string? sealKey) =>
        HubApplication.Build([], builder =>
        {
            builder.Environment.EnvironmentName = environment;
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Hub"] = "Host=127.0.0.1;Port=1;Username=hub;Database=hub",
                ["Hub:Adapters:Vnpay:HashSecret"] = vnpaySecret,
                ["Hub:Audit:SealKey"] = sealKey,
            });
        });
}
