using System.Globalization;
using IntegrationHub.Adapters;
using IntegrationHub.Hub.Dossiers;

namespace IntegrationHub.Hub.Notices;

/// <summary>
/// What a dossier change tells the applicant, whatever the channel: received, supplement requested, result
/// ready (signed), fees paid, the apology with a new due date for a late dossier, and an electronic result
/// with its link; with the values of its templates' slots.
/// </summary>
public sealed record NoticeContent(NoticeEvent Event, IReadOnlyDictionary<string, string> Values, IReadOnlyList<ResultLink> Results)
{
    public static NoticeContent? For(DossierChange change)
    {
        if (EventOf(change) is not { } notice)
        {
            return null;
        }
        var dossier = change.Dossier;
        var values = new Dictionary<string, string>
        {
            ["DossierCode"] = dossier.Code,
            ["DueDate"] = VietnamTime.Date(dossier.CurrentDueAt).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            ["Reason"] = notice switch
            {
                NoticeEvent.DueDateRescheduled => dossier.RescheduleReason,
                NoticeEvent.SupplementRequested => dossier.Supplements.LastOrDefault()?.Wording,
                _ => change.Progress?.Note,
            } ?? "xin liên hệ Bộ phận Một cửa",
            ["HowToReceive"] = dossier.ResultDelivery switch
            {
                ResultDelivery.ByPost => "qua bưu chính",
                ResultDelivery.Electronic => "bản điện tử trên Cổng Dịch vụ công quốc gia",
                _ => "tại Bộ phận Một cửa",
            },
            ["PaymentReference"] = change.PaymentReference ?? "",
        };
        IReadOnlyList<ResultLink> results = change.Result is { } result ? [new ResultLink(result.Name, result.StorageUrl)] : [];
        return new NoticeContent(notice, values, results);
    }

    private static NoticeEvent? EventOf(DossierChange change) => (change.Kind, change.Progress?.Action) switch
    {
        (DossierChangeKind.ProgressRecorded, ProgressAction.Receive) => NoticeEvent.Received,
        (DossierChangeKind.ProgressRecorded, ProgressAction.RequestSupplement) => NoticeEvent.SupplementRequested,
        (DossierChangeKind.ProgressRecorded, ProgressAction.Sign) => NoticeEvent.ResultReady,
        (DossierChangeKind.FeesPaid, _) => NoticeEvent.PaymentReceived,
        (DossierChangeKind.Rescheduled, _) => NoticeEvent.DueDateRescheduled,
        (DossierChangeKind.ResultAttached, _) when change.Result is { StorageUrl.Length: > 0 } => NoticeEvent.ElectronicResult,
        _ => null,
    };
}

/// <summary>An electronic result the applicant can download: its name and address.</summary>
public sealed record ResultLink(string Name, string Url);
