using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>The portal both ways (#15): DVCQG's procedure catalogue, kept by the hub.</summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261202060000_ProcedureCatalogue")]
public sealed class ProcedureCatalogue : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE TABLE procedures (
                code text PRIMARY KEY,
                name text NOT NULL,
                field_code text NOT NULL,
                field_name text NOT NULL,
                details jsonb NOT NULL,
                refreshed_at timestamptz NOT NULL
            );
            CREATE INDEX ix_procedures_field ON procedures (field_code, code);
            """);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP TABLE procedures;");
}
