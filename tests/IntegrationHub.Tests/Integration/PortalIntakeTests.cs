using Grpc.Core;
using IntegrationHub.Hub.PortalIntake;
using IntegrationHub.Sandbox.Faults;
using IntegrationHub.Sandbox.NationalPortal;
using IntegrationHub.V1;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// Dossiers citizens file on DVCQG arrive at the agency that must handle them: pulled (DanhSachHoSo, TraCuuHoSo,
/// LayTaiLieuHoSo) from the simulated portal, each once, with its files byte for byte, and the portal then hears the
/// agency's steps under the national code.
/// </summary>
public sealed class PortalIntakeTests : HubTest
{
    // One file over a kilobyte, one of 300 KB, as citizens upload scans.
    private static readonly int[] Sizes = [1_500, 300_000];

    protected override void Configure(Dictionary<string, string?> settings) => settings["Hub:PortalIntake:MaxAttachmentBytes"] = "400000";

    [Fact]
    public async Task A_filing_is_pulled_once_with_its_files_and_the_portal_hears_its_steps_under_the_national_code()
    {
        var filing = Hub.Portal.Filings.File(TestAgencies.JusticeCode, Samples.ProcedureCode, DateTimeOffset.UtcNow.AddHours(-2), seed: 7, Sizes, Citizen(3));

        await Hub.RunOnceAsync(PortalIntakeJob.Key);
        await Hub.RunOnceAsync(PortalIntakeJob.Key);

        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = filing.Code });
        var arrived = await EventWatch.FirstAsync(Hub.Justice, e => e.DossierCode == filing.Code);
        Assert.Equal((DossierEventType.Submitted, "national-portal"), (arrived.Type, arrived.Detail));
        Assert.Equal((TestAgencies.JusticeCode, Samples.ProcedureCode, filing.IdNumber, Channel.Online), (dossier.AgencyCode, dossier.ProcedureCode, dossier.Applicant.IdNumber, dossier.Channel));
        // Once-only: what the filing did not say comes from the population database.
        Assert.Equal(ApplicantCheckState.Verified, dossier.ApplicantCheck.State);
        Assert.Equal(filing.Documents.Select(d => Sha256(d.Content)), dossier.Documents.Select(d => d.Sha256));
        Assert.Equal(1, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, $"SELECT count(*) FROM portal_arrivals WHERE national_code = '{filing.Code}'"));
        foreach (var document in filing.Documents)
        {
            Assert.Equal(document.Content, await TestPostgres.ScalarAsync<byte[]>(Hub.ConnectionString,
                $"SELECT content FROM dossier_attachments a JOIN dossiers d ON d.id = a.dossier_id WHERE d.code = '{filing.Code}' AND a.component_code = '{document.ComponentCode}'"));
        }

        var receive = Samples.Step(filing.Code, ProgressAction.Receive, 0);
        receive.OccurredAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        await Hub.Justice.RecordProgressAsync(receive);

        await Eventually.HoldsAsync(() => Hub.Portal.Records.Dossier(filing.Code) is { Progress.Count: 1 }, TimeSpan.FromSeconds(10), "the step at the portal");
        Assert.All(Hub.Portal.Records.Calls.Where(c => c.Service == "DongBoHoSoMC" && c.IsAbout(filing.Code)), call => Assert.Equal("True", call.IsUpdating));
    }

    [Fact]
    public async Task Two_pulls_at_once_over_the_same_window_make_one_dossier()
    {
        var filings = Enumerable.Range(0, 5)
            .Select(i => Hub.Portal.Filings.File(TestAgencies.JusticeCode, Samples.ProcedureCode, DateTimeOffset.UtcNow.AddHours(-1 - i), seed: i, [2_000], Citizen(i)))
            .ToList();
        var scopes = Hub.Service<IServiceScopeFactory>();

        var reports = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PortalIntakeRun>().PullAsync(CancellationToken.None);
        }));

        Assert.Equal(5, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossiers WHERE origin = 1"));
        Assert.Equal(5, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM portal_arrivals"));
        Assert.Equal(5, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossier_attachments"));
        Assert.Equal("", await TestPostgres.ScalarAsync<string>(Hub.ConnectionString, "SELECT coalesce(string_agg(problem, E'\n'), '') FROM portal_intake_problems"));
        Assert.Equal(0, reports.Sum(r => r.KeptAside));
        await Eventually.HoldsAsync(() => filings.All(f => Hub.Portal.Records.Dossier(f.Code) is { Syncs.Count: 1 }), TimeSpan.FromSeconds(10), "one sync each at the portal");
    }

    [Fact]
    public async Task A_pull_whose_answers_are_lost_takes_nothing_and_the_next_one_takes_each_filing_once()
    {
        var filings = Enumerable.Range(0, 3)
            .Select(i => Hub.Portal.Filings.File(TestAgencies.JusticeCode, Samples.ProcedureCode, DateTimeOffset.UtcNow.AddHours(-1 - i), seed: 20 + i, [1_000], Citizen(20 + i)))
            .ToList();
        Hub.Portal.Faults.Mode = FaultMode.AnswerLost;
        Hub.Portal.Faults.Down = true;
        var scopes = Hub.Service<IServiceScopeFactory>();
        async Task<IntakeReport> PullAsync()
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PortalIntakeRun>().PullAsync(CancellationToken.None);
        }

        var lost = await PullAsync();
        Hub.Portal.Faults.Reset();
        var recovered = await PullAsync();

        Assert.Equal((0, 2), (lost.Taken, lost.AgenciesFailed));
        Assert.Equal((3, 0), (recovered.Taken, recovered.AgenciesFailed));
        Assert.Equal(3, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossiers WHERE origin = 1"));
        await Eventually.HoldsAsync(() => filings.All(f => Hub.Portal.Records.Dossier(f.Code) is { Syncs.Count: 1 }), TimeSpan.FromSeconds(10), "one sync of each at the portal");
    }

    [Fact]
    public async Task Filings_that_cannot_be_taken_are_kept_aside_with_their_reason_and_the_others_arrive()
    {
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        var good = Hub.Portal.Filings.File(TestAgencies.JusticeCode, Samples.ProcedureCode, at, seed: 1, [1_000], Citizen(1));
        var template = Hub.Portal.Filings.File(TestAgencies.JusticeCode, Samples.ProcedureCode, at, seed: 2, [1_000], Citizen(2));
        var unknownCitizen = Hub.Portal.Filings.File(template with { Code = "G22.99-NO-CITIZEN", IdNumber = "001190099999", Documents = [] });
        var badId = Hub.Portal.Filings.File(template with { Code = "G22.99-BAD-ID", IdNumber = "12345", Documents = [] });
        var unknownProcedure = Hub.Portal.Filings.File(template with { Code = "G22.99-BAD-TTHC", ProcedureCode = "9.999999", Documents = [] });
        var noAgency = Hub.Portal.Filings.File(template with { Code = "G22.99-NO-AGENCY", AgencyCode = "", ListedUnder = TestAgencies.JusticeCode, Documents = [] });
        // Hà Nội's justice department (H26): listed under this province's agency by a portal that routed it wrongly.
        var otherProvince = Hub.Portal.Filings.File(template with { Code = "G22.99-H26", AgencyCode = "000.00.12.H26", ListedUnder = TestAgencies.JusticeCode, Documents = [] });
        var tooLarge = Hub.Portal.Filings.File(template with
        {
            Code = "G22.99-BAD-SIZE",
            Documents = [new FiledDocument("TP01", "Ban ve.pdf", "/dvcqg/tep/G22.99-BAD-SIZE/1.pdf", new byte[500_000])],
        });

        var garbled = Hub.Portal.Filings.File(template with
        {
            Code = "G22.99-BAD-BASE64",
            Documents = [new FiledDocument("TP01", "To khai.pdf", "/dvcqg/tep/G22.99-BAD-BASE64/1.pdf", new byte[1_000])],
        });
        Hub.Portal.Filings.Garble("/dvcqg/tep/G22.99-BAD-BASE64/1.pdf", "<html>504 Gateway Time-out</html>");

        await Hub.RunOnceAsync(PortalIntakeJob.Key);
        await Hub.RunOnceAsync(PortalIntakeJob.Key);

        Assert.Equal($"{good.Code} {template.Code}", await TestPostgres.ScalarAsync<string>(Hub.ConnectionString,
            "SELECT string_agg(national_code, ' ' ORDER BY national_code) FROM portal_arrivals"));
        var problems = await TestPostgres.ScalarAsync<string>(Hub.ConnectionString,
            "SELECT string_agg(national_code || ' ' || times_seen || ' ' || problem, E'\n' ORDER BY national_code) FROM portal_intake_problems");
        Assert.Equal(
            $"{garbled.Code} 2 hoSoDinhKem[0] /dvcqg/tep/G22.99-BAD-BASE64/1.pdf: LayTaiLieuHoSo gave no base64 content\n" +
            $"{badId.Code} 2 soDinhDanh: a citizen's identification number (CCCD) must be 12 digits\n" +
            $"{tooLarge.Code} 2 hoSoDinhKem[0] /dvcqg/tep/G22.99-BAD-SIZE/1.pdf: 500000 bytes; at most 400000 are kept\n" +
            $"{unknownProcedure.Code} 2 maTTHC 9.999999: not in the national procedure catalogue\n" +
            $"{otherProvince.Code} 2 maDonVi 000.00.12.H26: not an agency of this province\n" +
            $"{noAgency.Code} 2 maDonVi: missing, the handling agency is not known\n" +
            $"{unknownCitizen.Code} 2 applicant.id_number: the population database has no record of 001*******99 with this name and birth date, so sex, nationality, permanent_address cannot be filled",
            problems);
        Assert.Equal(0, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString,
            $"SELECT count(*) FROM dossiers WHERE code IN ('{badId.Code}', '{unknownCitizen.Code}', '{unknownProcedure.Code}', '{tooLarge.Code}', '{garbled.Code}', '{noAgency.Code}', '{otherProvince.Code}')"));
        // Each is kept aside under the agency it was listed for, so that agency's operators see it.
        Assert.Equal($"{TestAgencies.JusticeCode} {TestAgencies.JusticeCode}", await TestPostgres.ScalarAsync<string>(Hub.ConnectionString,
            $"SELECT string_agg(agency_code, ' ') FROM portal_intake_problems WHERE national_code IN ('{noAgency.Code}', '{otherProvince.Code}')"));
    }

    [Fact]
    public async Task A_filing_whose_second_file_fails_is_not_half_taken_and_arrives_whole_once_the_portal_serves_it()
    {
        var filing = Hub.Portal.Filings.File(TestAgencies.JusticeCode, Samples.ProcedureCode, DateTimeOffset.UtcNow.AddHours(-1), seed: 9, [1_200, 2_400], Citizen(9));
        var second = filing.Documents[1].Path;
        Hub.Portal.Filings.Garble(second, "<html>502 Bad Gateway</html>");

        await Hub.RunOnceAsync(PortalIntakeJob.Key);

        Assert.Equal((0L, 0L, 0L), (
            await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, $"SELECT count(*) FROM dossiers WHERE code = '{filing.Code}'"),
            await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossier_attachments"),
            await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM portal_arrivals")));

        Hub.Portal.Filings.Mend(second);
        await Hub.RunOnceAsync(PortalIntakeJob.Key);

        Assert.Equal(2, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString,
            $"SELECT count(*) FROM dossier_attachments a JOIN dossiers d ON d.id = a.dossier_id WHERE d.code = '{filing.Code}'"));
        Assert.Equal(0, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM portal_intake_problems"));
    }

    [Fact]
    public async Task An_agency_lists_its_arrivals_downloads_their_files_byte_for_byte_and_acknowledges_each_once()
    {
        var justice = Hub.Portal.Filings.File(TestAgencies.JusticeCode, Samples.ProcedureCode, DateTimeOffset.UtcNow.AddHours(-3), seed: 4, Sizes, Citizen(4));
        var construction = Hub.Portal.Filings.File(TestAgencies.ConstructionCode, Samples.ProcedureCode, DateTimeOffset.UtcNow.AddHours(-2), seed: 5, [800], Citizen(5));
        await Hub.RunOnceAsync(PortalIntakeJob.Key);
        var inbox = new InboxService.InboxServiceClient(Hub.Invoker(TestAgencies.JusticeKey));

        var waiting = await inbox.ListArrivalsAsync(new ListArrivalsRequest { AgencyCodes = { TestAgencies.JusticeCode } });

        var arrival = Assert.Single(waiting.Arrivals);
        Assert.Equal((justice.Code, TestAgencies.JusticeCode, justice.ApplicantName), (arrival.DossierCode, arrival.AgencyCode, arrival.ApplicantName));
        foreach (var (file, filed) in arrival.Files.Zip(justice.Documents))
        {
            using var download = inbox.DownloadAttachment(new DownloadAttachmentRequest { DossierCode = arrival.DossierCode, AttachmentId = file.AttachmentId });
            var content = new List<byte>();
            await foreach (var chunk in download.ResponseStream.ReadAllAsync())
            {
                Assert.Equal(content.Count, chunk.Offset);
                content.AddRange(chunk.Data);
            }
            Assert.Equal(filed.Content, content);
            Assert.Equal(Sha256(filed.Content), file.Sha256);
        }
        var first = await inbox.AcknowledgeArrivalAsync(new AcknowledgeArrivalRequest { DossierCode = justice.Code });
        var again = await inbox.AcknowledgeArrivalAsync(new AcknowledgeArrivalRequest { DossierCode = justice.Code });
        Assert.Equal(first, again);
        Assert.Equal("justice-system", first.AcknowledgedBy);
        Assert.Empty((await inbox.ListArrivalsAsync(new ListArrivalsRequest { AgencyCodes = { TestAgencies.JusticeCode } })).Arrivals);
        Assert.Single((await inbox.ListArrivalsAsync(new ListArrivalsRequest { AgencyCodes = { TestAgencies.JusticeCode }, IncludeAcknowledged = true })).Arrivals);
        // Another agency's arrival is not this client's to see or take.
        var other = new InboxService.InboxServiceClient(Hub.Invoker(TestAgencies.ConstructionKey));
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => other.AcknowledgeArrivalAsync(new AcknowledgeArrivalRequest { DossierCode = justice.Code }).ResponseAsync)).StatusCode);
        // Each acknowledgement, the repeat and the refusal included, is the agency's write in the exchange log.
        await Eventually.HoldsAsync(async () => await TestPostgres.ScalarAsync<string>(Hub.ConnectionString, $"""
                SELECT coalesce(string_agg(outcome, ',' ORDER BY id), '') FROM exchange_log
                WHERE kind = 2 AND operation = '/integrationhub.v1.InboxService/AcknowledgeArrival' AND dossier_code = '{justice.Code}'
                """) == "OK,OK,NotFound",
            TimeSpan.FromSeconds(10), "the acknowledgements in the exchange log");
        Assert.Equal(construction.Code, Assert.Single((await other.ListArrivalsAsync(new ListArrivalsRequest())).Arrivals).DossierCode);
    }

    [Fact]
    public async Task The_operator_command_lists_arrivals_and_the_filings_kept_aside_and_fails_while_any_is()
    {
        var taken = Hub.Portal.Filings.File(TestAgencies.JusticeCode, Samples.ProcedureCode, DateTimeOffset.UtcNow.AddHours(-1), seed: 8, [500], Citizen(8));
        Hub.Portal.Filings.File(taken with { Code = "G22.99-BAD-TTHC", ProcedureCode = "9.999999", Documents = [] });
        // Until a run has read the portal's list: on a busy test machine a run may find the portal not answering in time.
        await Eventually.HoldsAsync(async () =>
        {
            await Hub.RunOnceAsync(PortalIntakeJob.Key);
            return await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM portal_intake_problems") > 0;
        }, TimeSpan.FromSeconds(30), "the intake has read the portal's list");

        var (exitCode, output) = await Hub.OperatorCommandAsync("portal", "arrivals");

        Assert.Equal(1, exitCode);
        Assert.Contains(taken.Code, output);
        Assert.Contains("G22.99-BAD-TTHC", output);
        Assert.Contains("maTTHC 9.999999: not in the national procedure catalogue", output);
    }

    /// <summary>A citizen the simulated population database holds: the portal verified them through VNeID.</summary>
    private static (string, string, string) Citizen(int i) =>
        (HubSettings.Registries.Citizens[i].HoVaTen, HubSettings.Registries.Citizens[i].SoDinhDanh, HubSettings.Registries.Citizens[i].NgaySinh);

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
}
