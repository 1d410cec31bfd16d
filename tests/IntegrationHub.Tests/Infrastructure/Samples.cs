using Google.Protobuf.WellKnownTypes;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Well-formed requests to start from; each test changes what it is about.</summary>
public static class Samples
{
    public const string CitizenId = "001090123456";
    public const string EnterpriseCode = "0100109106";
    public const string ProcedureCode = "1.000894";
    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 20, 2, 30, 0, TimeSpan.Zero);

    public static SubmitDossierRequest Submission(string agencyCode = TestAgencies.JusticeCode, string? code = null) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        DossierCode = code ?? "",
        ProcedureCode = ProcedureCode,
        AgencyCode = agencyCode,
        Applicant = new Applicant { Kind = ApplicantKind.Citizen, IdNumber = CitizenId, Name = "Nguyễn Văn An", Address = "Tổ 5, phường Minh Khai, TP Hà Giang" },
        ContactPhone = "0912345678",
        ContactEmail = "an.nguyen@example.vn",
        Summary = "Đăng ký khai sinh cho con Nguyễn Thị Bình",
        ReceivedAt = Timestamp.FromDateTimeOffset(ReceivedAt),
        DueAt = Timestamp.FromDateTimeOffset(ReceivedAt.AddDays(3)),
        ServiceLevel = ServiceLevel._3,
        Channel = Channel.Counter,
        Documents =
        {
            new Document
            {
                ComponentCode = "TP01",
                Name = "Tờ khai đăng ký khai sinh",
                MediaType = "pdf",
                SizeBytes = 183_204,
                Sha256 = new string('a', 64),
                StorageUrl = "https://files.hagiang.gov.vn/hs/tk-khai-sinh.pdf",
            },
        },
        Fees = { new Fee { Code = "LP01", Name = "Lệ phí đăng ký khai sinh", Amount = 8_000, Kind = 2 } },
    };

    /// <summary>A level-4 dossier with a charge (8,000) and a fee (50,000) to pay online.</summary>
    public static SubmitDossierRequest Level4(string procedureCode = ProcedureCode)
    {
        var submission = Submission();
        submission.ProcedureCode = procedureCode;
        submission.ServiceLevel = ServiceLevel._4;
        submission.Channel = Channel.Online;
        submission.Fees.Add(new Fee { Code = "P01", Name = "Phí thẩm định hồ sơ", Amount = 50_000, Kind = 1 });
        return submission;
    }

    public static RecordProgressRequest Step(string dossierCode, ProgressAction action, int minutesAfterReceipt, string? note = null) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        DossierCode = dossierCode,
        Action = action,
        Handler = new Handler { Name = "Trần Thị Hoa", Title = "Chuyên viên", Department = "Phòng Hành chính tư pháp" },
        Note = note ?? "",
        OccurredAt = Timestamp.FromDateTimeOffset(ReceivedAt.AddMinutes(minutesAfterReceipt)),
    };

    public static RescheduleDossierRequest Reschedule(string dossierCode, DateTimeOffset newDueAt, string reason = "chờ kết quả xác minh của Công an xã") => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        DossierCode = dossierCode,
        NewDueAt = Timestamp.FromDateTimeOffset(newDueAt),
        Reason = reason,
    };

    public static AttachResultRequest Result(string dossierCode) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        DossierCode = dossierCode,
        Result = new ElectronicResult
        {
            DocumentNumber = "125/GKS",
            Name = "Giấy khai sinh",
            IssuedOn = "2026-11-21",
            Signer = "Lê Văn Cường",
            StorageUrl = "https://files.hagiang.gov.vn/kq/125-gks.pdf",
            Sha256 = new string('b', 64),
            ComponentCode = "KQ01",
            ResultCode = "KQ-GKS",
        },
    };

    /// <summary>The five steps of the electronic process, in order.</summary>
    public static readonly ProgressAction[] FiveSteps =
        [ProgressAction.Receive, ProgressAction.Appraise, ProgressAction.Approve, ProgressAction.Sign, ProgressAction.ReturnResult];
}
