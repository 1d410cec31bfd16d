using IntegrationHub.Hub.Dossiers;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Domain values to start from, for tests below the gRPC surface (<see cref="Samples"/> has its requests).</summary>
public static class DomainSamples
{
    /// <summary>A birth registration handed in at the counter, due three days after <paramref name="receivedAt"/> unless said.</summary>
    public static NewDossier NewDossier(DateTimeOffset receivedAt, DateTimeOffset? dueAt = null) => new()
    {
        ProcedureCode = "1.000894",
        AgencyCode = "000.00.01.H22",
        Applicant = new Applicant(ApplicantKind.Citizen, "001090123456", "Nguyễn Văn An", null),
        Summary = "Đăng ký khai sinh",
        ReceivedAt = receivedAt,
        DueAt = dueAt ?? receivedAt.AddDays(3),
        ServiceLevel = ServiceLevel.Level3,
        Channel = Channel.Counter,
        ResultDelivery = ResultDelivery.AtCounter,
    };
}
