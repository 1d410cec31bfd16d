using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>
/// Claims that do not read what waits behind a failed change (#17). A dossier's later changes wait while its first one
/// fails; as untried rows they stayed in <c>ix_outbox_untried</c>, and each claim of their target checked them one by
/// one (380–400 ms a claim with 100,000 queued after a long outage). The recording of a failed attempt now marks the
/// untried changes behind it as queued, which takes them out of that index, and the recording of a delivery clears the
/// mark of those behind it. Rows are marked only by the recording of the change in front of them, so the hub never
/// leaves one queued behind a delivered one; existing rows start unmarked and are marked at their first change's next
/// failure. An instance of an older version still running would deliver without releasing; <c>StrandedChangesJob</c>
/// releases what it leaves.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261205010000_OutboxQueuedChanges")]
public sealed class OutboxQueuedChanges : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE outbox_messages ADD COLUMN queued boolean NOT NULL DEFAULT false;
            DROP INDEX ix_outbox_untried;
            CREATE INDEX ix_outbox_untried ON outbox_messages (target, id) WHERE status = 0 AND attempts = 0 AND NOT queued;
            CREATE INDEX ix_outbox_queued ON outbox_messages (dossier_id, target, id) WHERE queued;
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP INDEX ix_outbox_queued;
            DROP INDEX ix_outbox_untried;
            CREATE INDEX ix_outbox_untried ON outbox_messages (target, id) WHERE status = 0 AND attempts = 0;
            ALTER TABLE outbox_messages DROP COLUMN queued;
            """);
}
