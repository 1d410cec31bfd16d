using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>
/// Exactly once in effect (#17, #12): a row whose call went unanswered waits until in_flight_until before it is looked
/// up and tried again, however its target recovers; the call may still be on its way through the target.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261203050000_OutboxInFlightUntil")]
public sealed class OutboxInFlightUntil : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE outbox_messages ADD COLUMN in_flight_until timestamptz NULL;");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE outbox_messages DROP COLUMN in_flight_until;");
}
