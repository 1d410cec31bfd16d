
namespace IntegrationHub.Hub.Dossiers;

/// <summary>
/// The citizen (by CCCD number) or business (by enterprise/tax code) the dossier is for (chủ hồ sơ).
/// Absent values are null; registries fill some of them (see <see cref="Registries.ApplicantChecker"/>).
/// </summary>
/// <param name="Name">Full name, or the enterprise's name.</param>
/// <param name="Address">Citizen: nơi ở hiện tại (current address). Business: trụ sở chính (head office).</param>
public sealed record Applicant(ApplicantKind Kind, string IdNumber, string? Name, string? Address)
{
    /// <summary>Citizen: <c>yyyy-MM-dd</c>, or <c>yyyy</c> when only the year is known.</summary>
    public string? BirthDate { get; init; }

    public Sex? Sex { get; init; }

    public string? Nationality { get; init; }

    /// <summary>nơi thường trú</summary>
    public string? PermanentAddress { get; init; }

    /// <summary>loại hình doanh nghiệp</summary>
    public string? LegalForm { get; init; }

    /// <summary>tình trạng hoạt động</summary>
    public string? OperatingStatus { get; init; }

    /// <summary>người đại diện theo pháp luật</summary>
    public string? LegalRepresentative { get; init; }
}
