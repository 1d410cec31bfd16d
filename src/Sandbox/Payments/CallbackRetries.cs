namespace IntegrationHub.Sandbox.Payments;

/// <summary>How gateways deliver a callback: again and again, spaced out, until the merchant acknowledges it or the attempts run out.</summary>
internal static class CallbackRetries
{
    /// <param name="call">One attempt; true when the merchant's answer stops the retries.</param>
    public static async Task SendAsync(Func<Task<bool>> call, int maxCalls, TimeSpan interval)
    {
        for (var attempt = 1; attempt <= maxCalls; attempt++)
        {
            if (await call())
            {
                return;
            }
            if (attempt < maxCalls)
            {
                await Task.Delay(interval);
            }
        }
    }
}
