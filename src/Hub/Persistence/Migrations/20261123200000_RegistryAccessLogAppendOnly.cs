using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>
/// Once-only (#3): the registry access log is the citizen's record of who read their data, so the
/// database itself refuses to edit, delete or truncate it; only the table's owner, by dropping the
/// triggers, can.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261123200000_RegistryAccessLogAppendOnly")]
public sealed class RegistryAccessLogAppendOnly : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE FUNCTION refuse_registry_access_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'registry_access_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$;
            CREATE TRIGGER registry_access_log_append_only BEFORE UPDATE OR DELETE ON registry_access_log
                FOR EACH ROW EXECUTE FUNCTION refuse_registry_access_log_change();
            CREATE TRIGGER registry_access_log_not_truncated BEFORE TRUNCATE ON registry_access_log
                FOR EACH STATEMENT EXECUTE FUNCTION refuse_registry_access_log_change();
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP TRIGGER registry_access_log_not_truncated ON registry_access_log;
            DROP TRIGGER registry_access_log_append_only ON registry_access_log;
            DROP FUNCTION refuse_registry_access_log_change();
            """);
}
