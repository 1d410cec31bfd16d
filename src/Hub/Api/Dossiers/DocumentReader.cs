using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Requests;

namespace IntegrationHub.Hub.Api.Dossiers;

/// <summary>Reads a document: a new one with its digest, or a reused earlier result whose blanks the result fills.</summary>
public sealed class DocumentReader(RequestReader common)
{
    public DossierDocument Read(V1.Document document, string field)
    {
        var componentCode = common.OptionalText(document.ComponentCode, $"{field}.component_code") ?? "";
        if (document.SizeBytes < 0 || (document.SizeBytes == 0 && document.ReusedResult.Length == 0))
        {
            throw new InvalidFieldException($"{field}.size_bytes", "must be greater than zero");
        }
        if (common.OptionalText(document.ReusedResult, $"{field}.reused_result") is { } reused)
        {
            // The earlier result supplies what is left empty (see ResultReuse); a signed result is a PDF unless said otherwise.
            var sha = document.Sha256.Length == 0 ? "" : RequestFields.Sha256(document.Sha256, $"{field}.sha256");
            return new DossierDocument(
                sha.Length == 0 ? "" : DossierDocument.IdOf(sha),
                componentCode,
                common.OptionalText(document.Name, $"{field}.name") ?? "",
                document.MediaType.Length == 0 ? "application/pdf" : MediaType(document.MediaType, field),
                document.SizeBytes,
                sha,
                document.StorageUrl.Length == 0 ? "" : RequestFields.Url(document.StorageUrl, $"{field}.storage_url", common.Limits.MaxUrlLength))
            {
                ReusedResult = reused,
                Digitised = document.Digitised,
                FromNationalStore = document.FromNationalStore,
            };
        }
        var sha256 = RequestFields.Sha256(document.Sha256, $"{field}.sha256");
        return new DossierDocument(
            DossierDocument.IdOf(sha256),
            componentCode,
            common.Text(document.Name, $"{field}.name"),
            MediaType(document.MediaType, field),
            document.SizeBytes,
            sha256,
            RequestFields.Url(document.StorageUrl, $"{field}.storage_url", common.Limits.MaxUrlLength))
        {
            Digitised = document.Digitised,
            FromNationalStore = document.FromNationalStore,
        };
    }

    private static string MediaType(string value, string field) =>
        DocumentMediaTypes.Normalize(value) ?? throw new InvalidFieldException($"{field}.media_type", "must be one of pdf, doc, docx, tif, tiff, jpeg, png");
}
