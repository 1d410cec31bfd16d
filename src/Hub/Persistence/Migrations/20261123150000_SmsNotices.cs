using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>SMS notices to applicants (#4), one row per deterministic notice id.</summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261123150000_SmsNotices")]
public sealed class SmsNotices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE sms_notices (
                id text PRIMARY KEY,
                dossier_id uuid NOT NULL REFERENCES dossiers (id),
                event text NOT NULL,
                phone text NOT NULL,
                text text NOT NULL,
                segments integer NOT NULL,
                status integer NOT NULL,
                provider text NULL,
                provider_message_id text NULL,
                detail text NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL
            );
            CREATE INDEX ix_sms_notices_dossier ON sms_notices (dossier_id);
            CREATE INDEX ix_sms_notices_provider_message ON sms_notices (provider, provider_message_id) WHERE provider_message_id IS NOT NULL;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP TABLE sms_notices;");
}
