using IntegrationHub.Adapters.NationalPortal;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Persistence;
using IntegrationHub.Hub.Procedures;
using IntegrationHub.Hub.Security;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Hub.Workflow;

/// <summary>
/// biên nhận kiêm phiếu hẹn trả kết quả: what the applicant is handed when the dossier is received — the receipt
/// number, what was handed in and what it costs, and the date to come back for the result.
/// </summary>
/// <param name="ProcedureName">From DVCQG's catalogue; null when the procedure is not in it.</param>
/// <param name="DueAt">The date the applicant now waits for (moved by supplements and apologies).</param>
/// <param name="ReceivedBy">Who received the dossier (the Receive step's handler).</param>
public sealed record DossierReceipt(
    string ReceiptNumber, string DossierCode, string AgencyCode, string AgencyName, string ProcedureCode, string? ProcedureName,
    string ApplicantName, IReadOnlyList<DossierDocument> Documents, IReadOnlyList<DossierFee> Fees,
    DateTimeOffset ReceivedAt, DateTimeOffset DueAt, ResultDelivery ResultDelivery, string ReceivedBy);

public sealed class DossierReceipts(HubDbContext db, AgencyDirectory agencies, ProcedureCatalogue catalogue)
{
    /// <exception cref="DossierNotFoundException">No such dossier.</exception>
    /// <exception cref="AgencyAccessDeniedException">A dossier of an agency the caller does not act for.</exception>
    /// <exception cref="DossierStateException">The dossier has not been received: there is no receipt yet.</exception>
    public async Task<DossierReceipt> GetAsync(AgencyClient client, string code, CancellationToken cancellationToken)
    {
        var dossier = await db.Set<Dossier>().AsNoTracking().Include(d => d.Timeline).FirstOrDefaultAsync(d => d.Code == code, cancellationToken)
            ?? throw new DossierNotFoundException(code);
        if (!client.MayActFor(dossier.AgencyCode))
        {
            throw new AgencyAccessDeniedException($"client {client.Id} may not read dossiers of agency {dossier.AgencyCode}");
        }
        var received = dossier.Timeline.FirstOrDefault(step => step.Action == ProgressAction.Receive)
            ?? throw new DossierStateException($"dossier {code} is {dossier.Status}: its receipt is issued when it is received");
        var procedure = await catalogue.FindAsync(ProcedureCodes.National(dossier.ProcedureCode), cancellationToken);
        return new DossierReceipt(
            dossier.ReceiptNumber, dossier.Code, dossier.AgencyCode, agencies.AgencyName(dossier.AgencyCode), dossier.ProcedureCode, procedure?.Name,
            dossier.Applicant.Name ?? "", dossier.Documents, dossier.Fees, dossier.ReceivedAt, dossier.CurrentDueAt, dossier.ResultDelivery, received.HandlerName);
    }
}
