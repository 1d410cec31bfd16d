namespace IntegrationHub.Hub.PortalIntake;

/// <summary>
/// A file the hub keeps for a dossier (one filed on DVCQG, whose files the portal hands over only as base64):
/// in PostgreSQL, with the dossier, so that it is backed up, replicated and removed with it; its size is bounded.
/// </summary>
public sealed class DossierAttachment
{
    private DossierAttachment()
    {
    }

    public Guid Id { get; private set; }
    public Guid DossierId { get; private set; }
    public string ComponentCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string MediaType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];

    public static DossierAttachment Of(Guid id, Guid dossierId, string componentCode, string name, string mediaType, byte[] content) => new()
    {
        Id = id,
        DossierId = dossierId,
        ComponentCode = componentCode,
        Name = name,
        MediaType = mediaType,
        SizeBytes = content.LongLength,
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
        Content = content,
    };
}
