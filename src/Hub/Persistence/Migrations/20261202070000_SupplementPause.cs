using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>The clock the law runs (#16): the due date moved by the working days a dossier waited for the applicant's papers.</summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261202070000_SupplementPause")]
public sealed class SupplementPause : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE dossiers ADD COLUMN extended_due_at timestamptz NULL;");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE dossiers DROP COLUMN extended_due_at;");
}
