using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>Notices sent and still without a delivery report, which the report pull asks providers about (#4).</summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261123170000_SmsReportPull")]
public sealed class SmsReportPull : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("CREATE INDEX ix_sms_notices_awaiting_report ON sms_notices (updated_at) WHERE status = 2 AND provider_message_id IS NOT NULL;");

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP INDEX ix_sms_notices_awaiting_report;");
}
