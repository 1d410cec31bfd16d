using IntegrationHub.Hub.Requests;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Idempotency;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.Hub.Payments;
using IntegrationHub.Hub.Registries;
using IntegrationHub.Hub.Security;
using IntegrationHub.Hub.Workflow;
using V1 = IntegrationHub.V1;

namespace IntegrationHub.Hub.Api;

/// <summary>Reads requests into the domain's terms, refusing bad input field by field, and writes answers back.</summary>
public sealed class DossierMessages(LimitsOptions limits, TimeProvider clock)
{
    public WriteRequest Write(AgencyClient client, string requestId, IMessage request)
    {
        EnsureSize(request);
        var id = RequestFields.Matching(requestId, "request_id", RequestFields.RequestId(), "1–100 letters, digits or . _ - :");
        return new WriteRequest(client.Id, id, WriteCalls.Fingerprint(request));
    }

    public NewDossier ToNewDossier(V1.SubmitDossierRequest request)
    {
        var receivedAt = Happened(request.ReceivedAt, "received_at");
        var dueAt = Promised(request.DueAt, "due_at");
        if (dueAt <= receivedAt)
        {
            throw new InvalidFieldException("due_at", "must be after received_at");
        }
        if (request.Documents.Count > limits.MaxDocuments)
        {
            throw new InvalidFieldException("documents", $"has {request.Documents.Count} entries; at most {limits.MaxDocuments} are accepted");
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
            ReceiptNumber = RequestFields.Optional(request.ReceiptNumber, "receipt_number", limits.MaxTextLength),
            Applicant = ToApplicant(request.Applicant),
            ContactPhone = OptionalMatching(request.ContactPhone, "contact_phone", RequestFields.Phone(), "a phone number"),
            ContactEmail = OptionalMatching(request.ContactEmail, "contact_email", RequestFields.Email(), "an e-mail address"),
            Summary = RequestFields.Required(request.Summary, "summary", limits.MaxSummaryLength),
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
            Documents = [.. request.Documents.Select((d, i) => ToDocument(d, $"documents[{i}]"))],
            Fees = ToFees(request.Fees),
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
                RequestFields.Required(request.Handler.Name, "handler.name", limits.MaxTextLength),
                RequestFields.Optional(request.Handler.Title, "handler.title", limits.MaxTextLength),
                RequestFields.Optional(request.Handler.Department, "handler.department", limits.MaxTextLength)),
            RequestFields.Optional(request.Note, "note", limits.MaxSummaryLength),
            Happened(request.OccurredAt, "occurred_at"),
            request.StepDeadline is null ? null : Promised(request.StepDeadline, "step_deadline"));
    }

    public (DateTimeOffset NewDueAt, string Reason) ToReschedule(V1.RescheduleDossierRequest request) =>
        (Promised(request.NewDueAt, "new_due_at"), RequestFields.Required(request.Reason, "reason", limits.MaxSummaryLength));

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
            RequestFields.Required(result.DocumentNumber, "result.document_number", limits.MaxTextLength),
            RequestFields.Required(result.Name, "result.name", limits.MaxTextLength),
            issuedOn,
            RequestFields.Required(result.Signer, "result.signer", limits.MaxTextLength),
            RequestFields.Url(result.StorageUrl, "result.storage_url", limits.MaxUrlLength),
            RequestFields.Sha256(result.Sha256, "result.sha256"),
            RequestFields.Optional(result.ComponentCode, "result.component_code", limits.MaxTextLength),
            RequestFields.Optional(result.ResultCode, "result.result_code", limits.MaxTextLength));
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
        var code = RequestFields.Matching(value, "dossier_code", RequestFields.DossierCode(), "1–80 letters, digits or . _ -");
        return code.StartsWith(agencyCode + "-", StringComparison.Ordinal) && code.Length > agencyCode.Length + 1
            ? code
            : throw new InvalidFieldException("dossier_code", $"must begin with the agency's identifier code and a dash ({agencyCode}-...), as the national portal requires");
    }

    public string DossierCode(string value) =>
        RequestFields.Matching(value, "dossier_code", RequestFields.DossierCode(), "1–80 letters, digits or . _ -");

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
            ReadPageToken(request.PageToken));
    }

    public static V1.SubmitDossierResponse ToMessage(SubmitAnswer answer) => new()
    {
        DossierCode = answer.DossierCode,
        Status = (V1.DossierStatus)(int)answer.Status,
        DueAt = Timestamp.FromDateTimeOffset(answer.DueAt),
        Version = answer.Version,
        Payment = answer.Payment is { } payment ? PaymentMessages.ToMessage(payment) : null,
        ApplicantCheckState = (V1.ApplicantCheckState)(int)(answer.ApplicantCheck?.State ?? 0),
        FilledFields = { answer.ApplicantCheck?.FilledFields ?? [] },
        MismatchedFields = { answer.ApplicantCheck?.MismatchedFields ?? [] },
    };

    public static V1.RecordProgressResponse ToMessage(ProgressAnswer answer) => new()
    {
        DossierCode = answer.DossierCode,
        Status = (V1.DossierStatus)(int)answer.Status,
        Version = answer.Version,
    };

    public static V1.RescheduleDossierResponse ToMessage(RescheduleAnswer answer) => new()
    {
        DossierCode = answer.DossierCode,
        DueAt = Timestamp.FromDateTimeOffset(answer.DueAt),
        RescheduledDueAt = Timestamp.FromDateTimeOffset(answer.RescheduledDueAt),
        Version = answer.Version,
    };

    public static V1.AttachResultResponse ToMessage(ResultAnswer answer) => new()
    {
        DossierCode = answer.DossierCode,
        ResultId = answer.ResultId.ToString(),
        Version = answer.Version,
    };

    public static V1.Dossier ToMessage(DossierView view)
    {
        var dossier = view.Dossier;
        var message = new V1.Dossier
        {
            DossierCode = dossier.Code,
            ProcedureCode = dossier.ProcedureCode,
            AgencyCode = dossier.AgencyCode,
            Applicant = ToMessage(dossier.Applicant),
            ApplicantCheck = ToMessage(dossier.ApplicantCheck),
            ContactPhone = dossier.ContactPhone ?? "",
            ContactEmail = dossier.ContactEmail ?? "",
            Summary = dossier.Summary,
            ReceiptNumber = dossier.ReceiptNumber,
            ResultDelivery = (V1.ResultDelivery)(int)dossier.ResultDelivery,
            ReceivedAt = Timestamp.FromDateTimeOffset(dossier.ReceivedAt),
            DueAt = Timestamp.FromDateTimeOffset(dossier.DueAt),
            RescheduledDueAt = dossier.RescheduledDueAt is { } rescheduled ? Timestamp.FromDateTimeOffset(rescheduled) : null,
            RescheduleReason = dossier.RescheduleReason ?? "",
            ServiceLevel = (V1.ServiceLevel)(int)dossier.ServiceLevel,
            Channel = (V1.Channel)(int)dossier.Channel,
            Status = (V1.DossierStatus)(int)dossier.Status,
            Version = dossier.Version,
            CreatedAt = Timestamp.FromDateTimeOffset(dossier.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(dossier.UpdatedAt),
        };
        message.Documents.AddRange(dossier.Documents.Select(d => new V1.Document
        {
            ComponentCode = d.ComponentCode, Name = d.Name, MediaType = d.MediaType, SizeBytes = d.SizeBytes, Sha256 = d.Sha256, StorageUrl = d.StorageUrl,
            ReusedResult = d.ReusedResult ?? "",
            Digitised = d.Digitised,
            FromNationalStore = d.FromNationalStore,
        }));
        message.Fees.AddRange(dossier.Fees.Select(f => new V1.Fee { Code = f.Code, Name = f.Name, Amount = f.Amount, Kind = f.Kind }));
        message.Timeline.AddRange(dossier.Timeline.OrderBy(p => p.Version).Select((p, i) => new V1.ProgressRecord
        {
            Sequence = i + 1,
            Action = (V1.ProgressAction)(int)p.Action,
            StatusAfter = (V1.DossierStatus)(int)p.StatusAfter,
            Handler = new V1.Handler { Name = p.HandlerName, Title = p.HandlerTitle ?? "", Department = p.Department ?? "" },
            Note = p.Note ?? "",
            OccurredAt = Timestamp.FromDateTimeOffset(p.OccurredAt),
            StepDeadline = p.StepDeadline is { } deadline ? Timestamp.FromDateTimeOffset(deadline) : null,
            Version = p.Version,
        }));
        message.Results.AddRange(dossier.Results.OrderBy(r => r.Version).Select(r => new V1.AttachedResult
        {
            ResultId = r.Id.ToString(),
            Result = new V1.ElectronicResult
            {
                DocumentNumber = r.DocumentNumber,
                Name = r.Name,
                IssuedOn = r.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Signer = r.Signer,
                StorageUrl = r.StorageUrl,
                Sha256 = r.Sha256,
                ComponentCode = r.ComponentCode ?? "",
                ResultCode = r.ResultCode ?? "",
            },
            AttachedAt = Timestamp.FromDateTimeOffset(r.AttachedAt),
            Version = r.Version,
        }));
        message.Payments.AddRange(view.Payments.Select(p => PaymentMessages.ToMessage(PaymentView.Of(p))));
        message.Notices.AddRange(view.Notices.Select(n => new V1.SmsNotice
        {
            Event = n.Event, State = (V1.SmsNoticeState)(int)n.Status, Text = n.Text, Segments = n.Segments, Provider = n.Provider ?? "",
            Detail = n.Detail ?? "", UpdatedAt = Timestamp.FromDateTimeOffset(n.UpdatedAt),
        }));
        message.Deliveries.AddRange(view.Deliveries.Select(d => new V1.TargetDelivery
        {
            Target = d.Target,
            State = d.State switch
            {
                OutboxStatus.Delivered => V1.DeliveryState.Delivered,
                OutboxStatus.DeadLettered => V1.DeliveryState.DeadLettered,
                _ => V1.DeliveryState.Pending,
            },
            DeliveredVersion = d.DeliveredVersion,
            PendingCount = d.PendingCount,
            LastError = d.LastError ?? "",
            LastAttemptAt = d.LastAttemptAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        }));
        return message;
    }

    private static V1.Applicant ToMessage(Applicant applicant) => new()
    {
        Kind = (V1.ApplicantKind)(int)applicant.Kind,
        IdNumber = applicant.IdNumber,
        Name = applicant.Name ?? "",
        Address = applicant.Address ?? "",
        BirthDate = applicant.BirthDate ?? "",
        Sex = RegistryMessages.ToMessage(applicant.Sex),
        Nationality = applicant.Nationality ?? "",
        PermanentAddress = applicant.PermanentAddress ?? "",
        LegalForm = applicant.LegalForm ?? "",
        OperatingStatus = applicant.OperatingStatus ?? "",
        LegalRepresentative = applicant.LegalRepresentative ?? "",
    };

    private static V1.ApplicantCheck ToMessage(ApplicantCheck check) => new()
    {
        State = (V1.ApplicantCheckState)(int)check.State,
        CheckedAt = check.CheckedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        Filled = { check.Filled.Select(f => new V1.FilledField { Field = f.Field, Source = RegistryMessages.ToMessage(f.Source) }) },
        Mismatches =
        {
            check.Mismatches.Select(m => new V1.FieldMismatch
            {
                Field = m.Field, AgencyValue = m.AgencyValue, RegistryValue = m.RegistryValue, Source = RegistryMessages.ToMessage(m.Source),
            }),
        },
    };

    public static V1.ListDossiersResponse ToMessage(DossierPage page)
    {
        var message = new V1.ListDossiersResponse { NextPageToken = page.Next is { } next ? WritePageToken(next) : "" };
        message.Dossiers.AddRange(page.Dossiers.Select(d => new V1.DossierSummary
        {
            DossierCode = d.Code,
            ProcedureCode = d.ProcedureCode,
            AgencyCode = d.AgencyCode,
            Status = (V1.DossierStatus)(int)d.Status,
            ReceivedAt = Timestamp.FromDateTimeOffset(d.ReceivedAt),
            DueAt = Timestamp.FromDateTimeOffset(d.DueAt),
            Version = d.Version,
        }));
        return message;
    }

    private void EnsureSize(IMessage request)
    {
        var size = request.CalculateSize();
        if (size > limits.MaxRequestBytes)
        {
            throw new InvalidFieldException("request", $"is {size} bytes; the limit is {limits.MaxRequestBytes}");
        }
    }

    private Applicant ToApplicant(V1.Applicant? applicant)
    {
        if (applicant is null)
        {
            throw new InvalidFieldException("applicant", "is required");
        }
        string? Text(string value, string field) => RequestFields.Optional(value, $"applicant.{field}", limits.MaxTextLength);
        var address = Text(applicant.Address, "address");
        switch (applicant.Kind)
        {
            case V1.ApplicantKind.Citizen:
                var birthDate = IdentityFields.BirthDate(applicant.BirthDate, "applicant.birth_date");
                var sex = IdentityFields.DeclaredSex(applicant.Sex, "applicant.sex");
                return new Applicant(
                    ApplicantKind.Citizen,
                    IdentityFields.CitizenNumber(applicant.IdNumber, "applicant.id_number", birthDate, sex),
                    RequestFields.Required(applicant.Name, "applicant.name", limits.MaxTextLength),
                    address)
                {
                    BirthDate = birthDate,
                    Sex = sex,
                    Nationality = Text(applicant.Nationality, "nationality"),
                    PermanentAddress = Text(applicant.PermanentAddress, "permanent_address"),
                };
            case V1.ApplicantKind.Business:
                return new Applicant(
                    ApplicantKind.Business,
                    IdentityFields.EnterpriseCode(applicant.IdNumber, "applicant.id_number"),
                    Text(applicant.Name, "name"),
                    address)
                {
                    LegalForm = Text(applicant.LegalForm, "legal_form"),
                    OperatingStatus = Text(applicant.OperatingStatus, "operating_status"),
                    LegalRepresentative = Text(applicant.LegalRepresentative, "legal_representative"),
                };
            case V1.ApplicantKind.StateAgency or V1.ApplicantKind.Organisation:
                return new Applicant(
                    (ApplicantKind)(int)applicant.Kind,
                    RequestFields.Matching(applicant.IdNumber, "applicant.id_number", RequestFields.OrganisationId(), "an agency code, tax code or decision number: 1–50 letters, digits or . / -"),
                    RequestFields.Required(applicant.Name, "applicant.name", limits.MaxTextLength),
                    address);
            default:
                throw new InvalidFieldException("applicant.kind", "must be CITIZEN, BUSINESS, STATE_AGENCY or ORGANISATION");
        }
    }

    private DossierDocument ToDocument(V1.Document document, string field)
    {
        var componentCode = RequestFields.Optional(document.ComponentCode, $"{field}.component_code", limits.MaxTextLength) ?? "";
        if (document.SizeBytes < 0 || (document.SizeBytes == 0 && document.ReusedResult.Length == 0))
        {
            throw new InvalidFieldException($"{field}.size_bytes", "must be greater than zero");
        }
        if (RequestFields.Optional(document.ReusedResult, $"{field}.reused_result", limits.MaxTextLength) is { } reused)
        {
            // The earlier result supplies what is left empty (see ResultReuse); a signed result is a PDF unless said otherwise.
            var sha = document.Sha256.Length == 0 ? "" : RequestFields.Sha256(document.Sha256, $"{field}.sha256");
            return new DossierDocument(
                sha.Length == 0 ? "" : DossierDocument.IdOf(sha),
                componentCode,
                RequestFields.Optional(document.Name, $"{field}.name", limits.MaxTextLength) ?? "",
                document.MediaType.Length == 0 ? "application/pdf" : MediaType(document.MediaType, field),
                document.SizeBytes,
                sha,
                document.StorageUrl.Length == 0 ? "" : RequestFields.Url(document.StorageUrl, $"{field}.storage_url", limits.MaxUrlLength))
            {
                ReusedResult = reused,
                Digitised = document.Digitised,
                FromNationalStore = document.FromNationalStore,
            };
        }
        var sha256 = RequestFields.Sha256(document.Sha256, $"{field}.sha256");
        return new DossierDocument(
            DossierDocument.IdOf(sha256),
            componentCode,
            RequestFields.Required(document.Name, $"{field}.name", limits.MaxTextLength),
            MediaType(document.MediaType, field),
            document.SizeBytes,
            sha256,
            RequestFields.Url(document.StorageUrl, $"{field}.storage_url", limits.MaxUrlLength))
        {
            Digitised = document.Digitised,
            FromNationalStore = document.FromNationalStore,
        };
    }

    private static string MediaType(string value, string field) =>
        DocumentMediaTypes.Normalize(value) ?? throw new InvalidFieldException($"{field}.media_type", "must be one of pdf, doc, docx, tif, tiff, jpeg, png");

    /// <summary>The fees, each and their sum within the configured bounds, so that no amount downstream (× 100 on VNPAY's wire) can overflow.</summary>
    public IReadOnlyList<DossierFee> ToFees(IReadOnlyList<V1.Fee> fees)
    {
        if (fees.Count > limits.MaxFees)
        {
            throw new InvalidFieldException("fees", $"has {fees.Count} entries; at most {limits.MaxFees} are accepted");
        }
        var read = fees.Select((f, i) => ToFee(f, $"fees[{i}]")).ToList();
        var total = 0L;
        foreach (var fee in read)
        {
            // Each amount is at most MaxFeeAmount, so the comparison itself cannot overflow.
            total = total > limits.MaxFeesTotal - fee.Amount
                ? throw new InvalidFieldException("fees", $"add up to more than {limits.MaxFeesTotal.ToString("N0", CultureInfo.InvariantCulture)} VND, the most one request may ask for")
                : total + fee.Amount;
        }
        return read;
    }

    private DossierFee ToFee(V1.Fee fee, string field)
    {
        if (fee.Amount < 0)
        {
            throw new InvalidFieldException($"{field}.amount", "must not be negative");
        }
        if (fee.Amount > limits.MaxFeeAmount)
        {
            throw new InvalidFieldException($"{field}.amount", $"must be at most {limits.MaxFeeAmount.ToString("N0", CultureInfo.InvariantCulture)} VND");
        }
        if (fee.Kind is not (1 or 2))
        {
            throw new InvalidFieldException($"{field}.kind", "must be 1 (fee) or 2 (charge)");
        }
        return new DossierFee(
            RequestFields.Required(fee.Code, $"{field}.code", limits.MaxTextLength),
            RequestFields.Required(fee.Name, $"{field}.name", limits.MaxTextLength),
            fee.Amount,
            fee.Kind);
    }

    /// <summary>A time something happened: not in the future (beyond clock skew), not older than the hub takes dossiers.</summary>
    private DateTimeOffset Happened(Timestamp? value, string field) => Within(RequestFields.Time(value, field), field, limits.MaxClockSkew, promised: false);

    /// <summary>A time promised (a due date, a deadline): within the configured horizon.</summary>
    private DateTimeOffset Promised(Timestamp? value, string field) => Within(RequestFields.Time(value, field), field, limits.MaxHorizon, promised: true);

    /// <summary>The time, unless it lies more than <paramref name="ahead"/> after now or more than MaxAge before; the reason is only worded for a refusal.</summary>
    private DateTimeOffset Within(DateTimeOffset time, string field, TimeSpan ahead, bool promised)
    {
        var now = clock.GetUtcNow();
        return time > now + ahead ? throw new InvalidFieldException(field, promised ? $"is more than {ahead.TotalDays:0} days ahead ({time:u})" : $"is in the future ({time:u})")
            : time < now - limits.MaxAge ? throw new InvalidFieldException(field, $"is more than {limits.MaxAge.TotalDays:0} days ago ({time:u})")
            : time;
    }

    private static string? OptionalMatching(string value, string field, System.Text.RegularExpressions.Regex pattern, string expected) =>
        string.IsNullOrWhiteSpace(value) ? null : RequestFields.Matching(value, field, pattern, expected);

    private static string WritePageToken(PagePosition position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{position.ReceivedAt.UtcTicks}:{position.Id:N}"));

    private static PagePosition? ReadPageToken(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':');
            return new PagePosition(new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.ParseExact(parts[1], "N"));
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new InvalidFieldException("page_token", "is not a token this service issued");
        }
    }
}
