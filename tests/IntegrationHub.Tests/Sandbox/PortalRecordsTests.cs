using System.Text.Json.Nodes;
using IntegrationHub.Sandbox.NationalPortal;

namespace IntegrationHub.Tests.Sandbox;

/// <summary>
/// The simulated portal's record of a dossier, kept as JSON text: every item is kept, repeats are counted (a sync
/// identical to the last with no step between, a step already held), and what a reader gets is a copy.
/// </summary>
public sealed class PortalRecordsTests
{
    private static JsonObject Sync(string status) =>
        new() { ["MaHoSo"] = "G22-261204-0001", ["TrangThaiHoSo"] = status, ["HoTenNguoiNop"] = "Nguyễn Văn An", ["TaiLieuNop"] = new JsonArray(new JsonObject { ["TepDinhKemId"] = "1" }) };

    private static JsonObject Step(string at, string status) =>
        new() { ["ThoiDiemXuLy"] = at, ["TrangThai"] = status, ["NoiDungXuLy"] = "Tiếp nhận" };

    [Fact]
    public void A_sync_identical_to_the_last_with_no_step_between_is_counted_a_repeat_and_kept()
    {
        var record = new PortalDossierRecord("G22-261204-0001", DateTimeOffset.UtcNow, Sync("1"));

        Assert.True(record.AddSync(Sync("1")));
        Assert.False(record.AddSync(Sync("2")));
        Assert.False(record.AddProgress(Step("20261204090000", "2")));
        Assert.False(record.AddSync(Sync("2")));

        Assert.Equal(1, record.RepeatedSyncs);
        Assert.Equal(["1", "1", "2", "2"], record.Syncs.Select(s => PortalContract.Text(s, "TrangThaiHoSo")));
        Assert.True(JsonNode.DeepEquals(Sync("2"), record.Latest));
    }

    [Fact]
    public void A_step_the_portal_already_holds_is_counted_a_repeat_and_kept()
    {
        var record = new PortalDossierRecord("G22-261204-0001", DateTimeOffset.UtcNow, Sync("1"));

        Assert.False(record.AddProgress(Step("20261204090000", "2")));
        Assert.False(record.AddProgress(Step("20261204100000", "2")));
        Assert.True(record.AddProgress(Step("20261204090000", "2")));

        Assert.Equal(1, record.RepeatedProgress);
        Assert.Equal(3, record.Progress.Count);
    }

    [Fact]
    public void A_reader_gets_a_copy_and_only_an_overwrite_changes_the_record()
    {
        var record = new PortalDossierRecord("G22-261204-0001", DateTimeOffset.UtcNow, Sync("1"));

        record.Latest["TrangThaiHoSo"] = "9";
        Assert.Equal("1", record.Status);

        record.Overwrite("TrangThaiHoSo", "4");
        Assert.Equal("4", record.Status);
        Assert.Single(record.Syncs);
    }
}
