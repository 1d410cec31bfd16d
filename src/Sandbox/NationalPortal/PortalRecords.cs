using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace IntegrationHub.Sandbox.NationalPortal;

/// <summary>What the simulated portal has received, for tests and the load generator to check.</summary>
public sealed class PortalRecords
{
    private readonly ConcurrentDictionary<string, PortalDossierRecord> _dossiers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PortalCall> _calls = new();

    public PortalDossierRecord? Dossier(string code) => _dossiers.GetValueOrDefault(code);

    public IReadOnlyCollection<PortalDossierRecord> Dossiers => [.. _dossiers.Values];

    /// <summary>Every integration call in arrival order, accepted or not.</summary>
    public IReadOnlyList<PortalCall> Calls => [.. _calls];

    internal bool Exists(string code) => _dossiers.ContainsKey(code);

    internal void Log(PortalCall call) => _calls.Enqueue(call);

    internal PortalDossierRecord Create(string code, JsonObject item) =>
        _dossiers.GetOrAdd(code, _ => new PortalDossierRecord(code, DateTimeOffset.UtcNow, item));
}

/// <summary>One dossier as the portal holds it.</summary>
public sealed class PortalDossierRecord(string code, DateTimeOffset firstReceivedAt, JsonObject first)
{
    private readonly Lock _lock = new();
    private readonly List<JsonObject> _syncs = [first];
    private readonly List<JsonObject> _progress = [];

    public string Code { get; } = code;
    public DateTimeOffset FirstReceivedAt { get; } = firstReceivedAt;

    /// <summary>The latest accepted DongBoHoSoMC item.</summary>
    public JsonObject Latest { get { lock (_lock) { return _syncs[^1]; } } }

    /// <summary>Every accepted DongBoHoSoMC item in arrival order.</summary>
    public IReadOnlyList<JsonObject> Syncs { get { lock (_lock) { return [.. _syncs]; } } }

    /// <summary>The dossier's steps in arrival order; a step sent again (same time, status and content) is kept once, as the portal's history shows it once.</summary>
    public IReadOnlyList<JsonObject> Progress { get { lock (_lock) { return [.. _progress]; } } }

    /// <summary>How many step items arrived that the portal already had.</summary>
    public int RepeatedProgress { get; private set; }

    public string? Status => PortalContract.Text(Latest, "TrangThaiHoSo");

    internal void AddSync(JsonObject item)
    {
        lock (_lock)
        {
            _syncs.Add(item);
        }
    }

    internal void AddProgress(JsonObject item)
    {
        lock (_lock)
        {
            if (_progress.Any(p => SameStep(p, item)))
            {
                RepeatedProgress++;
                return;
            }
            _progress.Add(item);
        }
    }

    private static bool SameStep(JsonObject a, JsonObject b) =>
        new[] { "ThoiDiemXuLy", "TrangThai", "NoiDungXuLy" }.All(f => PortalContract.Text(a, f) == PortalContract.Text(b, f));
}

/// <param name="DossierCodes">The dossiers the call was about (several when the caller batches items).</param>
/// <param name="ErrorCode">The error_code the portal answered with.</param>
public sealed record PortalCall(string Service, IReadOnlyList<string> DossierCodes, string? IsUpdating, string ErrorCode, DateTimeOffset At)
{
    public bool IsAbout(string dossierCode) => DossierCodes.Contains(dossierCode);
}
