using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>
/// The portal both ways (#15): where a dossier was filed; dossiers filed on DVCQG that arrived, each once, and
/// their acknowledgement by the agency; their files; and the rows the pull could not take, with the reason.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261202050000_PortalIntake")]
public sealed class PortalIntake : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE dossiers ADD COLUMN origin integer NOT NULL DEFAULT 0;

            CREATE TABLE portal_arrivals (
                national_code text PRIMARY KEY,
                dossier_id uuid NOT NULL REFERENCES dossiers (id),
                agency_code text NOT NULL,
                arrived_at timestamptz NOT NULL,
                acknowledged_at timestamptz NULL,
                acknowledged_by text NULL
            );
            CREATE INDEX ix_portal_arrivals_waiting ON portal_arrivals (agency_code, arrived_at) WHERE acknowledged_at IS NULL;

            CREATE TABLE dossier_attachments (
                id uuid PRIMARY KEY,
                dossier_id uuid NOT NULL REFERENCES dossiers (id),
                component_code text NOT NULL,
                name text NOT NULL,
                media_type text NOT NULL,
                size_bytes bigint NOT NULL,
                sha256 text NOT NULL,
                content bytea NOT NULL
            );
            CREATE INDEX ix_dossier_attachments_dossier ON dossier_attachments (dossier_id);

            CREATE TABLE portal_intake_problems (
                row_key text PRIMARY KEY,
                national_code text NULL,
                agency_code text NOT NULL,
                problem text NOT NULL,
                raw_row text NOT NULL,
                first_seen_at timestamptz NOT NULL,
                last_seen_at timestamptz NOT NULL,
                times_seen integer NOT NULL
            );
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP TABLE portal_intake_problems;
            DROP TABLE dossier_attachments;
            DROP TABLE portal_arrivals;
            ALTER TABLE dossiers DROP COLUMN origin;
            """);
}
