using System.Collections.Concurrent;
using System.Text.Json;
using IntegrationHub.Adapters.NationalPortal.Wire;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>
/// The national procedure catalogue (LayThuTuc), cached: the dossier sync needs each procedure's name
/// and field, which agencies do not send.
/// </summary>
public sealed class ProcedureCatalog(TimeProvider clock, IOptions<NationalPortalOptions> options)
{
    // An unknown code is asked about again after this, so a catalogue fix at the portal is picked up.
    private static readonly TimeSpan NegativeTtl = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (ProcedureInfo? Procedure, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    /// <summary>The procedure, or null when the catalogue does not have the code; a local code is looked up by the national code it extends.</summary>
    public async Task<ProcedureInfo?> FindAsync(string code, PortalConnection connection, CancellationToken cancellationToken)
    {
        code = ProcedureCodes.National(code);
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(code, out var entry) && entry.Expires > now)
        {
            return entry.Procedure;
        }
        var answer = await connection.QueryAsync(
            options.Value.SharePath,
            PortalEnvelope.Query(options.Value.UnitCode, "LayThuTuc") with { ProcedureCode = code },
            cancellationToken);
        var procedure = Read(code, answer);
        _entries[code] = (procedure, now + (procedure is null ? NegativeTtl : options.Value.CatalogTtl));
        return procedure;
    }

    /// <summary>Every procedure code the catalogue lists (LayDanhSachTTHC).</summary>
    public async Task<IReadOnlyList<string>> ListCodesAsync(PortalConnection connection, CancellationToken cancellationToken)
    {
        var answer = await connection.QueryAsync(
            options.Value.SharePath, PortalEnvelope.Query(options.Value.UnitCode, "LayDanhSachTTHC"), cancellationToken);
        return answer is { ValueKind: JsonValueKind.Array } rows
            ? [.. rows.EnumerateArray().Select(r => Text(r, "MATTHC")).OfType<string>().Distinct(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>The procedure in full (LayThuTuc), or null when the catalogue does not have the code.</summary>
    public async Task<ProcedureDetails?> DetailsAsync(string code, PortalConnection connection, CancellationToken cancellationToken)
    {
        var answer = await connection.QueryAsync(
            options.Value.SharePath,
            PortalEnvelope.Query(options.Value.UnitCode, "LayThuTuc") with { ProcedureCode = ProcedureCodes.National(code) },
            cancellationToken);
        return answer is { ValueKind: JsonValueKind.Array } items && items.GetArrayLength() > 0 && Read(code, answer) is { } info
            ? ProcedureWireReader.Details(info, items[0])
            : null;
    }

    private static ProcedureInfo? Read(string code, JsonElement? result)
    {
        if (result is not { ValueKind: JsonValueKind.Array } items || items.GetArrayLength() == 0)
        {
            return null;
        }
        var item = items[0];
        var name = Text(item, "TENTTHC");
        if (name is null
            || !item.TryGetProperty("LINHVUCTHUCHIEN", out var fields)
            || fields.ValueKind != JsonValueKind.Array
            || fields.GetArrayLength() == 0)
        {
            throw new PortalFaultException($"LayThuTuc answer for {code} lacks TENTTHC or LINHVUCTHUCHIEN");
        }
        var field = fields[0];
        return new ProcedureInfo(code, name, Text(field, "MALINHVUC") ?? "", Text(field, "TENLINHVUC") ?? "");
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
