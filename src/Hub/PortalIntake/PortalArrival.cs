namespace IntegrationHub.Hub.PortalIntake;

/// <summary>A dossier filed on DVCQG that the hub took, once: waiting in its agency's inbox until the agency acknowledges it.</summary>
public sealed class PortalArrival
{
    private PortalArrival()
    {
    }

    /// <summary>MaHoSo: the portal's code, which is also the hub's dossier code.</summary>
    public string NationalCode { get; private set; } = "";
    public Guid DossierId { get; private set; }
    public string AgencyCode { get; private set; } = "";
    public DateTimeOffset ArrivedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }

    public static PortalArrival Of(string nationalCode, Guid dossierId, string agencyCode, DateTimeOffset now) =>
        new() { NationalCode = nationalCode, DossierId = dossierId, AgencyCode = agencyCode, ArrivedAt = now };
}
