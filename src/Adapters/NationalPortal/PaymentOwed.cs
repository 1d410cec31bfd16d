namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>What a dossier owes, as the portal asks the province for it (dptracuuthanhtoanhs).</summary>
/// <param name="RaisedAt">When the bill was raised (its payment opened, or the dossier received): fixes the look-up code.</param>
/// <param name="Beneficiary">The account the fees go to, when the province has one configured for the agency.</param>
/// <param name="Description">What the payment is for, as the payment says it (NoiDungThanhToan).</param>
/// <param name="ServiceCode">MaDVC: the public service's code, as the payment platform is told it.</param>
public sealed record PaymentOwed(
    string DossierCode, string ProcedureCode, string ServiceCode, string AgencyCode, string AgencyName, DateTimeOffset RaisedAt,
    IReadOnlyList<OwedFee> Fees, string Description, string? PayerName, string? PayerIdNumber, OwedBeneficiary? Beneficiary);

/// <param name="Kind">1 fee (phí), 2 charge (lệ phí).</param>
public sealed record OwedFee(string Code, string Name, long Amount, int Kind);

public sealed record OwedBeneficiary(string Account, string BankCode, string AccountName);
