using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>Level-4 payments (#4) and when a dossier's fees were paid online.</summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261123140000_Payments")]
public sealed class Payments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE dossiers ADD COLUMN fees_paid_at timestamptz NULL;

            CREATE TABLE payments (
                id uuid PRIMARY KEY,
                dossier_id uuid NOT NULL REFERENCES dossiers (id),
                dossier_code text NOT NULL,
                agency_code text NOT NULL,
                gateway text NOT NULL,
                reference text NOT NULL,
                amount bigint NOT NULL,
                fees jsonb NOT NULL,
                description text NOT NULL,
                payer_ip text NOT NULL,
                pay_url text NOT NULL,
                status integer NOT NULL,
                created_at timestamptz NOT NULL,
                expires_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                gateway_transaction_id text NULL,
                paid_at timestamptz NULL,
                failure_reason text NULL,
                version integer NOT NULL
            );
            CREATE UNIQUE INDEX ux_payments_reference ON payments (reference);
            CREATE INDEX ix_payments_dossier ON payments (dossier_id);
            -- Reconciliation's question: pending payments, oldest first.
            CREATE INDEX ix_payments_pending ON payments (created_at) WHERE status = 1;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TABLE payments;
            ALTER TABLE dossiers DROP COLUMN fees_paid_at;
            """);
    }
}
