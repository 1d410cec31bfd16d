using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Hub.Admin;
using IntegrationHub.Hub.Statistics;
using IntegrationHub.Hub.PortalIntake;
using IntegrationHub.V1;
using V1PortalIntakeProblem = IntegrationHub.V1.PortalIntakeProblem;

namespace IntegrationHub.Hub.Api.Admin;

/// <summary>Writes the admin service's answers: adapter health and history, dead letters and statistics as the wire carries them.</summary>
public static class AdminAnswerWriter
{
    public static ProcedureStats ToMessage(ProcedureFigures figures) => new()
    {
        AgencyCode = figures.AgencyCode,
        ProcedureCode = figures.ProcedureCode,
        Received = figures.Received,
        Finished = figures.Finished,
        FinishedOnTime = figures.FinishedOnTime,
        Overdue = figures.Overdue,
        OnTimeRate = figures.OnTimeRate,
        AverageProcessingHours = figures.AverageProcessingTime.TotalHours,
        FinishedEarly = figures.FinishedEarly,
        FinishedLate = figures.FinishedLate,
        ServiceLevel = figures.ServiceLevel is { } level ? (IntegrationHub.V1.ServiceLevel)(int)level : IntegrationHub.V1.ServiceLevel.Unspecified,
    };

    public static AdapterHealth ToMessage(AdapterHealthReport report) => new()
    {
        Name = report.Name,
        Provider = report.Provider,
        Status = (IntegrationHub.V1.AdapterStatus)(int)report.Status,
        LatencyMs = report.Latency.TotalMilliseconds,
        CircuitState = report.CircuitState,
        LastSuccessAt = Timestamps.Of(report.LastSuccessAt),
        LastError = report.LastError ?? "",
        LastErrorAt = Timestamps.Of(report.LastErrorAt),
        Detail = report.Detail,
    };

    public static IntegrationHub.V1.AdapterAvailability ToMessage(Hub.Admin.AdapterAvailability availability) => new()
    {
        Name = availability.Name,
        Last24Hours = ToMessage(availability.LastDay),
        Last7Days = ToMessage(availability.LastWeek),
        LastUnhealthyAt = Timestamps.Of(availability.LastUnhealthyAt),
        LastUnhealthyDetail = availability.LastUnhealthyDetail ?? "",
    };

    public static AvailabilityPeriod ToMessage(Availability period) => new() { Checks = period.Checks, Available = period.Available, Ratio = period.Ratio ?? 0 };

    public static DeadLetter ToMessage(DeadLetterView view, bool withContent) => new()
    {
        Id = view.Id,
        Target = view.Target,
        Kind = view.Kind,
        DossierCode = view.DossierCode,
        AgencyCode = view.AgencyCode,
        DossierVersion = view.DossierVersion,
        Attempts = view.Attempts,
        Reason = view.Reason ?? "",
        CreatedAt = Timestamp.FromDateTimeOffset(view.CreatedAt),
        LastAttemptAt = Timestamps.Of(view.LastAttemptAt),
        Payload = withContent ? view.Payload : "",
        LastAnswer = withContent ? view.LastAnswer ?? "" : "",
    };

    public static PortalArrivalSummary ToMessage(ArrivalSummary arrival) => new()
    {
        DossierCode = arrival.NationalCode, AgencyCode = arrival.AgencyCode, ArrivedAt = Timestamp.FromDateTimeOffset(arrival.ArrivedAt),
        AcknowledgedAt = Timestamps.Of(arrival.AcknowledgedAt), Files = arrival.Files,
    };

    public static V1PortalIntakeProblem ToMessage(Hub.PortalIntake.PortalIntakeProblem problem) => new()
    {
        NationalCode = problem.NationalCode ?? problem.RowKey, AgencyCode = problem.AgencyCode, Problem = problem.Problem,
        FirstSeenAt = Timestamp.FromDateTimeOffset(problem.FirstSeenAt), LastSeenAt = Timestamp.FromDateTimeOffset(problem.LastSeenAt), TimesSeen = problem.TimesSeen,
    };
}
