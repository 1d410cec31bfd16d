using Grpc.Core;
using IntegrationHub.Hub.Admin;
using IntegrationHub.Hub.Api.Registries;
using IntegrationHub.Hub.NationalPortal;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.Hub.PortalIntake;
using IntegrationHub.Hub.Registries;
using IntegrationHub.Hub.Requests;
using IntegrationHub.Hub.Security;
using IntegrationHub.Hub.Statistics;
using IntegrationHub.V1;
using Microsoft.AspNetCore.Authorization;

namespace IntegrationHub.Hub.Api.Admin;

/// <summary>Operators' entry point: adapter checks and their history, dead letters, backlog, statistics and the registry access log.</summary>
[Authorize(Policy = HubRoles.Operator)]
public sealed class AdminGrpcService(
    AdapterHealthChecker checker, AdapterCheckHistory history, DeadLetters deadLetters, OutboxBacklog backlog, DossierStatistics statistics,
    RegistryAccessLog registryAccess, AgencyDirectory agencies, PortalIntakeOverview intake, PortalReconciliation reconciliation, TimeProvider clock)
    : AdminService.AdminServiceBase
{
    public override async Task<CheckAdaptersResponse> CheckAdapters(CheckAdaptersRequest request, ServerCallContext context)
    {
        var reports = await checker.CheckAsync([.. request.Adapters], context.CancellationToken);
        return new CheckAdaptersResponse { Adapters = { reports.Select(AdminAnswerWriter.ToMessage) } };
    }

    public override async Task<GetAdapterHistoryResponse> GetAdapterHistory(GetAdapterHistoryRequest request, ServerCallContext context)
    {
        var found = await history.ReadAsync(checker.Names([.. request.Adapters]), context.CancellationToken);
        return new GetAdapterHistoryResponse { Adapters = { found.Select(AdminAnswerWriter.ToMessage) } };
    }

    public override async Task<ListDeadLettersResponse> ListDeadLetters(ListDeadLettersRequest request, ServerCallContext context)
    {
        var pageSize = RequestFields.PageSize(request.PageSize, byDefault: 100, DeadLetters.MaxPageSize);
        var filter = new DeadLetterFilter(
            Blank(request.Target), Blank(request.AgencyCode), request.From?.ToDateTimeOffset(), request.To?.ToDateTimeOffset(), pageSize, request.AfterId);
        var found = await deadLetters.ListAsync(filter, context.CancellationToken);
        return new ListDeadLettersResponse { DeadLetters = { found.Select(d => AdminAnswerWriter.ToMessage(d, withContent: false)) } };
    }

    public override async Task<DeadLetter> GetDeadLetter(GetDeadLetterRequest request, ServerCallContext context) =>
        AdminAnswerWriter.ToMessage(
            await deadLetters.FindAsync(request.Id, context.CancellationToken) ?? throw new RpcException(new Status(StatusCode.NotFound, $"no dead letter {request.Id}")),
            withContent: true);

    public override async Task<ReplayDeadLettersResponse> ReplayDeadLetters(ReplayDeadLettersRequest request, ServerCallContext context)
    {
        if (request.All == string.IsNullOrWhiteSpace(request.Target))
        {
            throw new InvalidFieldException("target", "give a target together with all, and only then");
        }
        if (!request.All && request.Ids.Count == 0)
        {
            throw new InvalidFieldException("ids", "name the dead letters to replay, or give a target with all");
        }
        var replayed = await deadLetters.ReplayAsync([.. request.Ids], request.All ? request.Target : null, context.CancellationToken);
        return new ReplayDeadLettersResponse { Replayed = replayed };
    }

    public override async Task<GetBacklogResponse> GetBacklog(GetBacklogRequest request, ServerCallContext context)
    {
        var rates = await backlog.DeliveredPerSecondAsync(context.CancellationToken);
        return new()
        {
            Targets =
            {
                (await backlog.ReadAsync(context.CancellationToken)).Select(t => new IntegrationHub.V1.TargetBacklog
                {
                    Target = t.Target,
                    Pending = t.Pending,
                    DeadLettered = t.DeadLettered,
                    OldestPendingAgeSeconds = t.OldestPendingAgeSeconds,
                    DeliveredPerSecond = rates.GetValueOrDefault(t.Target),
                }),
            },
        };
    }

    public override async Task<GetStatsResponse> GetStats(GetStatsRequest request, ServerCallContext context)
    {
        var query = new StatsQuery(
            request.From?.ToDateTimeOffset() ?? throw new InvalidFieldException("from", "is required"),
            request.To?.ToDateTimeOffset() ?? throw new InvalidFieldException("to", "is required"),
            Blank(request.AgencyCode),
            Blank(request.ProcedureCode));
        var report = await statistics.ReadAsync(query, context.CancellationToken);
        return new GetStatsResponse
        {
            Rows = { report.Rows.Select(AdminAnswerWriter.ToMessage) }, Total = AdminAnswerWriter.ToMessage(report.Total),
            ByServiceLevel = { report.ByServiceLevel.Select(AdminAnswerWriter.ToMessage) },
        };
    }

    public override async Task<ListRegistryAccessResponse> ListRegistryAccess(ListRegistryAccessRequest request, ServerCallContext context)
    {
        var pageSize = RequestFields.PageSize(request.PageSize, byDefault: 100, RegistryAccessLog.MaxPageSize);
        var clients = (Blank(request.AgencyCode), Blank(request.ClientId)) switch
        {
            (null, null) => null,
            (null, { } client) => [client],
            ({ } agency, null) => agencies.ClientsActingFor(agency),
            ({ } agency, { } client) => agencies.ClientsActingFor(agency).Where(c => c == client).ToList(),
        };
        var filter = new RegistryAccessFilter(
            Blank(request.Identifier), clients, request.From?.ToDateTimeOffset(), request.To?.ToDateTimeOffset(), pageSize,
            request.BeforeId == 0 ? null : request.BeforeId);
        var found = await registryAccess.ListAsync(filter, context.CancellationToken);
        return new ListRegistryAccessResponse { Accesses = { found.Select(RegistryAnswerWriter.ToMessage) } };
    }

    public override async Task<GetPortalIntakeResponse> GetPortalIntake(GetPortalIntakeRequest request, ServerCallContext context)
    {
        var (arrivals, problems) = await intake.ReadAsync(RequestFields.PageSize(request.Limit, byDefault: 50, PortalIntakeOverview.MaxLimit), context.CancellationToken);
        return new GetPortalIntakeResponse { Arrivals = { arrivals.Select(AdminAnswerWriter.ToMessage) }, Problems = { problems.Select(AdminAnswerWriter.ToMessage) } };
    }

    public override async Task<ReconcilePortalResponse> ReconcilePortal(ReconcilePortalRequest request, ServerCallContext context)
    {
        var since = RequestFields.OptionalTime(request.Since, "since") ?? clock.GetUtcNow().AddDays(-1);
        var report = await reconciliation.ReconcileAsync(since, Blank(request.DossierCode) is { } code ? RequestReader.DossierCode(code) : null, context.CancellationToken);
        return new ReconcilePortalResponse
        {
            Checked = report.Checked, InFlight = report.InFlight, Unasked = report.Unasked,
            Differences = { report.Differences.Select(d => new V1.PortalDifference { DossierCode = d.DossierCode, Differences = { d.Differences }, Resent = d.Resent }) },
        };
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
