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

    /// <summary>Hub status name to portal status code (TrangThaiHoSo / TrangThai).</summary>
    public Dictionary<string, string> StatusCodes { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["New"] = "1",
        ["Received"] = "2",
        ["Rejected"] = "3",
        ["UnderAppraisal"] = "4",
        ["Approved"] = "4",
        ["SupplementRequested"] = "5",
        ["Withdrawn"] = "7",
        ["Suspended"] = "8",
        ["Signed"] = "9",
        ["ResultReturned"] = "10",
        ["Finished"] = "10",
    };

    /// <summary>error_code values meaning the session is invalid or expired: log in again, retry once.</summary>
    public List<string> SessionInvalidCodes { get; set; } = ["-1"];

    /// <summary>error_code values meaning "the dossier already exists": resend as an update.</summary>
    public List<string> AlreadyExistsCodes { get; set; } = ["3", "-3"];

    /// <summary>error_code values meaning a fault on the portal's side; every other code is a permanent rejection.</summary>
    public List<string> TransientCodes { get; set; } = ["99"];

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
