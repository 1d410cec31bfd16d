using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>
/// The backlog's "delivered in the last minute" read by index (#17): it was a scan of the whole outbox, every
/// five seconds on every instance, growing with every message ever delivered. Partial, so pending rows never enter it.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261203040000_OutboxDeliveredIndex")]
public sealed class OutboxDeliveredIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("CREATE INDEX ix_outbox_delivered_at ON outbox_messages (delivered_at) WHERE status = 1;");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP INDEX ix_outbox_delivered_at;");
}
