using System.Globalization;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Requests;
using IntegrationHub.Hub.Workflow;

namespace IntegrationHub.Hub.Api.Dossiers;

/// <summary>Reads the dossier service's requests into the domain's terms, refusing bad input field by field.</summary>
public sealed class DossierRequestReader(RequestReader common, ApplicantReader applicants, DocumentReader documents)
{
    public NewDossier ToNewDossier(V1.SubmitDossierRequest request)
    {
        var receivedAt = common.Happened(request.ReceivedAt, "received_at");
        // Omitted: the hub computes it from the procedure's processing time and the working calendar.
        DateTimeOffset? dueAt = request.DueAt is null ? null : common.Promised(request.DueAt, "due_at");
        if (dueAt <= receivedAt)
        {
            throw new InvalidFieldException("due_at", "must be after received_at");
        }
        if (request.Documents.Count > common.Limits.MaxDocuments)
        {
            throw new InvalidFieldException("documents", $"has {request.Documents.Count} entries; at most {common.Limits.MaxDocuments} are accepted");
        }
        var agencyCode = RequestFields.Matching(request.AgencyCode, "agency_code", RequestFields.AgencyCode(), "an agency code such as 000.00.01.H22");
        var channel = request.Channel switch
        {
            V1.Channel.Counter => Channel.Counter,
            V1.Channel.Online => Channel.Online,
            V1.Channel.Postal => Channel.Postal,
            _ => throw new InvalidFieldException("channel", "must be COUNTER, ONLINE or POSTAL"),
        };
        return new NewDossier
        {
            Code = AgencyDossierCode(request.DossierCode, agencyCode),
            ProcedureCode = RequestFields.Matching(request.ProcedureCode, "procedure_code", RequestFields.ProcedureCode(), "a national procedure code such as 1.001234"),
            AgencyCode = agencyCode,
            ReceiptNumber = common.OptionalText(request.ReceiptNumber, "receipt_number"),
            Applicant = applicants.Read(request.Applicant),
            ContactPhone = RequestFields.OptionalMatching(request.ContactPhone, "contact_phone", RequestFields.Phone(), "a phone number"),
            ContactEmail = RequestFields.OptionalMatching(request.ContactEmail, "contact_email", RequestFields.Email(), "an e-mail address"),
            Summary = common.Summary(request.Summary, "summary"),
            ReceivedAt = receivedAt,
            DueAt = dueAt,
            ServiceLevel = request.ServiceLevel switch
            {
                V1.ServiceLevel._3 => ServiceLevel.Level3,
                V1.ServiceLevel._4 => ServiceLevel.Level4,
                _ => throw new InvalidFieldException("service_level", "must be SERVICE_LEVEL_3 or SERVICE_LEVEL_4"),
            },
            Channel = channel,
            ResultDelivery = request.ResultDelivery switch
            {
                V1.ResultDelivery.Unspecified => channel == Channel.Postal ? ResultDelivery.ByPost : ResultDelivery.AtCounter,
                V1.ResultDelivery.AtCounter => ResultDelivery.AtCounter,
                V1.ResultDelivery.ByPost => ResultDelivery.ByPost,
                V1.ResultDelivery.Electronic => ResultDelivery.Electronic,
                _ => throw new InvalidFieldException("result_delivery", "must be AT_COUNTER, BY_POST or ELECTRONIC"),
            },
            Documents = [.. request.Documents.Select((d, i) => documents.Read(d, $"documents[{i}]"))],
            Fees = common.Fees(request.Fees),
        };
    }

    public ProgressStep ToStep(V1.RecordProgressRequest request)
    {
        var action = request.Action == V1.ProgressAction.Unspecified || !System.Enum.IsDefined(request.Action)
            ? throw new InvalidFieldException("action", "must be one of the ProgressAction values")
            : (ProgressAction)(int)request.Action;
        if (request.Handler is null)
        {
            throw new InvalidFieldException("handler", "is required");
        }
        return new ProgressStep(
            action,
            new Handler(
                common.Text(request.Handler.Name, "handler.name"),
                common.OptionalText(request.Handler.Title, "handler.title"),
                common.OptionalText(request.Handler.Department, "handler.department")),
            common.OptionalSummary(request.Note, "note"),
            common.Happened(request.OccurredAt, "occurred_at"),
            request.StepDeadline is null ? null : common.Promised(request.StepDeadline, "step_deadline"))
        {
            Supplement = request.Supplement is null ? null : ToSupplementAsk(request.Supplement),
        };
    }

    private SupplementAsk ToSupplementAsk(V1.SupplementRequest supplement) => new(
        [.. supplement.Missing.Select((m, i) => new MissingPaper(
            common.Text(m.ComponentCode, $"supplement.missing[{i}].component_code"), common.Summary(m.Reason, $"supplement.missing[{i}].reason")))],
        supplement.RespondBy is null ? null : common.Promised(supplement.RespondBy, "supplement.respond_by"));

    /// <summary>The step of receiving the papers, and the papers.</summary>
    public (ProgressStep Step, IReadOnlyList<DossierDocument> Papers) ToSupplement(V1.SubmitSupplementRequest request)
    {
        var step = ToStep(new V1.RecordProgressRequest
        {
            Action = V1.ProgressAction.ReceiveSupplement, Handler = request.Handler, Note = request.Note, OccurredAt = request.OccurredAt,
        });
        var papers = request.Documents.Select((d, i) => string.IsNullOrEmpty(d.ReusedResult)
            ? documents.Read(d, $"documents[{i}]")
            : throw new InvalidFieldException($"documents[{i}].reused_result", "is not taken with a supplement: hand in the paper itself"));
        return (step, [.. papers]);
    }

    public (DateTimeOffset NewDueAt, string Reason) ToReschedule(V1.RescheduleDossierRequest request) =>
        (common.Promised(request.NewDueAt, "new_due_at"), common.Summary(request.Reason, "reason"));

    public ResultDetails ToResult(V1.ElectronicResult? result)
    {
        if (result is null)
        {
            throw new InvalidFieldException("result", "is required");
        }
        if (!DateOnly.TryParseExact(result.IssuedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var issuedOn))
        {
            throw new InvalidFieldException("result.issued_on", "must be a date as yyyy-MM-dd");
        }
        return new ResultDetails(
            common.Text(result.DocumentNumber, "result.document_number"),
            common.Text(result.Name, "result.name"),
            issuedOn,
            common.Text(result.Signer, "result.signer"),
            RequestFields.Url(result.StorageUrl, "result.storage_url", common.Limits.MaxUrlLength),
            RequestFields.Sha256(result.Sha256, "result.sha256"),
            common.OptionalText(result.ComponentCode, "result.component_code"),
            common.OptionalText(result.ResultCode, "result.result_code"));
    }

    /// <summary>
    /// An agency's own dossier code, or null when it leaves the code to the hub. The national portal
    /// needs codes unique across the country, so an agency's begins with its identifier code and a dash.
    /// </summary>
    private static string? AgencyDossierCode(string value, string agencyCode)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var code = RequestReader.DossierCode(value);
        return code.StartsWith(agencyCode + "-", StringComparison.Ordinal) && code.Length > agencyCode.Length + 1
            ? code
            : throw new InvalidFieldException("dossier_code", $"must begin with the agency's identifier code and a dash ({agencyCode}-...), as the national portal requires");
    }

    public DossierFilter ToFilter(V1.ListDossiersRequest request)
    {
        var pageSize = RequestFields.PageSize(request.PageSize, byDefault: 50, DossierQueries.MaxPageSize);
        return new DossierFilter(
            string.IsNullOrWhiteSpace(request.AgencyCode) ? null
                : RequestFields.Matching(request.AgencyCode, "agency_code", RequestFields.AgencyCode(), "an agency code such as 000.00.01.H22"),
            request.Status == V1.DossierStatus.Unspecified ? null : (DossierStatus)(int)request.Status,
            RequestFields.OptionalTime(request.ReceivedFrom, "received_from"),
            RequestFields.OptionalTime(request.ReceivedTo, "received_to"),
            pageSize,
            PageTokens.Read(request.PageToken) is { } after
                ? new PagePosition(after.At, Guid.TryParseExact(after.Key, "N", out var id) ? id : throw new InvalidFieldException("page_token", "is not a token this service issued"))
                : null);
    }
}
