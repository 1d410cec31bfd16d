using System.Text.Json;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.Http;
using IntegrationHub.Adapters.NationalPortal.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>
/// Sends one call to the portal inside a session: logs in when needed, and when the portal answers
/// that the session is invalid, logs in again and repeats the call once. Transport faults, 5xx,
/// timeouts and bodies that are not the portal's JSON become <see cref="PortalFaultException"/>, in
/// doubt when the call was a write that may have taken effect.
/// </summary>
public sealed class PortalConnection(
    INationalPortalApi api,
    [FromKeyedServices(NationalPortalServiceCollectionExtensions.AdapterName)] CredentialStore sessions,
    IOptions<NationalPortalOptions> options,
    [FromKeyedServices(NationalPortalServiceCollectionExtensions.AdapterName)] AdapterActivity activity)
{
    private readonly NationalPortalOptions _options = options.Value;

    /// <summary>A call that changes nothing at the portal (look-ups, the catalogue): safe to repeat.</summary>
    public Task<PortalReply> CallAsync(string path, Func<string, PortalEnvelope> envelope, CancellationToken cancellationToken) =>
        CallAsync(path, envelope, takesEffect: false, cancellationToken);

    /// <summary>A look-up (TraCuuHoSo, LayThuTuc) sent in the session: its <c>result</c>, or a fault naming the service when the portal answers with an error.</summary>
    public async Task<JsonElement?> QueryAsync(string path, PortalEnvelope query, CancellationToken cancellationToken)
    {
        var reply = await CallAsync(path, session => query with { Session = session }, cancellationToken);
        return reply.Answer.IsSuccess
            ? reply.Answer.Result
            : throw new PortalFaultException($"{query.Service} failed: error_code {reply.Answer.ErrorCode} {reply.Answer.Message}".TrimEnd());
    }

    /// <summary>A call that changes the portal's records: repeated only when an attempt certainly did not take effect.</summary>
    public Task<PortalReply> WriteAsync(string path, Func<string, PortalEnvelope> envelope, CancellationToken cancellationToken) =>
        CallAsync(path, envelope, takesEffect: true, cancellationToken);

    private async Task<PortalReply> CallAsync(string path, Func<string, PortalEnvelope> envelope, bool takesEffect, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(LoginAsync, cancellationToken);
        var reply = await PostAsync(path, envelope(session), takesEffect, cancellationToken);
        if (!_options.SessionInvalidCodes.Contains(reply.Answer.ErrorCode))
        {
            return reply;
        }
        sessions.Invalidate(session);
        session = await sessions.GetAsync(LoginAsync, cancellationToken);
        return await PostAsync(path, envelope(session), takesEffect, cancellationToken);
    }

    private async Task<Credential> LoginAsync(CancellationToken cancellationToken)
    {
        var reply = await PostAsync(_options.AuthPath, new PortalLoginRequest(_options.Username, _options.Password), takesEffect: false, cancellationToken);
        if (!reply.Answer.IsSuccess || string.IsNullOrEmpty(reply.Answer.Session))
        {
            var refused = new PortalFaultException($"login refused: error_code {reply.Answer.ErrorCode} {reply.Answer.Message}".TrimEnd());
            activity.Failed(refused.Message, TimeSpan.Zero);
            throw refused;
        }
        return new Credential(reply.Answer.Session, ExpiresAt: null);
    }

    /// <summary>One POST; an answer in the portal's format counts as the portal being up, whatever its error_code.</summary>
    private Task<PortalReply> PostAsync(string path, object body, bool takesEffect, CancellationToken cancellationToken) =>
        activity.TrackAsync<PortalReply, PortalFaultException>(() => SendAsync(path, body, takesEffect, cancellationToken));

    private async Task<PortalReply> SendAsync(string path, object body, bool takesEffect, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await api.PostAsync(path.TrimStart('/'), body, _options.ServiceCode, takesEffect, cancellationToken);
        }
        catch (Exception e) when (HttpFaults.Describe(e, cancellationToken) is { } fault)
        {
            throw new PortalFaultException(fault, e, takesEffect && !HttpFaults.NotProcessed(e, null), unanswered: true);
        }

        using (response)
        {
            var text = await HttpFaults.ReadBoundedAsync(response.Content, cancellationToken)
                ?? throw new PortalFaultException($"answer unreadable or larger than {HttpFaults.MaxBodyBytes} bytes", inDoubt: takesEffect);
            if (HttpFaults.IsServerFault(response))
            {
                throw new PortalFaultException(
                    $"HTTP {(int)response.StatusCode}", inDoubt: takesEffect && !HttpFaults.NotProcessed(null, response), unanswered: HttpFaults.FromGateway(response));
            }
            var answer = PortalAnswer.TryParse(text)
                ?? throw new PortalFaultException($"HTTP {(int)response.StatusCode} with a body that is not the portal's JSON answer", inDoubt: takesEffect);
            return new PortalReply(answer, text);
        }
    }
}
