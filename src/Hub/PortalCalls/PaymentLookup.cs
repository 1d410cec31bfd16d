using IntegrationHub.Adapters.NationalPortal;
using IntegrationHub.Adapters.Payments.PaymentPlatform;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Payments;
using IntegrationHub.Hub.Persistence;
using IntegrationHub.Hub.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.PortalCalls;

/// <summary>
/// What a dossier owes, as DVCQG asks the province for it (dptracuuthanhtoanhs): nothing when it has no fees or
/// they are paid; otherwise the open payment's fees, or the dossier's when no payment is open yet. Reading only, so
/// a repeated question gets the same answer.
/// </summary>
public sealed class PaymentLookup(HubDbContext db, AgencyDirectory agencies, IServiceProvider services)
{
    public sealed record Answer(bool Known, PaymentOwed? Owed);

    public async Task<Answer> FindAsync(string dossierCode, CancellationToken cancellationToken)
    {
        var dossier = await db.Set<Dossier>().AsNoTracking().FirstOrDefaultAsync(d => d.Code == dossierCode, cancellationToken);
        if (dossier is null)
        {
            return new Answer(false, null);
        }
        if (dossier.FeesPaidAt is not null || dossier.Fees.Sum(f => f.Amount) == 0)
        {
            return new Answer(true, null);
        }
        var open = await db.Set<Payment>().AsNoTracking()
            .Where(p => p.DossierId == dossier.Id && p.Status == PaymentStatus.Pending)
            .OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var fees = open?.Fees ?? dossier.Fees;
        // The payment platform's settings, when it is configured, say which account and service code the fees go under.
        var platform = services.GetService<IOptions<PaymentPlatformOptions>>()?.Value;
        var beneficiary = platform?.Beneficiaries.GetValueOrDefault(dossier.AgencyCode) ?? platform?.Beneficiaries.GetValueOrDefault("*");
        return new Answer(true, new PaymentOwed(
            dossier.Code, dossier.ProcedureCode, dossier.ProcedureCode + (platform ?? new PaymentPlatformOptions()).ServiceCodeSuffix,
            dossier.AgencyCode, agencies.AgencyName(dossier.AgencyCode), open?.CreatedAt ?? dossier.ReceivedAt,
            [.. fees.Select(f => new OwedFee(f.Code, f.Name, f.Amount, f.Kind))], open?.Description ?? Payment.DescriptionOf(dossier.Code),
            dossier.Applicant.Name, dossier.Applicant.IdNumber,
            beneficiary is null ? null : new OwedBeneficiary(beneficiary.Account, beneficiary.BankCode, beneficiary.AccountName)));
    }
}
