namespace IntegrationHub.Adapters.Exchanges;

/// <summary>Takes exchanges for the exchange log without holding up the call that made them.</summary>
public interface IExchangeRecorder
{
    void Record(ExchangeRecord record);
}
