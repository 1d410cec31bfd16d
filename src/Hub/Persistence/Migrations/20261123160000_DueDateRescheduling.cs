using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>
/// A new due date the agency gives with its apology for a late dossier (#4). <c>due_at</c> stays the
/// date promised at receipt, which lateness is measured against.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261123160000_DueDateRescheduling")]
public sealed class DueDateRescheduling : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE dossiers ADD COLUMN rescheduled_due_at timestamptz NULL, ADD COLUMN reschedule_reason text NULL;
            -- The overdue job also asks for rescheduled dossiers whose new date has passed since they were last found overdue.
            CREATE INDEX ix_dossiers_open_by_rescheduled_due_at ON dossiers (rescheduled_due_at)
                WHERE processing_ended_at IS NULL AND rescheduled_due_at IS NOT NULL;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP INDEX ix_dossiers_open_by_rescheduled_due_at;
            ALTER TABLE dossiers DROP COLUMN rescheduled_due_at, DROP COLUMN reschedule_reason;
            """);
    }
}
