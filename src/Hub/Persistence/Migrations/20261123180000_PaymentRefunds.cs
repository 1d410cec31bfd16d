using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>Paid payments given back, and through which gateway a dossier's fees were paid (#4).</summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261123180000_PaymentRefunds")]
public sealed class PaymentRefunds : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE payments ADD COLUMN refunded_at timestamptz NULL, ADD COLUMN refund_reason text NULL, ADD COLUMN refund_transaction_id text NULL;
            ALTER TABLE dossiers ADD COLUMN fees_paid_via text NULL;
            UPDATE dossiers d SET fees_paid_via = p.gateway FROM payments p WHERE p.dossier_id = d.id AND p.status = 2 AND d.fees_paid_at IS NOT NULL;
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE payments DROP COLUMN refunded_at, DROP COLUMN refund_reason, DROP COLUMN refund_transaction_id;
            ALTER TABLE dossiers DROP COLUMN fees_paid_via;
            """);
}
