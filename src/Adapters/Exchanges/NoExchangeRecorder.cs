namespace IntegrationHub.Adapters.Exchanges;

/// <summary>For hosts without an exchange log (the sandbox, tools): exchanges are not kept.</summary>
public sealed class NoExchangeRecorder : IExchangeRecorder
{
    public static readonly NoExchangeRecorder Instance = new();

    public void Record(ExchangeRecord record)
    {
    }
}
