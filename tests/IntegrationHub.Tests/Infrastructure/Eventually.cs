namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Waits for an asynchronous outcome (a delivery, a retry) instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static Task HoldsAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout, what);

    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {timeout.TotalSeconds:0.#} s: {what}");
            }
            await Task.Delay(50);
        }
    }
}
