namespace IntegrationHub.Hub.Dossiers;

/// <summary>The 12-digit personal identification number (số định danh cá nhân) printed on the CCCD card.</summary>
public static class CitizenIdNumber
{
    public static bool IsWellFormed(string value) => value.Length == 12 && value.All(char.IsAsciiDigit);
}
