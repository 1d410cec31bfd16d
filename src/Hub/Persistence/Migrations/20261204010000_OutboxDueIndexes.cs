using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>
/// Claims that cost what is due, not what waits (#17). One index held every pending row in id order, so each claim
/// (four a second per instance while idle) walked every row waiting out a backoff: 136 ms a claim with 150,000
/// waiting after a long outage. Now untried rows are found by target and id, rows waiting to be tried again by target
/// and due time; a claim's lease gets a column of its own (it was next_attempt_at), so claiming changes no indexed
/// column and stays a heap-only update.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261204010000_OutboxDueIndexes")]
public sealed class OutboxDueIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE outbox_messages ADD COLUMN lease_until timestamptz NULL;
            UPDATE outbox_messages SET lease_until = next_attempt_at WHERE status = 0 AND claim_id IS NOT NULL;
            CREATE INDEX ix_outbox_untried ON outbox_messages (target, id) WHERE status = 0 AND attempts = 0;
            CREATE INDEX ix_outbox_retrying ON outbox_messages (target, next_attempt_at) WHERE status = 0 AND attempts > 0;
            DROP INDEX ix_outbox_pending;
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE INDEX ix_outbox_pending ON outbox_messages (id) WHERE status = 0;
            DROP INDEX ix_outbox_retrying;
            DROP INDEX ix_outbox_untried;
            UPDATE outbox_messages SET next_attempt_at = greatest(next_attempt_at, lease_until) WHERE status = 0 AND claim_id IS NOT NULL;
            ALTER TABLE outbox_messages DROP COLUMN lease_until;
            """);
}
