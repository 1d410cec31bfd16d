namespace IntegrationHub.Hub.Payments;

/// <summary>No payment by that id or reference among the caller's agencies' (another agency's is not named as such).</summary>
public sealed class PaymentNotFoundException(string key) : Exception($"no payment {key} of the caller's agencies");
