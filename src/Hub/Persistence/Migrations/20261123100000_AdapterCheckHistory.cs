using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>The scheduled adapter checks' results, from which availability over 24 hours and 7 days is read.</summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261123100000_AdapterCheckHistory")]
public sealed class AdapterCheckHistory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE adapter_checks (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                adapter text NOT NULL,
                checked_at timestamptz NOT NULL,
                status smallint NOT NULL,
                latency_ms integer NOT NULL,
                detail text NOT NULL
            );
            CREATE INDEX ix_adapter_checks_adapter_checked_at ON adapter_checks (adapter, checked_at);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE adapter_checks;");
    }
}
