namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>
/// The national public-service portal (Cổng Dịch vụ công quốc gia, DVCQG) as the hub uses it:
/// dossier sync, progress reports, and the procedure catalogue the sync needs.
/// </summary>
public interface INationalPortal
{
    /// <summary>Creates (<paramref name="isUpdate"/> false) or updates the dossier at the portal (DongBoHoSoMC).</summary>
    Task<DeliveryOutcome> SyncDossierAsync(PortalDossier dossier, bool isUpdate, CancellationToken cancellationToken);

    /// <summary>Reports one processing step (CapNhatTienDoHoSoMC).</summary>
    Task<DeliveryOutcome> ReportProgressAsync(PortalProgress progress, CancellationToken cancellationToken);
}
