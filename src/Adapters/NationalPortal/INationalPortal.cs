namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>
/// The national public-service portal (Cổng Dịch vụ công quốc gia, DVCQG) as the hub uses it:
/// dossier sync and progress reports. Both take several items per call, as the portal's <c>data</c>
/// array does, and answer one outcome per item, in order. An item in doubt is first looked up at the
/// portal (TraCuuHoSo) and sent only when the portal does not hold it yet.
/// </summary>
public interface INationalPortal
{
    /// <summary>Creates (<paramref name="isUpdate"/> false) or updates dossiers at the portal (DongBoHoSoMC).</summary>
    Task<IReadOnlyList<DeliveryOutcome>> SyncDossiersAsync(IReadOnlyList<Outgoing<PortalDossier>> dossiers, bool isUpdate, CancellationToken cancellationToken);

    /// <summary>Where the portal's record of the dossier (TraCuuHoSo) differs from the hub's in status, date promised or results; empty when it agrees.</summary>
    /// <exception cref="PortalFaultException">The portal could not be asked.</exception>
    Task<IReadOnlyList<string>> DifferencesAsync(PortalDossier dossier, CancellationToken cancellationToken);

    /// <summary>Reports processing steps, at most one per dossier (CapNhatTienDoHoSoMC).</summary>
    Task<IReadOnlyList<DeliveryOutcome>> ReportProgressAsync(IReadOnlyList<Outgoing<PortalProgress>> steps, CancellationToken cancellationToken);
}
