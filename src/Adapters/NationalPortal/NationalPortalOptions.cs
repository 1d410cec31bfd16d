using System.ComponentModel.DataAnnotations;
using IntegrationHub.Adapters.Resilience;

namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>
/// Connection to the national portal, bound from <c>Hub:Adapters:NationalPortal</c>. Paths, codes and
/// the status mapping are configuration because the onboarding specification a province receives
/// wins over the public material they were read from.
/// </summary>
public sealed class NationalPortalOptions : AdapterResilienceOptions
{
    public const string SectionName = "Hub:Adapters:NationalPortal";

    /// <summary>The portal's time limits are OpenCPS's: it waits 60 s for an answer.</summary>
    public NationalPortalOptions()
    {
        AttemptTimeout = TimeSpan.FromSeconds(60);
        TotalTimeout = TimeSpan.FromMinutes(3);
    }

    /// <summary>adapter_url</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>auth_endpoint</summary>
    public string AuthPath { get; set; } = "mapi/login";

    /// <summary>integration_endpoint: dossier writes.</summary>
    public string IntegrationPath { get; set; } = "mapi/g";

    /// <summary>share_endpoint: catalogue reads.</summary>
    public string SharePath { get; set; } = "mapi/g";

    /// <summary>The X-Road service code sent as the <c>dstcode</c> header, when the portal is reached through the data-exchange platform.</summary>
    public string? ServiceCode { get; set; }

    [Required]
    public string Username { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";

    /// <summary>DuocThanhToanTrucTuyen for fees paid through the province's own gateways (2: a ministry's or province's payment portal); DVCQG's platform is always 1.</summary>
    public string OnlinePaymentCode { get; set; } = "2";

    /// <summary>madonvi: the calling province's unit code.</summary>
    [Required]
    public string UnitCode { get; set; } = "";

    /// <summary>Dossiers or steps sent in one call (the portal's <c>data</c> array; OpenCPS-era systems send up to 10).</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>How long a procedure's catalogue entry (LayThuTuc) is reused.</summary>
    public TimeSpan CatalogTtl { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The procedure code the health check looks up in the catalogue; any answer in the portal's format will do.</summary>
    public string ProbeProcedureCode { get; set; } = "1.000894";

    /// <summary>
    /// Hub status to portal status code (TrangThaiHoSo / TrangThai). A key <c>Status.SubStatus</c> wins over
    /// <c>Status</c>, as OpenCPS's status mapping lets a sub-status win: a dossier filed at the counter is
    /// received from the start (2, not 1 "filed online, not yet received"); a level-4 dossier whose fee is
    /// unpaid awaits its financial obligation (6); a rejection is "refused at intake" (3) only before receipt,
    /// and processing stopped (8) after.
    /// </summary>
    public Dictionary<string, string> StatusCodes { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["New"] = "1",
        ["New.AtCounter"] = "2",
        ["Received"] = "2",
        ["Received.AwaitingFee"] = "6",
        ["UnderAppraisal"] = "4",
        ["UnderAppraisal.AwaitingFee"] = "6",
        ["Approved"] = "4",
        ["Approved.AwaitingFee"] = "6",
        ["SupplementRequested"] = "5",
        ["Rejected"] = "8",
        ["Rejected.AtIntake"] = "3",
        ["Withdrawn"] = "7",
        ["Suspended"] = "8",
        ["Signed"] = "9",
        ["ResultReturned"] = "10",
        ["Finished"] = "10",
    };

    /// <summary>HinhThuc by how the result is returned: 0 at the counter, 1 by post; an electronic result is not posted.</summary>
    public Dictionary<string, string> ResultDeliveryCodes { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AtCounter"] = "0",
        ["ByPost"] = "1",
        ["Electronic"] = "0",
    };

    /// <summary>HinhThucThu by how a fee was collected: in person, or online (either payment platform).</summary>
    public Dictionary<string, string> FeeCollectionCodes { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["InPerson"] = "1",
        ["Online"] = "2",
    };

    /// <summary>
    /// MaCSDL of each national database the hub consults (DSKetNoiCSDL), so that the look-ups are credited.
    /// The code list is not public: population is 7 as Thanh Hóa's system sends it; a database without a
    /// code here is not reported. Take the codes from the onboarding specification.
    /// </summary>
    public Dictionary<string, string> DatabaseCodes { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["population"] = "7",
    };

    /// <summary>error_code values meaning the session is invalid or expired: log in again, retry once.</summary>
    public List<string> SessionInvalidCodes { get; set; } = ["-1"];

    /// <summary>error_code values meaning "the dossier already exists": resend as an update.</summary>
    public List<string> AlreadyExistsCodes { get; set; } = ["3", "-3"];

    /// <summary>
    /// error_code values meaning a fault on the portal's side (retry later). No official list is public;
    /// 99 ("các lỗi khác") and HTTP-like server codes are what integrators see.
    /// </summary>
    public List<string> TransientCodes { get; set; } = ["99", "-99", "500", "502", "503", "504"];

    /// <summary>Words in an error message that mark it as the portal's own trouble, whatever its code (compared without case).</summary>
    public List<string> TransientMessages { get; set; } = ["hệ thống đang bận", "lỗi hệ thống", "quá thời gian", "timeout", "exception"];

    /// <summary>
    /// Where TraCuuHoSo's answer lists the dossier's steps, for finding out whether a step whose answer
    /// was lost reached the portal. The public material does not show this part of the answer; the name
    /// is one province integration's name for the progress list.
    /// </summary>
    public string LookupStepsField { get; set; } = "QuaTrinhXuLy";

    /// <summary>Lengths the portal is known to reject beyond (TrichYeuHoSo, NguoiXuLy); longer text is cut.</summary>
    public int MaxSummaryLength { get; set; } = 1000;
    public int MaxHandlerNameLength { get; set; } = 50;
}
