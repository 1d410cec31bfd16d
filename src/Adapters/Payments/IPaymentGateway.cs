namespace IntegrationHub.Adapters.Payments;

/// <summary>
/// One payment gateway (VNPAY, the DVCQG payment platform, ...): how a citizen is sent to pay, how the
/// gateway's callback is read and answered, and how a payment's state is asked for. The hub keeps the
/// payments; a gateway only speaks its wire format.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>The gateway's name in configuration and in callback paths, e.g. <c>vnpay</c>.</summary>
    string Name { get; }

    /// <summary>Where the citizen pays this order.</summary>
    /// <exception cref="PaymentGatewayException">The gateway could not be asked or refused the order.</exception>
    Task<PaymentStart> StartAsync(PaymentOrder order, CancellationToken cancellationToken);

    /// <summary>Reads a callback; a callback whose signature does not verify has no report.</summary>
    CallbackReading ReadCallback(PaymentCallback callback);

    /// <summary>The answer this gateway expects for what the hub made of its callback (some echo the callback's fields).</summary>
    CallbackAnswer Answer(CallbackOutcome outcome, PaymentCallback callback);

    /// <summary>Gives a paid order back in full; a refund asked for before counts as done.</summary>
    /// <exception cref="PaymentRefusedException">The gateway refuses the refund, or has none.</exception>
    /// <exception cref="PaymentGatewayException">The gateway could not be asked.</exception>
    Task<RefundReport> RefundAsync(PaymentOrder order, RefundOrder refund, CancellationToken cancellationToken);

    /// <summary>The order's state at the gateway, for reconciliation.</summary>
    /// <exception cref="PaymentGatewayException">The gateway could not be asked or answered something else than its format.</exception>
    Task<PaymentReport> QueryAsync(PaymentOrder order, CancellationToken cancellationToken);
}
