using System.Globalization;
using System.Text.Json;
using IntegrationHub.Adapters.NationalPortal.Wire;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.NationalPortal;

/// <summary>
/// Dossiers citizens filed on DVCQG, pulled as public integrations do (research notes §1.9): DanhSachHoSo for a
/// window of receipt days, TraCuuHoSo for each, LayTaiLieuHoSo for each attached file. Reading only: safe to repeat.
/// </summary>
public sealed class PortalFilings(PortalConnection connection, IOptions<NationalPortalOptions> options)
{
    private readonly NationalPortalOptions _options = options.Value;

    /// <summary>The agency's filings received between the two days (inclusive), each read or refused with its reason.</summary>
    public async Task<IReadOnlyList<FiledRow>> ListAsync(string agencyCode, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(_options.SharePath, Envelope("DanhSachHoSo") with
        {
            HandlingAgency = agencyCode,
            ReceivedFrom = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ReceivedTo = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, cancellationToken);
        return rows is { ValueKind: JsonValueKind.Array } list ? [.. list.EnumerateArray().Select(FilingWireReader.ReadRow)] : [];
    }

    /// <summary>What the portal says of the filing now; null when it does not hold it.</summary>
    public async Task<FilingState?> StateAsync(string nationalCode, CancellationToken cancellationToken) =>
        FilingWireReader.ReadState(await connection.QueryAsync(_options.SharePath, Envelope("TraCuuHoSo") with { DossierCode = nationalCode }, cancellationToken));

    /// <summary>An attached file's bytes; null when the portal's answer does not hold it as base64.</summary>
    public async Task<byte[]?> FileAsync(string agencyCode, string path, CancellationToken cancellationToken) =>
        FilingWireReader.ReadFile(
            await connection.QueryAsync(_options.SharePath, Envelope("LayTaiLieuHoSo") with { HandlingAgency = agencyCode, FilePath = path }, cancellationToken),
            path);

    private PortalEnvelope Envelope(string service) => PortalEnvelope.Query(_options.UnitCode, service);
}
