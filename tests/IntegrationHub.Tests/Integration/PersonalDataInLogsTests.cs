using Grpc.Core;
using IntegrationHub.Hub.Registries;
using IntegrationHub.Sandbox.Registries;
using IntegrationHub.V1;
using Microsoft.Extensions.Logging;
using SmsReportPullJob = IntegrationHub.Hub.Notices.SmsReportPullJob;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// A full run at Debug level (registry lookups and prefill, a registry that is down and the later
/// verification, bad identifiers, SMS with delivery reports, a paid fee), with every log line and every
/// error message scanned for an applicant's identification number, phone number, name or address.
/// </summary>
public sealed class PersonalDataInLogsTests : HubTest
{
    private readonly CapturedLogs _logs = new();
    private readonly List<string> _errors = [];

    protected override bool SendsSms => true;

    protected override ILoggerProvider? Logs => _logs;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        foreach (var category in new[] { "Default", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Database.Command", "System.Net.Http.HttpClient", "Polly" })
        {
            settings[$"Logging:LogLevel:{category}"] = "Debug";
        }
    }

    [Fact]
    public async Task No_log_line_or_error_of_a_full_run_holds_an_unmasked_identifier_phone_name_or_address()
    {
        var (prefilled, verified, lookedUp, stranger) = (People.Citizen(101), People.Citizen(102), People.Citizen(103), People.Citizen(104));
        await RunAsync(prefilled, verified, lookedUp, stranger);

        var personal = new[] { prefilled, verified, lookedUp, stranger }
            .SelectMany(c => new[] { c.SoDinhDanh, c.HoVaTen, c.NoiThuongTru.ChiTiet, c.NoiOHienTai.ChiTiet })
            .Concat([Samples.CitizenId, "Nguyễn Văn An", "Tổ 5, phường Minh Khai", "0912345678", "84912345678", "+84912345678", "0987654321", "84987654321"])
            .ToList();
        Assert.True(_logs.Lines.Count > 200, $"only {_logs.Lines.Count} lines were logged: the run did not exercise the hub");
        Assert.Contains(_logs.Lines, line => line.Contains(IdentifierMask.Mask(prefilled.SoDinhDanh)));
        var leaks = _logs.Lines.Concat(_errors).SelectMany(line => personal.Where(line.Contains).Select(value => $"{value} in: {line}")).Take(5).ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    private async Task RunAsync(CongDan prefilled, CongDan verified, CongDan lookedUp, CongDan stranger)
    {
        // Prefill from the population database, received, a supplement asked: SMS and their delivery reports.
        var submission = People.SubmissionFor(People.IdentityOf(prefilled));
        submission.ContactPhone = "+84987654321";
        var code = (await Hub.Justice.SubmitDossierAsync(submission)).DossierCode;
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.Receive, 1));
        await Hub.Justice.RecordProgressAsync(Samples.Step(code, ProgressAction.RequestSupplement, 2, note: "bản sao sổ hộ khẩu"));

        // Lookups: found, a known number with another name, not found, malformed.
        await Hub.Registry.LookupCitizenAsync(People.Lookup(lookedUp));
        var notMatching = People.Lookup(lookedUp);
        notMatching.FullName = stranger.HoVaTen;
        await ExpectErrorAsync(() => Hub.Registry.LookupCitizenAsync(notMatching).ResponseAsync);
        var unknown = People.Lookup(stranger);
        unknown.IdNumber = stranger.SoDinhDanh[..^4] + (stranger.SoDinhDanh[^4..] == "9999" ? "9998" : "9999");
        await ExpectErrorAsync(() => Hub.Registry.LookupCitizenAsync(unknown).ResponseAsync);
        var malformed = People.Lookup(stranger);
        malformed.IdNumber = "999" + stranger.SoDinhDanh[3..];
        await ExpectErrorAsync(() => Hub.Registry.LookupCitizenAsync(malformed).ResponseAsync);
        var unknownApplicant = People.IdentityOf(stranger);
        unknownApplicant.IdNumber = unknown.IdNumber;
        await ExpectErrorAsync(() => Hub.Justice.SubmitDossierAsync(People.SubmissionFor(unknownApplicant)).ResponseAsync);

        // The population database down: given in full, accepted unverified, verified when it is back.
        Hub.Population.Faults.Down = true;
        await Hub.Justice.SubmitDossierAsync(People.SubmissionFor(People.InFull(verified)));
        await ExpectErrorAsync(() => Hub.Registry.LookupCitizenAsync(People.Lookup(verified)).ResponseAsync);
        Hub.Population.Faults.Down = false;
        await Hub.RunOnceAsync(ApplicantVerificationJob.Key);

        // A level-4 fee paid through VNPAY; its SMS.
        var payment = (await Hub.Justice.SubmitDossierAsync(Samples.Level4())).Payment;
        using (var page = await new HttpClient().GetAsync(payment.PayUrl))
        {
            page.EnsureSuccessStatusCode();
        }
        await Hub.Vnpay.PayAsync(payment.Reference);
        await Eventually.HoldsAsync(() => Hub.Esms.Sent.Count >= 3, TimeSpan.FromSeconds(10), "three SMS sent");
        await Hub.RunOnceAsync(SmsReportPullJob.Key);
    }

    private async Task ExpectErrorAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        _errors.Add(error.Status.Detail);
    }
}
