namespace IntegrationHub.Hub.Dossiers;

/// <summary>Where a dossier stands in the 5-step electronic process or its side paths.</summary>
public enum DossierStatus
{
    New = 1,
    Received = 2,              // tiếp nhận
    UnderAppraisal = 3,        // thẩm định
    Approved = 4,              // phê duyệt
    Signed = 5,                // ký số: result ready
    ResultReturned = 6,        // trả kết quả
    Finished = 7,
    SupplementRequested = 8,   // yêu cầu bổ sung
    Rejected = 9,
    Suspended = 10,            // dừng xử lý
    Withdrawn = 11,            // rút hồ sơ
}
