using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>
/// The real SMTP server ./test.sh starts (scripts/mail-server.py, aiosmtpd): two SMTP ports, what arrived
/// and what it found wrong per recipient, and faults per recipient. Each test uses addresses of its own.
/// </summary>
public static class TestMailServer
{
    public const string From = "motcua@hagiang.gov.vn";

    private static readonly HttpClient Api = new()
    {
        BaseAddress = new Uri(Environment.GetEnvironmentVariable("HUB_TEST_MAIL")
            ?? throw new InvalidOperationException("HUB_TEST_MAIL is not set: run the tests with ./test.sh, which starts the SMTP server.")),
    };

    private static readonly Lazy<Task<int[]>> Ports = new(async () =>
        (await Api.GetFromJsonAsync<JsonElement>("/ports")).GetProperty("smtp").EnumerateArray().Select(p => p.GetInt32()).ToArray());

    public sealed record Message(int Port, string MailFrom, string[] RcptTos, string MessageId, string From, string To, string Subject, string Text, string Html);

    public sealed record Problems(string[] Repeats, JsonElement[] Violations);

    /// <summary>An applicant's address no other test uses.</summary>
    public static string NewAddress() => $"cd.{Guid.NewGuid():N}@congdan.example.vn";

    public static async Task<int> PortAsync(int server) => (await Ports.Value)[server];

    /// <summary>The hub sends through the server's first port, then its second.</summary>
    public static void AddEmail(Dictionary<string, string?> settings)
    {
        settings["Hub:Adapters:Email:From"] = From;
        foreach (var (name, index) in new[] { ("primary", 0), ("secondary", 1) })
        {
            settings[$"Hub:Adapters:Email:Servers:{name}:Host"] = "127.0.0.1";
            settings[$"Hub:Adapters:Email:Servers:{name}:Port"] = PortAsync(index).GetAwaiter().GetResult().ToString();
            settings[$"Hub:Adapters:Email:Servers:{name}:Security"] = "None";
            settings[$"Hub:Adapters:Email:Servers:{name}:Priority"] = (index + 1).ToString();
            settings[$"Hub:Adapters:Email:Servers:{name}:Timeout"] = "00:00:03";
        }
    }

    public static async Task<Message[]> MessagesAsync(string to) =>
        (await Api.GetFromJsonAsync<Message[]>($"/messages?to={Uri.EscapeDataString(to)}", JsonSerializerOptions.Web))!;

    public static async Task<Problems> ProblemsAsync(string to) =>
        (await Api.GetFromJsonAsync<Problems>($"/problems?to={Uri.EscapeDataString(to)}", JsonSerializerOptions.Web))!;

    /// <summary>What arrived for <paramref name="address"/> once at least <paramref name="count"/> messages did; fewer within 10 s is a failure.</summary>
    public static async Task<Message[]> ArrivedAsync(string address, int count)
    {
        Message[] found = [];
        await Eventually.HoldsAsync(async () => (found = await MessagesAsync(address)).Length >= count, TimeSpan.FromSeconds(10), $"{count} e-mails to {address}");
        return found;
    }

    /// <summary>Every repeated Message-ID and malformed message the server saw for these addresses, as a test's violations.</summary>
    public static async Task<IEnumerable<string>> ViolationsAsync(IEnumerable<string> addresses)
    {
        var found = new List<string>();
        foreach (var address in addresses)
        {
            var problems = await ProblemsAsync(address);
            found.AddRange(problems.Repeats.Select(id => $"{address}: Message-ID {id} received more than once"));
            found.AddRange(problems.Violations.Select(v => $"{address}: {v}"));
        }
        return found;
    }

    /// <param name="mode"><c>refuse</c> (550), <c>unavailable</c> (421), or <c>lose-answer</c> (kept, the reply never sent).</param>
    /// <param name="server">0 or 1; both when null.</param>
    /// <param name="times">How many times; every time when null.</param>
    public static async Task FaultAsync(string recipient, string mode, int? server = null, int? times = null)
    {
        int? port = server is { } index ? await PortAsync(index) : null;
        // With its length: the server's HTTP reader takes no chunked body.
        using var body = new StringContent(JsonSerializer.Serialize(new { recipient, mode, port, times }), System.Text.Encoding.UTF8, "application/json");
        using var answer = await Api.PostAsync("/faults", body);
        answer.EnsureSuccessStatusCode();
    }
}
