using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Idempotency;
using IntegrationHub.Hub.Persistence;
using IntegrationHub.Hub.Registries;
using IntegrationHub.Hub.Requests;
using IntegrationHub.Hub.Security;
using IntegrationHub.Hub.Workflow;

namespace IntegrationHub.Hub.PortalIntake;

/// <summary>A file of a dossier that came from DVCQG, fetched (LayTaiLieuHoSo) or pushed with it.</summary>
public sealed record ArrivingFile(string ComponentCode, string Name, byte[] Content)
{
    // The portal gives a file name, not a type: the name's extension says it, a PDF when it does not.
    public string MediaType => DocumentMediaTypes.Normalize(Path.GetExtension(Name).TrimStart('.').ToLowerInvariant()) ?? "application/pdf";
}

/// <summary>What became of a dossier from DVCQG: admitted (now or before), or refused with the reason.</summary>
/// <param name="TryAgain">The refusal may pass later (a registry was down).</param>
public sealed record Admission(SubmitAnswer? Answer, string? Refusal = null, bool TryAgain = false);

/// <summary>
/// Makes a dossier that came from DVCQG, pulled or pushed, a hub dossier under its national code, with its files and its
/// arrival in the agency's inbox, in one transaction, exactly once: the write is idempotent on the national code, so a
/// second pull or push of the same dossier gets the first answer and changes nothing.
/// </summary>
public sealed class PortalArrivalWriter(DossierCommands commands, HubDbContext db, AgencyDirectory agencies, TimeProvider clock)
{
    /// <summary>The client the hub's own writes of dossiers from DVCQG are made as: acting for every agency of the province.</summary>
    public const string ClientId = "national-portal-intake";

    /// <param name="dossier">The dossier without its documents: they are <paramref name="files"/>.</param>
    /// <returns>Refused as an agency's submit would be (the applicant cannot be confirmed, a registry is down, the code is
    /// taken, a field is wrong), with nothing kept, for the caller to keep aside or answer.</returns>
    public async Task<Admission> AdmitAsync(NewDossier dossier, IReadOnlyList<ArrivingFile> files, CancellationToken cancellationToken)
    {
        try
        {
            return new Admission(await SubmitAsync(dossier, files, cancellationToken));
        }
        catch (Exception e) when (e is ApplicantNotConfirmedException or RegistryUnavailableException or DossierConflictException or InvalidFieldException)
        {
            db.ChangeTracker.Clear();
            return new Admission(null, e.Message, TryAgain: e is RegistryUnavailableException);
        }
    }

    private async Task<SubmitAnswer> SubmitAsync(NewDossier dossier, IReadOnlyList<ArrivingFile> files, CancellationToken cancellationToken)
    {
        // Ids a millisecond apart keep the files in the order the portal gave them (a version 7 id sorts by its time).
        var now = clock.GetUtcNow();
        var stored = files.Select((f, i) => (File: f, Id: Guid.CreateVersion7(now.AddMilliseconds(i)), Sha256: Convert.ToHexStringLower(SHA256.HashData(f.Content)))).ToList();
        dossier = dossier with
        {
            Documents = [.. stored.Select(s => new DossierDocument(
                DossierDocument.IdOf(s.Sha256), s.File.ComponentCode, s.File.Name, s.File.MediaType, s.File.Content.LongLength, s.Sha256, $"urn:hub:attachment:{s.Id}"))],
        };
        var client = new AgencyClient(ClientId, agencies.AgencyCodes.ToHashSet(StringComparer.Ordinal));
        var request = new WriteRequest(ClientId, "intake:" + dossier.Code, SHA256.HashData(Encoding.UTF8.GetBytes(dossier.Code!)));
        return await commands.SubmitAsync(request, client, dossier, cancellationToken, alongside: created =>
        {
            db.Set<PortalArrival>().Add(PortalArrival.Of(created.Code, created.Id, created.AgencyCode, now));
            db.Set<DossierAttachment>().AddRange(stored.Select(s => DossierAttachment.Of(s.Id, created.Id, s.File.ComponentCode, s.File.Name, s.File.MediaType, s.File.Content)));
        });
    }
}
