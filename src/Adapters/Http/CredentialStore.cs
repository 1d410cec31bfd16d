namespace IntegrationHub.Adapters.Http;

/// <summary>
/// An adapter's session or access token, shared by every call of this process: one login serves until
/// it expires or the system says it is invalid, and concurrent callers wait for a single login rather
/// than each making one.
/// </summary>
public sealed class CredentialStore(TimeProvider clock)
{
    private readonly SemaphoreSlim _loginGate = new(1, 1);
    private volatile Credential? _current;

    public async Task<string> GetAsync(Func<CancellationToken, Task<Credential>> login, CancellationToken cancellationToken)
    {
        if (Usable(_current) is { } token)
        {
            return token;
        }
        await _loginGate.WaitAsync(cancellationToken);
        try
        {
            if (Usable(_current) is { } fresh)
            {
                return fresh;
            }
            var credential = await login(cancellationToken);
            _current = credential;
            return credential.Token;
        }
        finally
        {
            _loginGate.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> unless another caller has already replaced it.</summary>
    public void Invalidate(string token)
    {
        if (_current is { } current && current.Token == token)
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    private string? Usable(Credential? credential) =>
        credential is not null && (credential.ExpiresAt is not { } expires || expires > clock.GetUtcNow()) ? credential.Token : null;
}

/// <param name="ExpiresAt">When to log in again unasked; null for a session that lasts until refused.</param>
public sealed record Credential(string Token, DateTimeOffset? ExpiresAt);
