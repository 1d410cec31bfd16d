using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Hub.PortalIntake;

/// <summary>Pulling the dossiers citizens file on DVCQG for the province's agencies.</summary>
public sealed class PortalIntakeOptions
{
    public const string SectionName = "Hub:PortalIntake";

    /// <summary>Off: nothing is pulled (a province whose portal pushes instead).</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan PullInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Days of receipt each pull asks for, ending today (GMT+7): integrators ask for the last 3, so a pull missed for a day or two loses nothing.</summary>
    [Range(1, 31)]
    public int WindowDays { get; set; } = 3;

    /// <summary>The largest file kept; a filing with a larger one is kept aside with the reason.</summary>
    [Range(1, 200 * 1024 * 1024)]
    public int MaxAttachmentBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>A filing with more files is kept aside.</summary>
    [Range(1, 500)]
    public int MaxAttachments { get; set; } = 50;

    /// <summary>
    /// The agency that takes the promotion notices DVCQG pushes (addtthcKhuyenMai): the province's Department of Industry
    /// and Trade (Sở Công Thương); the push does not name it. None: such pushes are refused.
    /// </summary>
    public string? PromotionAgency { get; set; }

    /// <summary>The service level of a dossier filed on the portal (3: online in part, 4: in full); the pull's rows do not say.</summary>
    [Range(3, 4)]
    public int ServiceLevel { get; set; } = 3;

    public Dossiers.ServiceLevel DossierServiceLevel => ServiceLevel == 4 ? Dossiers.ServiceLevel.Level4 : Dossiers.ServiceLevel.Level3;
}
