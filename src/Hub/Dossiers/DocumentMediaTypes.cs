namespace IntegrationHub.Hub.Dossiers;

/// <summary>The file types the national portal accepts for dossier documents, by MIME type or short name.</summary>
public static class DocumentMediaTypes
{
    private static readonly Dictionary<string, string> Canonical = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "application/pdf",
        ["pdf"] = "application/pdf",
        ["application/msword"] = "application/msword",
        ["doc"] = "application/msword",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["image/tiff"] = "image/tiff",
        ["tif"] = "image/tiff",
        ["tiff"] = "image/tiff",
        ["image/jpeg"] = "image/jpeg",
        ["jpeg"] = "image/jpeg",
        ["jpg"] = "image/jpeg",
        ["image/png"] = "image/png",
        ["png"] = "image/png",
    };

    /// <summary>The MIME type for an accepted value, or null.</summary>
    public static string? Normalize(string value) => Canonical.GetValueOrDefault(value.Trim());
}
