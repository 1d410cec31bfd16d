namespace IntegrationHub.Hub.Dossiers;

/// <summary>An applicant's sex (giới tính) as the dossier records it; the numbers are those stored.</summary>
public enum Sex
{
    Male = 1,
    Female = 2,
}
