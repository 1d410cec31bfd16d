namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>A dossier as the national portal is told about it, in the hub's own terms.</summary>
public sealed record PortalDossier
{
    public required string Code { get; init; }
    /// <summary>số biên nhận</summary>
    public required string ReceiptNumber { get; init; }
    public required string ProcedureCode { get; init; }
    public required string AgencyCode { get; init; }
    public required string AgencyName { get; init; }
    public required PortalApplicant Applicant { get; init; }
    public string? ContactPhone { get; init; }
    public string? ContactEmail { get; init; }
    public required string Summary { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    /// <summary>The hub's status name (e.g. <c>Received</c>); mapped to a portal code by configuration.</summary>
    public required string Status { get; init; }
    /// <summary>
    /// What refines the status for the portal, when something does: <c>AtCounter</c> (new, received in
    /// person), <c>AwaitingFee</c> (a level-4 dossier whose fee is unpaid), <c>AtIntake</c> (rejected before receipt).
    /// </summary>
    public string? SubStatus { get; init; }
    /// <summary><c>Counter</c>, <c>Online</c> or <c>Postal</c>.</summary>
    public required string Channel { get; init; }
    /// <summary>How the result is returned: <c>AtCounter</c>, <c>ByPost</c> or <c>Electronic</c>.</summary>
    public required string ResultDelivery { get; init; }
    public DateTimeOffset? ProcessingEndedAt { get; init; }
    public DateTimeOffset? ResultReturnedAt { get; init; }
    public DateTimeOffset? RejectedAt { get; init; }
    /// <summary>Whether the fees were paid online.</summary>
    public bool FeesPaidOnline { get; init; }
    /// <summary>Paid on the national portal's payment platform rather than through a gateway of the province's own.</summary>
    public bool PaidOnNationalPlatform { get; init; }
    /// <summary>The national databases the hub consulted about the applicant (<c>population</c>, <c>enterprise</c>).</summary>
    public IReadOnlyList<string> DatabasesConsulted { get; init; } = [];
    public IReadOnlyList<PortalDocument> Documents { get; init; } = [];
    public IReadOnlyList<PortalFee> Fees { get; init; } = [];
    public IReadOnlyList<PortalResult> Results { get; init; } = [];
    public IReadOnlyList<PortalSupplement> Supplements { get; init; } = [];
    public required int Version { get; init; }
}

/// <param name="Kind"><c>Citizen</c>, <c>Business</c>, <c>StateAgency</c> or <c>Organisation</c>.</param>
/// <param name="Address">Citizen: current address. Business: head office.</param>
public sealed record PortalApplicant(string Kind, string IdNumber, string Name, string? Address = null)
{
    /// <summary>Citizen: <c>Male</c> or <c>Female</c>.</summary>
    public string? Sex { get; init; }
    public string? Nationality { get; init; }
    public string? PermanentAddress { get; init; }
    public string? LegalForm { get; init; }
    public string? LegalRepresentative { get; init; }
}

/// <param name="Digitised">Scanned and signed into an electronic copy (số hóa).</param>
/// <param name="FromNationalStore">Taken from the citizen's document store on the national portal.</param>
/// <param name="Reused">An electronic result issued earlier, reused instead of a new paper.</param>
/// <param name="ReusedResultCode">That result's kind in the national catalogue, when known.</param>
public sealed record PortalDocument(
    string Id, string ComponentCode, string Name, string StorageUrl, bool Digitised = false, bool FromNationalStore = false, bool Reused = false, string? ReusedResultCode = null);

/// <param name="Kind">1 = fee (phí), 2 = charge (lệ phí).</param>
public sealed record PortalFee(string Code, string Name, long Amount, int Kind);

/// <param name="ResultCode">The result's kind in the procedure's national catalogue entry (MAKETQUA).</param>
public sealed record PortalResult(string Id, string DocumentNumber, string Name, string? ComponentCode, string StorageUrl, string? ResultCode = null);

/// <summary>A request for missing papers and, once they came in, their receipt.</summary>
/// <param name="DueBefore">The due date when the papers were asked for.</param>
/// <param name="DueAfter">The due date once they came in.</param>
public sealed record PortalSupplement(
    string Id, string RequestedBy, string Reason, DateTimeOffset RequestedAt, DateTimeOffset DueBefore,
    string? ReceivedBy = null, DateTimeOffset? ReceivedAt = null, DateTimeOffset? DueAfter = null)
{
    /// <summary>The papers handed in for it.</summary>
    public IReadOnlyList<PortalDocument> Papers { get; init; } = [];
}

/// <summary>One processing step as the national portal is told about it.</summary>
public sealed record PortalProgress
{
    public required string DossierCode { get; init; }
    public required string HandlerName { get; init; }
    public string? HandlerTitle { get; init; }
    public string? Department { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>What was done, in words the portal shows to the citizen.</summary>
    public required string Content { get; init; }
    /// <summary>The hub's status name after the step.</summary>
    public required string StatusAfter { get; init; }
    /// <summary>See <see cref="PortalDossier.SubStatus"/>.</summary>
    public string? SubStatusAfter { get; init; }
    public DateTimeOffset? StepStartedAt { get; init; }
    public DateTimeOffset? StepDeadline { get; init; }
}
