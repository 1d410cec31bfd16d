using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>
/// Trust under attack (#13): the exchange log and its seals refuse, in the database itself, what the hub
/// never does: an entry is inserted, then linked once (position, prev_hash, hash set from NULL); nothing
/// is edited, deleted or truncated. Only the tables' owner can switch this off, and the hub does not run
/// as the owner (see <see cref="RuntimeRole"/>).
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261202030000_AppendOnlyExchangeLog")]
public sealed class AppendOnlyExchangeLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE FUNCTION refuse_exchange_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'exchange_log' AND OLD.position IS NULL
                   AND (NEW.id, NEW.recorded_at, NEW.kind, NEW.target, NEW.operation, NEW.dossier_code, NEW.dossier_ids, NEW.client_id,
                        NEW.request_digest, NEW.response_digest, NEW.outcome, NEW.duration_us)
                       IS NOT DISTINCT FROM
                       (OLD.id, OLD.recorded_at, OLD.kind, OLD.target, OLD.operation, OLD.dossier_code, OLD.dossier_ids, OLD.client_id,
                        OLD.request_digest, OLD.response_digest, OLD.outcome, OLD.duration_us) THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$;
            CREATE TRIGGER exchange_log_append_only BEFORE UPDATE OR DELETE ON exchange_log
                FOR EACH ROW EXECUTE FUNCTION refuse_exchange_log_change();
            CREATE TRIGGER exchange_log_not_truncated BEFORE TRUNCATE ON exchange_log
                FOR EACH STATEMENT EXECUTE FUNCTION refuse_exchange_log_change();
            CREATE TRIGGER exchange_log_seals_append_only BEFORE UPDATE OR DELETE ON exchange_log_seals
                FOR EACH ROW EXECUTE FUNCTION refuse_exchange_log_change();
            CREATE TRIGGER exchange_log_seals_not_truncated BEFORE TRUNCATE ON exchange_log_seals
                FOR EACH STATEMENT EXECUTE FUNCTION refuse_exchange_log_change();
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP TRIGGER exchange_log_seals_not_truncated ON exchange_log_seals;
            DROP TRIGGER exchange_log_seals_append_only ON exchange_log_seals;
            DROP TRIGGER exchange_log_not_truncated ON exchange_log;
            DROP TRIGGER exchange_log_append_only ON exchange_log;
            DROP FUNCTION refuse_exchange_log_change();
            """);
}
