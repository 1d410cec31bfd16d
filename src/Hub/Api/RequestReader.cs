using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Idempotency;
using IntegrationHub.Hub.Requests;
using IntegrationHub.Hub.Security;

namespace IntegrationHub.Hub.Api;

/// <summary>
/// What every service reads the same way: a write's request id and size, dossier codes, fees, and times
/// within the hub's window. Each service's own reader builds on it; a bad field is refused by name.
/// </summary>
public sealed class RequestReader(LimitsOptions limits, TimeProvider clock)
{
    public LimitsOptions Limits => limits;

    public WriteRequest Write(AgencyClient client, string requestId, IMessage request)
    {
        var size = request.CalculateSize();
        if (size > limits.MaxRequestBytes)
        {
            throw new InvalidFieldException("request", $"is {size} bytes; the limit is {limits.MaxRequestBytes}");
        }
        var id = RequestFields.Matching(requestId, "request_id", RequestFields.RequestId(), "1–100 letters, digits or . _ - :");
        return new WriteRequest(client.Id, id, WriteCalls.Fingerprint(request));
    }

    public static string DossierCode(string value) =>
        RequestFields.Matching(value, "dossier_code", RequestFields.DossierCode(), "1–80 letters, digits or . _ -");

    public string Text(string value, string field) => RequestFields.Required(value, field, limits.MaxTextLength);

    public string? OptionalText(string value, string field) => RequestFields.Optional(value, field, limits.MaxTextLength);

    public string Summary(string value, string field) => RequestFields.Required(value, field, limits.MaxSummaryLength);

    public string? OptionalSummary(string value, string field) => RequestFields.Optional(value, field, limits.MaxSummaryLength);

    /// <summary>The fees, each and their sum within the configured bounds, so that no amount downstream (× 100 on VNPAY's wire) can overflow.</summary>
    public IReadOnlyList<DossierFee> Fees(IReadOnlyList<V1.Fee> fees)
    {
        if (fees.Count > limits.MaxFees)
        {
            throw new InvalidFieldException("fees", $"has {fees.Count} entries; at most {limits.MaxFees} are accepted");
        }
        var read = fees.Select((f, i) => Fee(f, $"fees[{i}]")).ToList();
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

    private DossierFee Fee(V1.Fee fee, string field)
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
        return new DossierFee(Text(fee.Code, $"{field}.code"), Text(fee.Name, $"{field}.name"), fee.Amount, fee.Kind);
    }

    /// <summary>A time something happened: not in the future (beyond clock skew), not older than the hub takes dossiers.</summary>
    public DateTimeOffset Happened(Timestamp? value, string field) => Within(RequestFields.Time(value, field), field, limits.MaxClockSkew, promised: false);

    /// <summary>A time promised (a due date, a deadline): within the configured horizon.</summary>
    public DateTimeOffset Promised(Timestamp? value, string field) => Within(RequestFields.Time(value, field), field, limits.MaxHorizon, promised: true);

    /// <summary>The time, unless it lies more than <paramref name="ahead"/> after now or more than MaxAge before; the reason is only worded for a refusal.</summary>
    private DateTimeOffset Within(DateTimeOffset time, string field, TimeSpan ahead, bool promised)
    {
        var now = clock.GetUtcNow();
        return time > now + ahead ? throw new InvalidFieldException(field, promised ? $"is more than {ahead.TotalDays:0} days ahead ({time:u})" : $"is in the future ({time:u})")
            : time < now - limits.MaxAge ? throw new InvalidFieldException(field, $"is more than {limits.MaxAge.TotalDays:0} days ago ({time:u})")
            : time;
    }
}
