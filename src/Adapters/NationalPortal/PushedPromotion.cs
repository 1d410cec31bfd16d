namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>A notice of a sales promotion a trader filed on DVCQG and the portal pushed to the province (addtthcKhuyenMai).</summary>
/// <param name="NationalCode">MaHoSo: the portal's code, kept as the dossier's code.</param>
/// <param name="TaxCode">MaSoThue, which is also the enterprise code.</param>
/// <param name="Files">The registration form first, then the papers.</param>
public sealed record PushedPromotion(
    string NationalCode, string ProcedureCode, DateTimeOffset FiledAt, string TraderName, string TaxCode, string? Address,
    string? Phone, string? Email, string Summary, IReadOnlyList<PushedFile> Files);

public sealed record PushedFile(string Name, byte[] Content);
