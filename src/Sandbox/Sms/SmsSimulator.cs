using System.Collections.Concurrent;

namespace IntegrationHub.Sandbox.Sms;

/// <summary>
/// An SMS brandname provider, simulated. It records every SMS it takes; <see cref="RejectWith"/> refuses every
/// message with a provider code, <see cref="AnswerDelay"/> answers only after taking the message, as a provider
/// whose answer times out, <see cref="LoseReports"/> sends no delivery reports and <see cref="DeliveryFails"/>
/// reports each message undelivered.
/// </summary>
public abstract class SmsSimulator(int port, SmsSimulatorOptions options) : SimulatedSystem(port)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly ConcurrentQueue<SentSms> _sent = new();

    protected SmsSimulatorOptions Options => options;

    /// <summary>Every SMS taken, in order.</summary>
    public IReadOnlyList<SentSms> Sent => [.. _sent];

    /// <summary>A provider code or message to refuse every message with; null: accept.</summary>
    public string? RejectWith { get; set; }

    /// <summary>How long to wait, after taking a message, before answering.</summary>
    public TimeSpan AnswerDelay { get; set; }

    /// <summary>Delivery reports are not sent (a status query still answers).</summary>
    public bool LoseReports { get; set; }

    /// <summary>Each message taken ends undelivered (refused by the telco).</summary>
    public bool DeliveryFails { get; set; }

    protected void Take(SentSms sms) => _sent.Enqueue(sms);

    /// <summary>Sends a delivery report to the hub, retrying up to 5 times as providers do, unless reports are lost.</summary>
    protected void Report(Func<HttpRequestMessage> request)
    {
        if (!LoseReports)
        {
            _ = ReportAsync(request);
        }
    }

    private static async Task ReportAsync(Func<HttpRequestMessage> request)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                using var response = await Http.SendAsync(request());
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The hub did not answer; the next attempt tries again, as the providers do.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}

/// <param name="RequestId">eSMS RequestId, Viettel's numeric RequestID, or SpeedSMS's tranId (it takes no id of the sender's).</param>
public sealed record SentSms(string RequestId, string Phone, string Content, bool Unicode);
