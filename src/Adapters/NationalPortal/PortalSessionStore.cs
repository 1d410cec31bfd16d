namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>
/// The portal session token, shared by every call of this process: one login serves until the portal
/// says the session is invalid, and concurrent callers wait for a single login rather than each making one.
/// </summary>
public sealed class PortalSessionStore
{
    private readonly SemaphoreSlim _loginGate = new(1, 1);
    private volatile string? _token;

    public async Task<string> GetAsync(Func<CancellationToken, Task<string>> login, CancellationToken cancellationToken)
    {
        if (_token is { } current)
        {
            return current;
        }
        await _loginGate.WaitAsync(cancellationToken);
        try
        {
            return _token ??= await login(cancellationToken);
        }
        finally
        {
            _loginGate.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> unless another caller has already replaced it.</summary>
    public void Invalidate(string token) => Interlocked.CompareExchange(ref _token, null, token);
}
