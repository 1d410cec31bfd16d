using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>
/// What the national portal must be told truly (#12): the receipt number, how the result is returned,
/// whether a rejection came at intake, when each step's work began, the supplement rounds with the due
/// dates before and after, and each result's kind in the national catalogue.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261202010000_PortalFacts")]
public sealed class PortalFacts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE dossiers
                ADD COLUMN receipt_number text NOT NULL DEFAULT '',
                ADD COLUMN result_delivery integer NOT NULL DEFAULT 1,
                ADD COLUMN rejected_at_intake boolean NOT NULL DEFAULT false,
                ADD COLUMN last_step_at timestamptz NULL,
                ADD COLUMN supplements jsonb NOT NULL DEFAULT '[]';
            UPDATE dossiers SET receipt_number = code, result_delivery = CASE WHEN channel = 3 THEN 2 ELSE 1 END;
            ALTER TABLE dossiers ALTER COLUMN receipt_number DROP DEFAULT;
            ALTER TABLE progress_records ADD COLUMN started_at timestamptz NULL;
            ALTER TABLE result_documents ADD COLUMN result_code text NULL;
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE result_documents DROP COLUMN result_code;
            ALTER TABLE progress_records DROP COLUMN started_at;
            ALTER TABLE dossiers DROP COLUMN supplements, DROP COLUMN last_step_at, DROP COLUMN rejected_at_intake,
                DROP COLUMN result_delivery, DROP COLUMN receipt_number;
            """);
}
