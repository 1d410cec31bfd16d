namespace IntegrationHub.Hub.Dossiers;

/// <summary>A signed electronic result (kết quả điện tử) of a dossier.</summary>
public sealed class ResultDocument
{
    private ResultDocument()
    {
    }

    public ResultDocument(Guid dossierId, ResultDetails details, int version, DateTimeOffset attachedAt)
    {
        Id = Guid.CreateVersion7();
        DossierId = dossierId;
        DocumentNumber = details.DocumentNumber;
        Name = details.Name;
        IssuedOn = details.IssuedOn;
        Signer = details.Signer;
        StorageUrl = details.StorageUrl;
        Sha256 = details.Sha256;
        ComponentCode = details.ComponentCode;
        ResultCode = details.ResultCode;
        Version = version;
        AttachedAt = attachedAt;
    }

    public Guid Id { get; private set; }
    public Guid DossierId { get; private set; }
    /// <summary>số ký hiệu</summary>
    public string DocumentNumber { get; private set; } = "";
    public string Name { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }
    public string Signer { get; private set; } = "";
    public string StorageUrl { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public string? ComponentCode { get; private set; }
    /// <summary>mã kết quả: the result's kind in the procedure's national catalogue entry.</summary>
    public string? ResultCode { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset AttachedAt { get; private set; }
}

public sealed record ResultDetails(
    string DocumentNumber, string Name, DateOnly IssuedOn, string Signer, string StorageUrl, string Sha256, string? ComponentCode, string? ResultCode = null);
