using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>Amendments DVCQG pushes to dossiers filed on it (#15, nhanhsdvcqg), each kept once by its digest.</summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261203020000_PortalAmendments")]
public sealed class PortalAmendments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE TABLE portal_amendments (
                digest text PRIMARY KEY,
                national_code text NOT NULL REFERENCES portal_arrivals (national_code),
                received_at timestamptz NOT NULL,
                submitted jsonb NULL,
                amended jsonb NULL,
                file_name text NULL,
                file_url text NULL
            );
            CREATE INDEX ix_portal_amendments_dossier ON portal_amendments (national_code, received_at);
            """);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP TABLE portal_amendments;");
}
