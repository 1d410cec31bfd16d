namespace IntegrationHub.Adapters.Payments.Vnpay;

/// <summary>vnp_ResponseCode in words, for the reason a failed payment shows.</summary>
public static class VnpayCodes
{
    private static readonly Dictionary<string, string> Meanings = new()
    {
        ["07"] = "money deducted but the transaction is flagged as suspicious",
        ["09"] = "card or account not registered for Internet Banking",
        ["10"] = "card or account verification failed more than 3 times",
        ["11"] = "payment window expired",
        ["12"] = "card or account locked",
        ["13"] = "wrong OTP",
        ["24"] = "customer cancelled",
        ["51"] = "insufficient balance",
        ["65"] = "daily limit exceeded",
        ["75"] = "bank under maintenance",
        ["79"] = "wrong payment password too many times",
        ["99"] = "other error",
    };

    public static string Describe(string? responseCode) =>
        $"vnp_ResponseCode {responseCode ?? "missing"}" + (responseCode is not null && Meanings.TryGetValue(responseCode, out var meaning) ? $": {meaning}" : "");
}
