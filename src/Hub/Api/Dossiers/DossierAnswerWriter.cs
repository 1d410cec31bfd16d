using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Hub.Api.Payments;
using IntegrationHub.Hub.Api.Registries;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.Hub.Payments;
using IntegrationHub.Hub.Workflow;

namespace IntegrationHub.Hub.Api.Dossiers;

/// <summary>Writes the dossier service's answers: the domain's views as the wire carries them.</summary>
public static class DossierAnswerWriter
{
    public static V1.SubmitDossierResponse ToMessage(SubmitAnswer answer) => new()
    {
        DossierCode = answer.DossierCode,
        Status = (V1.DossierStatus)(int)answer.Status,
        DueAt = Timestamp.FromDateTimeOffset(answer.DueAt),
        Version = answer.Version,
        Payment = answer.Payment is { } payment ? PaymentAnswerWriter.ToMessage(payment) : null,
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

    public static V1.SubmitSupplementResponse ToMessage(SupplementAnswer answer) => new()
    {
        DossierCode = answer.DossierCode,
        Status = (V1.DossierStatus)(int)answer.Status,
        Version = answer.Version,
        DueAt = Timestamp.FromDateTimeOffset(answer.DueAt),
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
            RescheduledDueAt = Timestamps.Of(dossier.RescheduledDueAt),
            DueAtFlag = dossier.DueAtFlag ?? "",
            RescheduleReason = dossier.RescheduleReason ?? "",
            ServiceLevel = (V1.ServiceLevel)(int)dossier.ServiceLevel,
            Channel = (V1.Channel)(int)dossier.Channel,
            Status = (V1.DossierStatus)(int)dossier.Status,
            Version = dossier.Version,
            CreatedAt = Timestamp.FromDateTimeOffset(dossier.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(dossier.UpdatedAt),
        };
        message.Documents.AddRange(dossier.Documents.Select(ToMessage));
        message.Fees.AddRange(dossier.Fees.Select(ToMessage));
        message.Timeline.AddRange(dossier.Timeline.OrderBy(p => p.Version).Select((p, i) => new V1.ProgressRecord
        {
            Sequence = i + 1,
            Action = (V1.ProgressAction)(int)p.Action,
            StatusAfter = (V1.DossierStatus)(int)p.StatusAfter,
            Handler = new V1.Handler { Name = p.HandlerName, Title = p.HandlerTitle ?? "", Department = p.Department ?? "" },
            Note = p.Note ?? "",
            OccurredAt = Timestamp.FromDateTimeOffset(p.OccurredAt),
            StepDeadline = Timestamps.Of(p.StepDeadline),
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
        message.Payments.AddRange(view.Payments.Select(p => PaymentAnswerWriter.ToMessage(PaymentView.Of(p))));
        message.Supplements.AddRange(dossier.Supplements.Select(s =>
        {
            var round = new V1.SupplementRound
            {
                RequestedAt = Timestamp.FromDateTimeOffset(s.RequestedAt), Reason = s.Reason ?? "", RespondBy = Timestamps.Of(s.RespondBy),
                DueBefore = Timestamp.FromDateTimeOffset(s.DueBefore), ReceivedAt = Timestamps.Of(s.ReceivedAt), DueAfter = Timestamps.Of(s.DueAfter),
                WorkingDaysWaited = s.WorkingDaysWaited,
            };
            round.Missing.AddRange(s.Missing.Select(m => new V1.MissingPaper { ComponentCode = m.ComponentCode, Reason = m.Reason }));
            round.PapersReceived.AddRange(s.PapersReceived.Select(id => dossier.Documents.FirstOrDefault(d => d.Id == id)?.ComponentCode ?? id));
            return round;
        }));
        message.Notices.AddRange(view.Notices.Select(n => new V1.Notice
        {
            Event = n.Event, State = (V1.NoticeState)(int)n.Status, Text = n.Text, Segments = n.Segments, Provider = n.Provider ?? "",
            Detail = n.Detail ?? "", UpdatedAt = Timestamp.FromDateTimeOffset(n.UpdatedAt), Channel = n.Channel, Address = n.Address, Subject = n.Subject ?? "",
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
            LastAttemptAt = Timestamps.Of(d.LastAttemptAt),
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
        Sex = RegistryAnswerWriter.ToMessage(applicant.Sex),
        Nationality = applicant.Nationality ?? "",
        PermanentAddress = applicant.PermanentAddress ?? "",
        LegalForm = applicant.LegalForm ?? "",
        OperatingStatus = applicant.OperatingStatus ?? "",
        LegalRepresentative = applicant.LegalRepresentative ?? "",
    };

    private static V1.ApplicantCheck ToMessage(ApplicantCheck check) => new()
    {
        State = (V1.ApplicantCheckState)(int)check.State,
        CheckedAt = Timestamps.Of(check.CheckedAt),
        Filled = { check.Filled.Select(f => new V1.FilledField { Field = f.Field, Source = RegistryAnswerWriter.ToMessage(f.Source) }) },
        Mismatches =
        {
            check.Mismatches.Select(m => new V1.FieldMismatch
            {
                Field = m.Field, AgencyValue = m.AgencyValue, RegistryValue = m.RegistryValue, Source = RegistryAnswerWriter.ToMessage(m.Source),
            }),
        },
    };

    public static V1.ListDossiersResponse ToMessage(DossierPage page)
    {
        var message = new V1.ListDossiersResponse { NextPageToken = page.Next is { } next ? PageTokens.Write(next.ReceivedAt, next.Id.ToString("N")) : "" };
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

    public static V1.Receipt ToMessage(DossierReceipt receipt)
    {
        var message = new V1.Receipt
        {
            ReceiptNumber = receipt.ReceiptNumber, DossierCode = receipt.DossierCode, AgencyCode = receipt.AgencyCode, AgencyName = receipt.AgencyName,
            ProcedureCode = receipt.ProcedureCode, ProcedureName = receipt.ProcedureName ?? "", ApplicantName = receipt.ApplicantName,
            ReceivedAt = Timestamp.FromDateTimeOffset(receipt.ReceivedAt), DueAt = Timestamp.FromDateTimeOffset(receipt.DueAt),
            ResultDelivery = (V1.ResultDelivery)(int)receipt.ResultDelivery, ReceivedBy = receipt.ReceivedBy,
        };
        message.Documents.AddRange(receipt.Documents.Select(ToMessage));
        message.Fees.AddRange(receipt.Fees.Select(ToMessage));
        return message;
    }

    private static V1.Document ToMessage(DossierDocument d) => new()
    {
        ComponentCode = d.ComponentCode, Name = d.Name, MediaType = d.MediaType, SizeBytes = d.SizeBytes, Sha256 = d.Sha256, StorageUrl = d.StorageUrl,
        ReusedResult = d.ReusedResult ?? "",
        Digitised = d.Digitised,
        FromNationalStore = d.FromNationalStore,
    };

    private static V1.Fee ToMessage(DossierFee f) => new() { Code = f.Code, Name = f.Name, Amount = f.Amount, Kind = f.Kind };
}
