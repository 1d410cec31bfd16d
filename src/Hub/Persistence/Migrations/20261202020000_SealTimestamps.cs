using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>Trust under attack (#13): each seal keeps the RFC 3161 timestamp a time-stamping authority gave its signature.</summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261202020000_SealTimestamps")]
public sealed class SealTimestamps : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE exchange_log_seals ADD COLUMN timestamp_token bytea NULL;");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE exchange_log_seals DROP COLUMN timestamp_token;");
}
