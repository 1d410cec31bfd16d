using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>Why the due date an agency gave deserves a look (#16).</summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261203030000_DueAtFlag")]
public sealed class DueAtFlag : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE dossiers ADD COLUMN due_at_flag text NULL;");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE dossiers DROP COLUMN due_at_flag;");
}
