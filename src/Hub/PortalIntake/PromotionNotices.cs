using IntegrationHub.Adapters.NationalPortal;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Procedures;
using IntegrationHub.Hub.Security;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.PortalIntake;

/// <summary>What became of a pushed promotion notice: taken (or taken before), refused with the reason, or not taken yet.</summary>
public sealed record PromotionOutcome(bool Taken, string Message, bool TryAgain = false);

/// <summary>
/// Promotion notices DVCQG pushes (addtthcKhuyenMai) become dossiers of the agency configured to take them, as a pulled
/// filing does (<see cref="PortalArrivalWriter"/>): under the national code, with their files, in the agency's inbox, once.
/// </summary>
public sealed class PromotionNotices(PortalArrivalWriter writer, ProcedureCatalogue catalogue, AgencyDirectory agencies, IOptions<PortalIntakeOptions> options)
{
    public async Task<PromotionOutcome> ReceiveAsync(PushedPromotion promotion, CancellationToken cancellationToken)
    {
        if (options.Value.PromotionAgency is not { } agency || !agencies.AgencyCodes.Contains(agency))
        {
            return new PromotionOutcome(false, "Tỉnh chưa cấu hình cơ quan tiếp nhận thông báo khuyến mại", TryAgain: true);
        }
        if (await catalogue.FindAsync(promotion.ProcedureCode, cancellationToken) is null)
        {
            return new PromotionOutcome(false, $"MaTTHC {promotion.ProcedureCode}: không có trong CSDL TTHC quốc gia");
        }
        var dossier = new NewDossier
        {
            Code = promotion.NationalCode,
            ProcedureCode = promotion.ProcedureCode,
            AgencyCode = agency,
            Applicant = new Applicant(ApplicantKind.Business, promotion.TaxCode, promotion.TraderName, promotion.Address),
            ContactPhone = promotion.Phone,
            ContactEmail = promotion.Email,
            Summary = promotion.Summary,
            ReceivedAt = promotion.FiledAt,
            ServiceLevel = options.Value.DossierServiceLevel,
            Channel = Channel.Online,
            ResultDelivery = ResultDelivery.Electronic,
            Origin = DossierOrigin.NationalPortal,
        };
        var admission = await writer.AdmitAsync(dossier, [.. promotion.Files.Select(f => new ArrivingFile("", f.Name, f.Content))], cancellationToken);
        return admission.Answer is { } answer
            ? new PromotionOutcome(true, $"Đã tiếp nhận hồ sơ {answer.DossierCode}")
            : new PromotionOutcome(false, admission.TryAgain ? $"Chưa tiếp nhận, xin gửi lại sau: {admission.Refusal}" : admission.Refusal!, admission.TryAgain);
    }
}
