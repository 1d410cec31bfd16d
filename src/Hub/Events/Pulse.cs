namespace IntegrationHub.Hub.Events;

/// <summary>
/// Wakes every waiter at once when something new is there. A waiter takes <see cref="Next"/> before it
/// looks for work, so a pulse between looking and waiting is not missed. (The outbox's own
/// <see cref="Outbox.OutboxSignal"/> wakes one dispatcher worker per notice instead, so that idle
/// workers do not all run an empty claim query for every commit.)
/// </summary>
public sealed class Pulse
{
    private TaskCompletionSource _next = New();

    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, New()).TrySetResult();

    /// <summary>Returns when <paramref name="next"/> fires or after <paramref name="timeout"/>, whichever is first.</summary>
    public static async Task WaitAsync(Task next, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await next.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
        }
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
