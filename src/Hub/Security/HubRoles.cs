namespace IntegrationHub.Hub.Security;

/// <summary>Who may call what: agency systems reach dossiers, operators reach <c>AdminService</c>; neither reaches the other's.</summary>
public static class HubRoles
{
    public const string Agency = "agency";
    public const string Operator = "operator";
}
