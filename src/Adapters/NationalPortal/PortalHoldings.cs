using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Adapters.NationalPortal.Wire;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>
/// What the portal already holds of a dossier (TraCuuHoSo), asked before sending a change whose
/// earlier attempt may have taken effect, so that the change takes effect there once.
/// </summary>
public sealed class PortalHoldings(PortalConnection connection, IOptions<NationalPortalOptions> options)
{
    /// <summary>Whether the portal holds the dossier as <paramref name="sync"/> describes it: every field sent has the value sent.</summary>
    public async Task<bool> HoldsAsync(HoSo sync, CancellationToken cancellationToken)
    {
        if (await LookUpAsync(sync.MaHoSo, cancellationToken) is not { } held)
        {
            return false;
        }
        var sent = JsonSerializer.SerializeToNode(sync, PortalJson.Options)!.AsObject();
        return sent.All(field => JsonNode.DeepEquals(field.Value, held[field.Key]));
    }

    public const string NotHeld = "the portal does not hold the dossier";

    /// <summary>What reconciliation compares: the status, the date promised, and the results listed.</summary>
    public static readonly string[] ReconciledFields = [nameof(HoSo.TrangThaiHoSo), nameof(HoSo.NgayHenTra), nameof(HoSo.DanhSachGiayToKetQua)];

    /// <summary>Where the portal's record of the dossier differs from <paramref name="sync"/> in <see cref="ReconciledFields"/>, each as "field: portal X, hub Y".</summary>
    public async Task<IReadOnlyList<string>> DifferencesAsync(HoSo sync, CancellationToken cancellationToken)
    {
        if (await LookUpAsync(sync.MaHoSo, cancellationToken) is not { } held)
        {
            return [NotHeld];
        }
        var expected = JsonSerializer.SerializeToNode(sync, PortalJson.Options)!.AsObject();
        return [.. ReconciledFields
            .Where(field => !JsonNode.DeepEquals(Normal(expected[field]), Normal(held[field])))
            .Select(field => $"{field}: portal {Show(held[field])}, hub {Show(expected[field])}")];
    }

    // An empty list and no list say the same.
    private static JsonNode? Normal(JsonNode? node) => node is JsonArray { Count: 0 } ? null : node;

    private static string Show(JsonNode? node) => node is null ? "none" : node is JsonValue ? node.ToString() : node.ToJsonString();

    /// <summary>
    /// Whether the portal lists <paramref name="step"/> among the dossier's steps (same time, status and
    /// content). A portal whose answer lists no steps cannot say; the step is then taken as not held.
    /// </summary>
    public async Task<bool> HoldsAsync(TienDo step, CancellationToken cancellationToken) =>
        await LookUpAsync(step.MaHoSo, cancellationToken) is { } held
        && held[options.Value.LookupStepsField] is JsonArray steps
        && steps.OfType<JsonObject>().Any(s =>
            Text(s, nameof(TienDo.ThoiDiemXuLy)) == step.ThoiDiemXuLy
            && Text(s, nameof(TienDo.TrangThai)) == step.TrangThai
            && Text(s, nameof(TienDo.NoiDungXuLy)) == step.NoiDungXuLy);

    /// <summary>The dossier as the portal holds it, or null when it has none.</summary>
    private async Task<JsonObject?> LookUpAsync(string code, CancellationToken cancellationToken)
    {
        var answer = await connection.QueryAsync(
            options.Value.IntegrationPath,
            PortalEnvelope.Query(options.Value.UnitCode, "TraCuuHoSo") with { DossierCode = code },
            cancellationToken);
        return answer is { ValueKind: JsonValueKind.Array } result && result.GetArrayLength() > 0
            ? JsonSerializer.SerializeToNode(result[0]) as JsonObject
            : null;
    }

    private static string? Text(JsonObject item, string name) =>
        item[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
