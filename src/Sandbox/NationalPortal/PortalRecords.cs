using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationHub.Sandbox.NationalPortal;

/// <summary>
/// What the simulated portal has received, for tests and the load generator to check: every call,
/// every dossier as the portal holds it, and every breach of the contract, including repeats. Nothing
/// the hub sends is dropped or merged: a repeat is kept and reported.
/// </summary>
public sealed class PortalRecords
{
    private readonly ConcurrentDictionary<string, PortalDossierRecord> _dossiers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PortalCall> _calls = new();
    private readonly ConcurrentQueue<string> _violations = new();

    public PortalDossierRecord? Dossier(string code) => _dossiers.GetValueOrDefault(code);

    public IReadOnlyCollection<PortalDossierRecord> Dossiers => [.. _dossiers.Values];

    /// <summary>Every integration call in arrival order, accepted or not.</summary>
    public IReadOnlyList<PortalCall> Calls => [.. _calls];

    /// <summary>
    /// What a correct province system would never send, in arrival order: an item the contract refuses,
    /// a field the contract does not have, a create for a dossier the portal holds, an update or a step
    /// for one it does not, and repeats (a step it already holds, a sync identical to the last one with
    /// no step between them). Empty after a run means the hub said each thing right, once.
    /// </summary>
    public IReadOnlyList<string> Violations => [.. _violations];

    internal bool Exists(string code) => _dossiers.ContainsKey(code);

    internal void Log(PortalCall call) => _calls.Enqueue(call);

    internal void Violation(string text) => _violations.Enqueue(text);

    internal PortalDossierRecord Create(string code, JsonObject item) =>
        _dossiers.GetOrAdd(code, _ => new PortalDossierRecord(code, DateTimeOffset.UtcNow, item));
}

/// <summary>
/// One dossier as the portal holds it. Each item is kept as its JSON text and read back on each look: a load run
/// sends tens of thousands of dossiers, and as node trees they took ≈ 10 KB each, a heap the simulator's collector
/// paused on (up to 0.28 s a second in a 64-client run, in the middle of the deliveries it times).
/// </summary>
public sealed class PortalDossierRecord(string code, DateTimeOffset firstReceivedAt, JsonObject first)
{
    private readonly Lock _lock = new();
    private readonly List<byte[]> _syncs = [Stored(first)];
    private readonly List<byte[]> _progress = [];
    private string? _status = PortalContract.Text(first, "TrangThaiHoSo");
    private int _stepsSinceSync;

    public string Code { get; } = code;
    public DateTimeOffset FirstReceivedAt { get; } = firstReceivedAt;

    /// <summary>The latest accepted DongBoHoSoMC item (a copy).</summary>
    public JsonObject Latest { get { lock (_lock) { return Read(_syncs[^1]); } } }

    /// <summary>Every accepted DongBoHoSoMC item in arrival order, repeats included.</summary>
    public IReadOnlyList<JsonObject> Syncs { get { lock (_lock) { return [.. _syncs.Select(Read)]; } } }

    /// <summary>Every accepted step in arrival order, repeats included.</summary>
    public IReadOnlyList<JsonObject> Progress { get { lock (_lock) { return [.. _progress.Select(Read)]; } } }

    /// <summary>How many syncs and steps are held, without reading them back (the load generator asks for every dossier's).</summary>
    public (int Syncs, int Progress) Counts { get { lock (_lock) { return (_syncs.Count, _progress.Count); } } }

    /// <summary>Steps that arrived although the portal already held the same step (time, status and content).</summary>
    public int RepeatedProgress { get; private set; }

    /// <summary>Syncs identical to the one before with no step between them: the same change sent again.</summary>
    public int RepeatedSyncs { get; private set; }

    /// <summary>The latest sync's TrangThaiHoSo, kept as each sync arrives.</summary>
    public string? Status { get { lock (_lock) { return _status; } } }

    /// <summary>
    /// The portal's record changes without the province (an operator's edit at DVCQG, an update lost on its side):
    /// the latest sync's field now holds <paramref name="value"/>. It is not a sync the province sent.
    /// </summary>
    public void Overwrite(string field, JsonNode? value)
    {
        lock (_lock)
        {
            var changed = Read(_syncs[^1]);
            changed[field] = value;
            _syncs[^1] = Stored(changed);
            _status = PortalContract.Text(changed, "TrangThaiHoSo");
        }
    }

    /// <returns>Whether the item repeats the last sync.</returns>
    internal bool AddSync(JsonObject item)
    {
        lock (_lock)
        {
            var repeated = _stepsSinceSync == 0 && JsonNode.DeepEquals(Read(_syncs[^1]), item);
            RepeatedSyncs += repeated ? 1 : 0;
            _syncs.Add(Stored(item));
            _status = PortalContract.Text(item, "TrangThaiHoSo");
            _stepsSinceSync = 0;
            return repeated;
        }
    }

    /// <returns>Whether the portal already held this step.</returns>
    internal bool AddProgress(JsonObject item)
    {
        lock (_lock)
        {
            var repeated = _progress.Any(p => SameStep(Read(p), item));
            RepeatedProgress += repeated ? 1 : 0;
            _progress.Add(Stored(item));
            _stepsSinceSync++;
            return repeated;
        }
    }

    private static byte[] Stored(JsonObject item) => JsonSerializer.SerializeToUtf8Bytes(item);

    private static JsonObject Read(byte[] stored) => JsonNode.Parse(stored)!.AsObject();

    private static bool SameStep(JsonObject a, JsonObject b) =>
        new[] { "ThoiDiemXuLy", "TrangThai", "NoiDungXuLy" }.All(f => PortalContract.Text(a, f) == PortalContract.Text(b, f));
}

/// <param name="DossierCodes">The dossiers the call was about (several when the caller batches items).</param>
/// <param name="ErrorCode">The error_code the portal answered with.</param>
/// <param name="Accept">The call's Accept header.</param>
/// <param name="Session">The session the call carried.</param>
public sealed record PortalCall(string Service, IReadOnlyList<string> DossierCodes, string? IsUpdating, string ErrorCode, DateTimeOffset At, string? Accept = null, string? Session = null)
{
    public bool IsAbout(string dossierCode) => DossierCodes.Contains(dossierCode);
}
