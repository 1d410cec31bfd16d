namespace IntegrationHub.Hub.Dossiers;

public enum ApplicantKind
{
    Citizen = 1,
    Business = 2,
    StateAgency = 3,   // cơ quan nhà nước
    Organisation = 4,  // tổ chức khác
}

/// <summary>How the applicant receives the result (hình thức trả kết quả).</summary>
public enum ResultDelivery
{
    AtCounter = 1,   // trực tiếp
    ByPost = 2,      // qua bưu chính công ích
    Electronic = 3,  // kết quả điện tử
}

/// <summary>How the dossier was filed.</summary>
public enum Channel
{
    Counter = 1,  // trực tiếp
    Online = 2,   // trực tuyến
    Postal = 3,   // bưu chính công ích
}

/// <summary>mức độ: 3 = filed online, 4 = also paid and returned online (toàn trình).</summary>
public enum ServiceLevel
{
    Level3 = 3,
    Level4 = 4,
}
