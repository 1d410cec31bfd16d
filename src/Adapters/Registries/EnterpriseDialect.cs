namespace IntegrationHub.Adapters.Registries;

/// <summary>How the hub speaks to the enterprise registration database (<c>Hub:Adapters:Enterprise:Dialect</c>).</summary>
public enum EnterpriseDialect
{
    /// <summary>The JSON form of the province's data-sharing platform answered with MaKetQua (the hub's own reading; the sandbox's default).</summary>
    Platform,

    /// <summary>
    /// The NGSP/LGSP service <c>chiTietDoanhNghiep?msdn=</c> with a platform token, answered with
    /// <c>{Data:{MainInformation, HOAdress, Representatives, BusinessActivities}, DataCount, Status, Message}</c>
    /// (Quảng Bình's LGSP guide; OpenCPS reads the same blocks).
    /// </summary>
    Ngsp,
}
