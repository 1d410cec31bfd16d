namespace IntegrationHub.Hub.Registries;

/// <summary>Identification numbers as log lines may show them: enough to tell two apart, not enough to use one.</summary>
public static class IdentifierMask
{
    /// <summary>The first three and last two characters, the rest as <c>*</c>: <c>079*******34</c>.</summary>
    public static string Mask(string identifier) =>
        identifier.Length <= 5 ? new string('*', identifier.Length) : identifier[..3] + new string('*', identifier.Length - 5) + identifier[^2..];
}
