namespace IntegrationHub.Hub.Dossiers;

/// <summary>What an agency submits, already checked field by field where the request was read.</summary>
public sealed record NewDossier
{
    /// <summary>The agency's own code, or null for the hub to assign one.</summary>
    public string? Code { get; init; }
    /// <summary>mã TTHC</summary>
    public required string ProcedureCode { get; init; }
    /// <summary>mã định danh đơn vị of the receiving agency</summary>
    public required string AgencyCode { get; init; }
    public required Applicant Applicant { get; init; }
    public string? ContactPhone { get; init; }
    public string? ContactEmail { get; init; }
    /// <summary>trích yếu</summary>
    public required string Summary { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>ngày hẹn trả; null until the hub computes it from the procedure's processing time.</summary>
    public DateTimeOffset? DueAt { get; init; }
    /// <summary>Why the due date the agency gave deserves a look (it is kept), or null.</summary>
    public string? DueAtFlag { get; init; }
    public required ServiceLevel ServiceLevel { get; init; }
    public required Channel Channel { get; init; }
    public required ResultDelivery ResultDelivery { get; init; }
    /// <summary>số biên nhận, or null for the dossier code to serve.</summary>
    public string? ReceiptNumber { get; init; }
    public IReadOnlyList<DossierDocument> Documents { get; init; } = [];
    public IReadOnlyList<DossierFee> Fees { get; init; } = [];
    public DossierOrigin Origin { get; init; } = DossierOrigin.Agency;
}
