using Grpc.Core;
using IntegrationHub.Hub.Payments;
using IntegrationHub.Hub.Requests;
using IntegrationHub.Hub.Security;
using IntegrationHub.V1;
using Microsoft.AspNetCore.Authorization;

namespace IntegrationHub.Hub.Api.Payments;

/// <summary>Agency systems' payments: asking for fees after submit, and reading a payment's state.</summary>
[Authorize(Policy = HubRoles.Agency)]
public sealed class PaymentGrpcService(PaymentDesk desk, RequestReader messages) : PaymentService.PaymentServiceBase
{
    public override async Task<IntegrationHub.V1.Payment> RequestPayment(RequestPaymentRequest request, ServerCallContext context)
    {
        var client = context.Caller();
        var write = messages.Write(client, request.RequestId, request);
        var fees = messages.Fees(request.Fees);
        if (fees.Sum(f => f.Amount) <= 0)
        {
            throw new InvalidFieldException("fees", "must ask for more than 0 VND");
        }
        var payerIp = RequestFields.Optional(request.PayerIp, "payer_ip", 45);
        var answer = await desk.RequestAsync(write, client, RequestReader.DossierCode(request.DossierCode), fees, payerIp, context.CancellationToken);
        return PaymentAnswerWriter.ToMessage(answer);
    }

    public override async Task<IntegrationHub.V1.Payment> GetPayment(GetPaymentRequest request, ServerCallContext context)
    {
        var payment = await desk.FindAsync(context.Caller(), RequestFields.Required(request.Payment, "payment", 100), tracked: false, context.CancellationToken);
        return PaymentAnswerWriter.ToMessage(PaymentView.Of(payment));
    }

    public override async Task<IntegrationHub.V1.Payment> RefundPayment(RefundPaymentRequest request, ServerCallContext context)
    {
        var client = context.Caller();
        var write = messages.Write(client, request.RequestId, request);
        var answer = await desk.RefundAsync(
            write, client, RequestFields.Required(request.Payment, "payment", 100), messages.Summary(request.Reason, "reason"),
            messages.Text(request.RequestedBy, "requested_by"), context.CancellationToken);
        return PaymentAnswerWriter.ToMessage(answer);
    }
}
