namespace IntegrationHub.Hub.Dossiers;

/// <summary>Where a dossier was filed: with an agency of the province, or by the citizen on the national portal (DVCQG), which already holds it.</summary>
public enum DossierOrigin
{
    Agency = 0,
    NationalPortal = 1,
}
