using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Hub.Procedures;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// A due date the agency gives is kept, and flagged when it is not the day the national catalogue's processing time
/// gives (1.000894: one working day at the counter; received Friday 20/11/2026 09:30, so Monday 23/11) or lies beyond
/// the working calendar.
/// </summary>
public sealed class DueDateFlagTests : HubTest
{
    [Theory]
    [InlineData("2026-11-23T09:30:00+07:00", "")]
    [InlineData("2026-11-23T17:00:00+07:00", "")]
    [InlineData("2026-11-20T16:00:00+07:00", "earlier than the national catalogue's 1 Ngày làm việc from receipt give 23/11/2026")]
    [InlineData("2026-12-04T17:00:00+07:00", "later than the national catalogue's 1 Ngày làm việc from receipt give 23/11/2026")]
    [InlineData("2028-02-01T17:00:00+07:00", "beyond the working calendar, which ends 31/12/2027")]
    public async Task A_given_due_date_is_kept_and_flagged_when_it_is_not_the_catalogues(string given, string flag)
    {
        await Hub.RunOnceAsync(ProcedureCatalogueJob.Key);
        var submission = Samples.Submission();
        submission.DueAt = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(given));

        var answer = await Hub.Justice.SubmitDossierAsync(submission);

        var dossier = await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = answer.DossierCode });
        Assert.Equal((DateTimeOffset.Parse(given), flag), (dossier.DueAt.ToDateTimeOffset(), dossier.DueAtFlag));
    }

    [Fact]
    public async Task A_procedure_the_catalogue_does_not_have_is_not_checked()
    {
        await Hub.RunOnceAsync(ProcedureCatalogueJob.Key);
        var submission = Samples.Submission();
        submission.ProcedureCode = "2.000001";
        submission.DueAt = Timestamp.FromDateTimeOffset(Samples.ReceivedAt.AddDays(30));

        var answer = await Hub.Justice.SubmitDossierAsync(submission);

        Assert.Equal("", (await Hub.Justice.GetDossierAsync(new GetDossierRequest { DossierCode = answer.DossierCode })).DueAtFlag);
    }
}
