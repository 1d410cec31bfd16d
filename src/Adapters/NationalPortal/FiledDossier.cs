namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>A dossier a citizen filed on DVCQG, as the province pulls it.</summary>
/// <param name="NationalCode">MaHoSo: the portal's code, kept as the dossier's code.</param>
public sealed record FiledDossier(
    string NationalCode, string ProcedureCode, string AgencyCode, DateTimeOffset FiledAt, string ApplicantName, string IdNumber,
    string? BirthDate, string? Address, string? Phone, string? Email, string Summary, IReadOnlyList<FiledDocument> Documents);

/// <param name="Path">Where the portal keeps the file (LayTaiLieuHoSo's duongdanteptin).</param>
public sealed record FiledDocument(string ComponentCode, string Name, string Path);

/// <summary>A DanhSachHoSo row read: the dossier, or why it cannot be taken (its raw row kept for operators).</summary>
public sealed record FiledRow(string? NationalCode, FiledDossier? Dossier, string? Problem, string Raw);

/// <summary>What TraCuuHoSo says of a filed dossier now.</summary>
/// <param name="DueAt">NgayHenTra, the date the portal promised the citizen.</param>
public sealed record FilingState(string StatusCode, DateTimeOffset? DueAt);
