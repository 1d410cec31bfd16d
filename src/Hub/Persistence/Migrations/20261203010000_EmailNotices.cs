using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>Notices by e-mail beside SMS (#16): one table for both, told apart by channel; an e-mail's subject.</summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261203010000_EmailNotices")]
public sealed class EmailNotices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE sms_notices RENAME TO notices;
            ALTER TABLE notices RENAME COLUMN phone TO address;
            ALTER TABLE notices ADD COLUMN channel text NOT NULL DEFAULT 'sms';
            ALTER TABLE notices ADD COLUMN subject text NULL;
            ALTER INDEX ix_sms_notices_dossier RENAME TO ix_notices_dossier;
            ALTER INDEX ix_sms_notices_provider_message RENAME TO ix_notices_provider_message;
            ALTER INDEX ix_sms_notices_awaiting_report RENAME TO ix_notices_awaiting_report;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        ALTER INDEX ix_notices_awaiting_report RENAME TO ix_sms_notices_awaiting_report;
        ALTER INDEX ix_notices_provider_message RENAME TO ix_sms_notices_provider_message;
        ALTER INDEX ix_notices_dossier RENAME TO ix_sms_notices_dossier;
        DELETE FROM notices WHERE channel <> 'sms';
        ALTER TABLE notices DROP COLUMN subject;
        ALTER TABLE notices DROP COLUMN channel;
        ALTER TABLE notices RENAME COLUMN address TO phone;
        ALTER TABLE notices RENAME TO sms_notices;
        """);
}
