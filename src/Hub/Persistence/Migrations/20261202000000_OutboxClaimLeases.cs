using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>
/// Exactly once in effect (#12): a dispatcher claims rows under a lease (claim_id, with next_attempt_at as
/// the lease's end) and records each call's outcome as soon as it is known. A row claimed and never
/// recorded, or whose answer was lost, is in doubt: the next attempt asks the target before sending.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261202000000_OutboxClaimLeases")]
public sealed class OutboxClaimLeases : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE outbox_messages
                ADD COLUMN claim_id uuid NULL,
                ADD COLUMN in_doubt boolean NOT NULL DEFAULT false;
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE outbox_messages DROP COLUMN in_doubt, DROP COLUMN claim_id;
            """);
}
