using Grpc.Core;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Grpc;
using IntegrationHub.Hub.Persistence;
using IntegrationHub.Hub.Security;
using IntegrationHub.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Hub.Payments;

/// <summary>Agency systems' payments: asking for fees after submit, and reading a payment's state.</summary>
[Authorize(Policy = HubRoles.Agency)]
public sealed class PaymentGrpcService(PaymentDesk desk, DossierMessages messages, HubDbContext db) : PaymentService.PaymentServiceBase
{
    public override async Task<IntegrationHub.V1.Payment> RequestPayment(RequestPaymentRequest request, ServerCallContext context)
    {
        var client = context.Caller();
        var write = messages.Write(client, request.RequestId, request);
        var fees = messages.ToFees(request.Fees);
        if (fees.Sum(f => f.Amount) <= 0)
        {
            throw new InvalidFieldException("fees", "must ask for more than 0 VND");
        }
        var payerIp = RequestFields.Optional(request.PayerIp, "payer_ip", 45);
        var answer = await desk.RequestAsync(write, client, messages.DossierCode(request.DossierCode), fees, payerIp, context.CancellationToken);
        return PaymentMessages.ToMessage(answer);
    }

    public override async Task<IntegrationHub.V1.Payment> GetPayment(GetPaymentRequest request, ServerCallContext context)
    {
        var key = RequestFields.Required(request.Payment, "payment", 100);
        var query = db.Payments.AsNoTracking();
        var payment = await (Guid.TryParse(key, out var id) ? query.Where(p => p.Id == id) : query.Where(p => p.Reference == key))
            .FirstOrDefaultAsync(context.CancellationToken);
        var client = context.Caller();
        if (payment is null || !client.MayActFor(payment.AgencyCode))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"no payment {key} of the caller's agencies"));
        }
        return PaymentMessages.ToMessage(PaymentView.Of(payment));
    }

}
