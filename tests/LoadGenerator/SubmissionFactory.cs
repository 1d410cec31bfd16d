using Google.Protobuf.WellKnownTypes;
using IntegrationHub.V1;

namespace IntegrationHub.LoadGenerator;

/// <summary>Realistic submissions: a counter dossier with two documents and a fee, for varied citizens.</summary>
public static class SubmissionFactory
{
    private static readonly string[] Procedures = ["1.000894", "1.001193", "2.000123", "1.004227"];

    /// <summary>An applicant given in full, without a birth date, so that the hub asks no registry.</summary>
    public static Applicant PlainApplicant(int sequence) =>
        new() { Kind = ApplicantKind.Citizen, IdNumber = $"0010{90 + sequence % 10}{sequence % 1_000_000:D6}", Name = "Nguyễn Văn An" };

    public static SubmitDossierRequest Create(string agencyCode, int sequence, Applicant applicant)
    {
        var received = DateTimeOffset.UtcNow;
        return new SubmitDossierRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            ProcedureCode = Procedures[sequence % Procedures.Length],
            AgencyCode = agencyCode,
            Applicant = applicant,
            ContactPhone = "0912345678",
            Summary = "Hồ sơ tải thử nghiệm",
            ReceivedAt = Timestamp.FromDateTimeOffset(received),
            DueAt = Timestamp.FromDateTimeOffset(received.AddDays(5)),
            ServiceLevel = ServiceLevel._3,
            Channel = Channel.Counter,
            Documents =
            {
                new Document { ComponentCode = "TP01", Name = "Tờ khai", MediaType = "pdf", SizeBytes = 120_000, Sha256 = new string('a', 64), StorageUrl = "https://files.example.gov.vn/a.pdf" },
                new Document { ComponentCode = "TP02", Name = "Bản sao CCCD", MediaType = "jpeg", SizeBytes = 80_000, Sha256 = new string('b', 64), StorageUrl = "https://files.example.gov.vn/b.jpg" },
            },
            Fees = { new Fee { Code = "LP01", Name = "Lệ phí", Amount = 8_000, Kind = 2 } },
        };
    }
}
