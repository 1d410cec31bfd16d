using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>When the overdue job found a dossier past its due date, so that it raises the event once.</summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261123120000_OverdueDossiers")]
public sealed class OverdueDossiers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE dossiers ADD COLUMN overdue_at timestamptz NULL;
            -- The job's question: open dossiers past their due date, not yet reported.
            CREATE INDEX ix_dossiers_open_by_due_at ON dossiers (due_at) WHERE processing_ended_at IS NULL AND overdue_at IS NULL;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP INDEX ix_dossiers_open_by_due_at;
            ALTER TABLE dossiers DROP COLUMN overdue_at;
            """);
    }
}
