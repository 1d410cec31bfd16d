using IntegrationHub.Sandbox.NationalPortal;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>
/// With HUB_WIRE_DUMP set to a file, every hub under test appends what its portal accepted (each dossier's syncs
/// and steps, in order), so that two trees' wires can be compared byte for byte (scripts/wire-diff.sh).
/// </summary>
public static class WireDump
{
    private static readonly Lock Writing = new();

    public static void Append(PortalRecords records)
    {
        if (Environment.GetEnvironmentVariable("HUB_WIRE_DUMP") is not { Length: > 0 } file)
        {
            return;
        }
        var lines = records.Dossiers.SelectMany(d =>
            d.Syncs.Select((sync, i) => $"{d.Code} DongBoHoSoMC {i} {sync.ToJsonString()}")
                .Concat(d.Progress.Select((step, i) => $"{d.Code} CapNhatTienDoHoSoMC {i} {step.ToJsonString()}")));
        lock (Writing)
        {
            File.AppendAllLines(file, lines);
        }
    }
}
