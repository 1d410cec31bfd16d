using IntegrationHub.Hub.Outbox;

namespace IntegrationHub.Tests.Domain;

public sealed class TargetDeliveryTests
{
    [Fact]
    public void Delivered_version_is_the_last_version_whose_every_change_arrived()
    {
        var summary = TargetDelivery.Summarize(
        [
            Row(1, OutboxStatus.Delivered), Row(2, OutboxStatus.Delivered), Row(2, OutboxStatus.Delivered),
            Row(3, OutboxStatus.Delivered), Row(3, OutboxStatus.Pending, "HTTP 503"), Row(4, OutboxStatus.Pending),
        ]).Single();

        Assert.Equal(OutboxStatus.Pending, summary.State);
        Assert.Equal(2, summary.DeliveredVersion);
        Assert.Equal(2, summary.PendingCount);
        Assert.Equal("HTTP 503", summary.LastError);
    }

    [Fact]
    public void A_dead_letter_shows_with_the_targets_reason_even_while_later_rows_wait()
    {
        var summary = TargetDelivery.Summarize(
            [Row(1, OutboxStatus.Delivered), Row(2, OutboxStatus.DeadLettered, "portal error_code 2: MaHoSo"), Row(3, OutboxStatus.Pending)]).Single();

        Assert.Equal(OutboxStatus.DeadLettered, summary.State);
        Assert.Equal(1, summary.DeliveredVersion);
        Assert.Equal("portal error_code 2: MaHoSo", summary.LastError);
    }

    [Fact]
    public void Everything_delivered_means_delivered_at_the_latest_version() =>
        Assert.Equal(3, TargetDelivery.Summarize([Row(1, OutboxStatus.Delivered), Row(3, OutboxStatus.Delivered)]).Single().DeliveredVersion);

    private static DeliveryRow Row(int version, OutboxStatus status, string? error = null) => new("national-portal", version, status, error, null);
}
