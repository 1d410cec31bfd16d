using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Hub.Workflow;

/// <summary>
/// Once-only for papers: a document of a new dossier may be an electronic result issued earlier to the
/// same applicant, named by its result id or document number. The result must exist and belong to a
/// dossier of that applicant; its name, address and digest fill what the document leaves empty.
/// </summary>
public sealed class ResultReuse(HubDbContext db)
{
    /// <exception cref="ResultNotReusableException">A reference that names no result of this applicant.</exception>
    public async Task<IReadOnlyList<DossierDocument>> ResolveAsync(Applicant applicant, IReadOnlyList<DossierDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.All(d => d.ReusedResult is null))
        {
            return documents;
        }
        var resolved = new List<DossierDocument>(documents.Count);
        foreach (var (document, index) in documents.Select((d, i) => (d, i)))
        {
            resolved.Add(document.ReusedResult is { } reference
                ? Reuse(document, await FindAsync(applicant, reference, cancellationToken)
                    ?? throw new ResultNotReusableException($"documents[{index}].reused_result: no electronic result {reference} was issued to this applicant"))
                : document);
        }
        return resolved;
    }

    private Task<ResultDocument?> FindAsync(Applicant applicant, string reference, CancellationToken cancellationToken)
    {
        var applicantsResults =
            from result in db.Set<ResultDocument>().AsNoTracking()
            join dossier in db.Set<Dossier>() on result.DossierId equals dossier.Id
            where dossier.Applicant.Kind == applicant.Kind && dossier.Applicant.IdNumber == applicant.IdNumber
            select result;
        var named = Guid.TryParse(reference, out var id)
            ? applicantsResults.Where(r => r.Id == id)
            : applicantsResults.Where(r => r.DocumentNumber == reference);
        return named.OrderByDescending(r => r.AttachedAt).FirstOrDefaultAsync(cancellationToken);
    }

    private static DossierDocument Reuse(DossierDocument document, ResultDocument result)
    {
        var sha256 = document.Sha256.Length > 0 ? document.Sha256 : result.Sha256;
        return document with
        {
            Id = DossierDocument.IdOf(sha256),
            ComponentCode = document.ComponentCode.Length > 0 ? document.ComponentCode : result.ComponentCode ?? "",
            Name = document.Name.Length > 0 ? document.Name : result.Name,
            Sha256 = sha256,
            StorageUrl = document.StorageUrl.Length > 0 ? document.StorageUrl : result.StorageUrl,
            ReusedResult = result.Id.ToString(),
            ReusedResultCode = result.ResultCode,
        };
    }
}
