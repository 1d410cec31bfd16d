using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using IntegrationHub.Hub.Security;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>gRPC over TLS with client certificates (mutual TLS) as an alternative to API keys.</summary>
public sealed class MutualTlsTests : HubTest
{
    private const string PfxPassword = "test-only";
    private static readonly TestCertificates Certificates = new("Integration hub test CA");
    private static readonly X509Certificate2 JusticeByThumbprint = Certificates.Client("CN=justice-tls, O=So Tu phap Ha Giang");
    private static readonly X509Certificate2 ConstructionBySubject = Certificates.Client("CN=construction-tls, O=So Xay dung Ha Giang");
    private static readonly X509Certificate2 Unregistered = Certificates.Client("CN=somebody-else");
    private static readonly string ServerPfx = Certificates.ServerPfx(PfxPassword);
    private static readonly X509Certificate2 Expired = Certificates.Client("CN=justice-tls, O=So Tu phap Ha Giang", notAfter: DateTimeOffset.UtcNow.AddDays(-1));

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Kestrel:Endpoints:Grpc:Url"] = "https://127.0.0.1:0";
        settings["Kestrel:Endpoints:Grpc:Certificate:Path"] = ServerPfx;
        settings["Kestrel:Endpoints:Grpc:Certificate:Password"] = PfxPassword;
        settings["Hub:Access:ClientCertificateAuthorities:0"] = Certificates.AuthorityPem;
        settings["Hub:Access:Clients:2:Id"] = "justice-tls";
        settings["Hub:Access:Clients:2:CertificateSha256:0"] = ClientCertificateValidator.Sha256(JusticeByThumbprint);
        settings["Hub:Access:Clients:2:Agencies:0"] = TestAgencies.JusticeCode;
        settings["Hub:Access:Clients:3:Id"] = "construction-tls";
        settings["Hub:Access:Clients:3:CertificateSubject"] = "CN=construction-tls, O=So Xay dung Ha Giang";
        settings["Hub:Access:Clients:3:Agencies:0"] = TestAgencies.ConstructionCode;
    }

    [Fact]
    public async Task A_certificate_registered_by_thumbprint_acts_for_its_clients_agencies_and_no_others()
    {
        using var channel = Channel(JusticeByThumbprint);
        var client = new DossierService.DossierServiceClient(channel);

        var code = (await client.SubmitDossierAsync(Samples.Submission(), deadline: HubProcess.Deadline())).DossierCode;

        Assert.Equal(code, (await client.GetDossierAsync(new GetDossierRequest { DossierCode = code }, deadline: HubProcess.Deadline())).DossierCode);
        var error = await Assert.ThrowsAsync<RpcException>(() => client.SubmitDossierAsync(Samples.Submission(TestAgencies.ConstructionCode), deadline: HubProcess.Deadline()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task A_certificate_registered_by_subject_is_accepted()
    {
        using var channel = Channel(ConstructionBySubject);

        await new DossierService.DossierServiceClient(channel).SubmitDossierAsync(Samples.Submission(TestAgencies.ConstructionCode), deadline: HubProcess.Deadline());
    }

    [Fact]
    public async Task A_trusted_certificate_registered_to_no_client_is_unauthenticated_with_the_reason()
    {
        var error = await RefusedAsync(Unregistered);

        Assert.Matches("the client certificate CN=somebody-else \\(SHA-256 [0-9a-f]{64}\\) is not registered to an agency client", error.Status.Detail);
    }

    [Fact]
    public async Task An_expired_certificate_is_unauthenticated()
    {
        var error = await RefusedAsync(Expired);

        Assert.Contains("has expired or is not yet valid", error.Status.Detail);
    }

    [Fact]
    public async Task A_certificate_from_another_authority_is_unauthenticated_even_with_a_registered_subject()
    {
        using var stranger = new TestCertificates("Somebody else's CA");

        var error = await RefusedAsync(stranger.Client("CN=construction-tls, O=So Xay dung Ha Giang"));

        Assert.Contains("is not issued by an authority the hub trusts", error.Status.Detail);
    }

    [Fact]
    public async Task Without_a_certificate_an_api_key_still_works_over_tls_and_nothing_at_all_is_unauthenticated()
    {
        using var channel = Channel(certificate: null);

        await new DossierService.DossierServiceClient(channel.Intercept(m =>
        {
            m.Add("x-api-key", TestAgencies.JusticeKey);
            return m;
        })).SubmitDossierAsync(Samples.Submission(), deadline: HubProcess.Deadline());
        var error = await Assert.ThrowsAsync<RpcException>(() => new DossierService.DossierServiceClient(channel).SubmitDossierAsync(Samples.Submission(), deadline: HubProcess.Deadline()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task A_refused_certificate_stores_nothing_and_the_hub_serves_the_next_caller()
    {
        await RefusedAsync(Expired);

        using var channel = Channel(JusticeByThumbprint);
        await new DossierService.DossierServiceClient(channel).SubmitDossierAsync(Samples.Submission(), deadline: HubProcess.Deadline());
        Assert.Equal(1, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossiers"));
    }

    private async Task<RpcException> RefusedAsync(X509Certificate2 certificate)
    {
        using var channel = Channel(certificate);
        var error = await Assert.ThrowsAsync<RpcException>(() => new DossierService.DossierServiceClient(channel).SubmitDossierAsync(Samples.Submission(), deadline: HubProcess.Deadline()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        return error;
    }

    /// <summary>A channel that trusts the test authority for the hub's certificate and presents the given client certificate.</summary>
    private GrpcChannel Channel(X509Certificate2? certificate) => GrpcChannel.ForAddress(Hub.Address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = certificate is null ? null : new X509CertificateCollection { certificate },
                RemoteCertificateValidationCallback = (_, server, _, _) => server is not null && IssuedByTestAuthority(new X509Certificate2(server)),
            },
        },
    });

    private static bool IssuedByTestAuthority(X509Certificate2 server)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Certificates.Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server);
    }
}
