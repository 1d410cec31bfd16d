namespace IntegrationHub.Hub.Dossiers;

/// <summary>A submitted paper (thành phần hồ sơ), held by the agency's store at <see cref="StorageUrl"/>.</summary>
public sealed record DossierDocument(string Id, string ComponentCode, string Name, string MediaType, long SizeBytes, string Sha256, string StorageUrl)
{
    /// <summary>
    /// An electronic result issued earlier that this document reuses instead of an uploaded file: as the
    /// agency referred to it (result id or document number) until <see cref="ResultReuse"/> resolves it,
    /// then the result's id.
    /// </summary>
    public string? ReusedResult { get; init; }

    /// <summary>The reused result's kind in the national catalogue (mã kết quả), when it has one.</summary>
    public string? ReusedResultCode { get; init; }

    /// <summary>số hóa: scanned and signed into an electronic copy.</summary>
    public bool Digitised { get; init; }

    /// <summary>Taken from the citizen's document store on the national portal.</summary>
    public bool FromNationalStore { get; init; }

    /// <summary>Documents are known by the start of their digest.</summary>
    public static string IdOf(string sha256) => sha256[..16];
}
