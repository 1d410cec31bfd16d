using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>Each kind of bad input is refused with INVALID_ARGUMENT naming the field, and nothing stored changes.</summary>
public sealed class BadInputTests(BadInputTests.StoredDossier stored) : IClassFixture<BadInputTests.StoredDossier>
{
    public static readonly TheoryData<string, string> Submissions = new()
    {
        { "CCCD of 11 digits", "applicant.id_number" },
        { "CCCD with a letter", "applicant.id_number" },
        { "CCCD with no province code", "applicant.id_number" },
        { "CCCD whose year digits contradict the birth date", "applicant.id_number" },
        { "CCCD whose sex digit contradicts the declared sex", "applicant.id_number" },
        { "birth date that is not a date", "applicant.birth_date" },
        { "tax code with a wrong check digit", "applicant.id_number" },
        { "tax code of 9 digits", "applicant.id_number" },
        { "unknown service level", "service_level" },
        { "due date before received time", "due_at" },
        { "media type outside the list", "documents[0].media_type" },
        { "negative fee", "fees[0].amount" },
        { "empty procedure code", "procedure_code" },
        { "empty agency code", "agency_code" },
        { "message over the size limit", "request" },
        { "too many documents", "documents" },
        { "summary over 1000 characters", "summary" },
        { "control characters in the applicant's name", "applicant.name" },
        { "malformed SHA-256", "documents[0].sha256" },
        { "storage URL that is not http(s)", "documents[0].storage_url" },
        { "missing received time", "received_at" },
        { "empty request id", "request_id" },
    };

    [Theory]
    [MemberData(nameof(Submissions))]
    public async Task A_bad_submission_is_refused_naming_the_field_and_stores_nothing(string input, string field)
    {
        var request = Samples.Submission();
        Spoil(request, input);

        var error = await Assert.ThrowsAsync<RpcException>(() => stored.Hub.Justice.SubmitDossierAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
        Assert.Equal(0, stored.Hub.Population.Lookups + stored.Hub.Enterprises.Lookups);
        await stored.AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("unknown transition", "action")]
    [InlineData("no handler", "handler")]
    [InlineData("no time", "occurred_at")]
    [InlineData("step before the dossier was received", "occurred_at")]
    public async Task A_bad_progress_record_is_refused_naming_the_field_and_changes_nothing(string input, string field)
    {
        var step = Samples.Step(stored.Code, ProgressAction.Receive, 1);
        switch (input)
        {
            case "unknown transition": step.Action = (ProgressAction)99; break;
            case "no handler": step.Handler = null; break;
            case "no time": step.OccurredAt = null; break;
            default: step.OccurredAt = Timestamp.FromDateTimeOffset(Samples.ReceivedAt.AddDays(-1)); break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => stored.Hub.Justice.RecordProgressAsync(step).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
        await stored.AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_result_with_a_malformed_issue_date_is_refused_and_changes_nothing()
    {
        var result = Samples.Result(stored.Code);
        result.Result.IssuedOn = "21/11/2026";

        var error = await Assert.ThrowsAsync<RpcException>(() => stored.Hub.Justice.AttachResultAsync(result).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("result.issued_on:", error.Status.Detail);
        await stored.AssertUnchangedAsync();
    }

    private static void Spoil(SubmitDossierRequest request, string input)
    {
        switch (input)
        {
            case "CCCD of 11 digits": request.Applicant.IdNumber = "00109012345"; break;
            case "CCCD with a letter": request.Applicant.IdNumber = "00109012345X"; break;
            case "CCCD with no province code": request.Applicant.IdNumber = "003090123456"; break;
            case "CCCD whose year digits contradict the birth date": request.Applicant.BirthDate = "1985-03-02"; break;
            case "CCCD whose sex digit contradicts the declared sex":
                request.Applicant.BirthDate = "1990-03-02";
                request.Applicant.Sex = Sex.Female;
                break;
            case "birth date that is not a date": request.Applicant.BirthDate = "02/03/1990"; break;
            case "tax code with a wrong check digit":
                request.Applicant.Kind = ApplicantKind.Business;
                request.Applicant.IdNumber = "0100109107";
                break;
            case "tax code of 9 digits":
                request.Applicant.Kind = ApplicantKind.Business;
                request.Applicant.IdNumber = "010010910";
                break;
            case "unknown service level": request.ServiceLevel = (ServiceLevel)2; break;
            case "due date before received time": request.DueAt = Timestamp.FromDateTimeOffset(Samples.ReceivedAt.AddDays(-1)); break;
            case "media type outside the list": request.Documents[0].MediaType = "application/x-msdownload"; break;
            case "negative fee": request.Fees[0].Amount = -8_000; break;
            case "empty procedure code": request.ProcedureCode = ""; break;
            case "empty agency code": request.AgencyCode = ""; break;
            case "message over the size limit": request.Documents[0].Name = new string('x', 300_000); break;
            case "too many documents":
                for (var i = 0; i < 100; i++)
                {
                    request.Documents.Add(request.Documents[0].Clone());
                }
                break;
            case "summary over 1000 characters": request.Summary = new string('a', 1001); break;
            case "control characters in the applicant's name": request.Applicant.Name = "Nguyễn\u0000Văn An"; break;
            case "malformed SHA-256": request.Documents[0].Sha256 = "abc"; break;
            case "storage URL that is not http(s)": request.Documents[0].StorageUrl = "file:///etc/passwd"; break;
            case "missing received time": request.ReceivedAt = null; break;
            case "empty request id": request.RequestId = ""; break;
            default: throw new ArgumentOutOfRangeException(nameof(input), input, null);
        }
    }

    /// <summary>A hub holding one stored dossier, which no bad request may change.</summary>
    public sealed class StoredDossier : IAsyncLifetime
    {
        public HubHost Hub { get; private set; } = null!;
        public string Code { get; private set; } = "";
        private IntegrationHub.V1.Dossier _before = null!;

        public async Task InitializeAsync()
        {
            Hub = await HubHost.StartAsync();
            Code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission())).DossierCode;
            await Hub.Justice.RecordProgressAsync(Samples.Step(Code, ProgressAction.Receive, 1));
            await Hub.Justice.RecordProgressAsync(Samples.Step(Code, ProgressAction.Appraise, 2));
            _before = await Snapshot();
        }

        public async Task AssertUnchangedAsync()
        {
            Assert.Equal(1L, await TestPostgres.ScalarAsync<long>(Hub.ConnectionString, "SELECT count(*) FROM dossiers"));
            var now = await Snapshot();
            Assert.Equal(_before.Version, now.Version);
            Assert.Equal(_before.Timeline, now.Timeline);
            Assert.Equal(_before.Results, now.Results);
        }

        public async Task DisposeAsync() => await Hub.DisposeAsync();

        private async Task<IntegrationHub.V1.Dossier> Snapshot() => await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = Code });
    }
}
