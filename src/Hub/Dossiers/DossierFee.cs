namespace IntegrationHub.Hub.Dossiers;

/// <param name="Amount">VND.</param>
/// <param name="Kind">1 = fee (phí), 2 = charge (lệ phí).</param>
public sealed record DossierFee(string Code, string Name, long Amount, int Kind);
