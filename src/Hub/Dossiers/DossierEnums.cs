namespace IntegrationHub.Hub.Dossiers;

public enum ApplicantKind
{
    Citizen = 1,
    Business = 2,
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
