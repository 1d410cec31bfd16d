using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>
/// The exchange log's chain in a narrow table of its own (#17). Linking an entry used to update its wide row (position,
/// prev_hash, hash): a second version of every entry, with new entries in each of its five indexes (a GIN one among
/// them) and a row trigger's check, about one and a tenth entries a submit. Now an entry is written once and never
/// changed; its link is a row of <c>exchange_log_links</c>. Entries still to link are queued in
/// <c>exchange_log_unlinked</c> by a statement trigger on insert (COPY included), which the chainer empties as it links.
/// The links are append-only as the entries are, and the hub's role may no longer update <c>exchange_log</c> at all.
/// Nor may it touch the queue but through the two functions (SECURITY DEFINER, the owner's): an entry leaves the queue
/// only with a link, so keeping one out of the chain shows as a broken chain rather than as an entry never linked.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261203060000_ExchangeLogLinks")]
public sealed class ExchangeLogLinks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE TABLE exchange_log_links (
                position bigint PRIMARY KEY,
                entry_id bigint NOT NULL UNIQUE,
                prev_hash text NOT NULL,
                hash text NOT NULL
            );
            CREATE TABLE exchange_log_unlinked (entry_id bigint PRIMARY KEY);
            INSERT INTO exchange_log_links (position, entry_id, prev_hash, hash)
                SELECT position, id, prev_hash, hash FROM exchange_log WHERE position IS NOT NULL;
            INSERT INTO exchange_log_unlinked (entry_id) SELECT id FROM exchange_log WHERE position IS NULL;

            CREATE OR REPLACE FUNCTION refuse_exchange_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$;
            ALTER TABLE exchange_log DROP COLUMN position, DROP COLUMN prev_hash, DROP COLUMN hash;

            CREATE FUNCTION queue_exchange_log_entries() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                INSERT INTO exchange_log_unlinked (entry_id) SELECT id FROM added;
                RETURN NULL;
            END
            $$;
            CREATE FUNCTION link_exchange_log_entries(positions bigint[], entry_ids bigint[], prev_hashes text[], hashes text[])
                RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
                WITH linked AS (
                    INSERT INTO exchange_log_links (position, entry_id, prev_hash, hash)
                    SELECT * FROM unnest(positions, entry_ids, prev_hashes, hashes)
                    RETURNING entry_id),
                dequeued AS (
                    DELETE FROM exchange_log_unlinked u USING linked WHERE u.entry_id = linked.entry_id RETURNING 1)
                SELECT count(*) FROM dequeued
            $$;
            CREATE TRIGGER exchange_log_queued AFTER INSERT ON exchange_log
                REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION queue_exchange_log_entries();
            CREATE TRIGGER exchange_log_links_append_only BEFORE UPDATE OR DELETE ON exchange_log_links
                FOR EACH ROW EXECUTE FUNCTION refuse_exchange_log_change();
            CREATE TRIGGER exchange_log_links_not_truncated BEFORE TRUNCATE ON exchange_log_links
                FOR EACH STATEMENT EXECUTE FUNCTION refuse_exchange_log_change();
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP TRIGGER exchange_log_links_not_truncated ON exchange_log_links;
            DROP TRIGGER exchange_log_links_append_only ON exchange_log_links;
            DROP TRIGGER exchange_log_queued ON exchange_log;
            DROP FUNCTION queue_exchange_log_entries();
            DROP FUNCTION link_exchange_log_entries(bigint[], bigint[], text[], text[]);
            ALTER TABLE exchange_log ADD COLUMN position bigint NULL UNIQUE, ADD COLUMN prev_hash text NULL, ADD COLUMN hash text NULL;
            CREATE INDEX ix_exchange_log_unchained ON exchange_log (id) WHERE position IS NULL;
            CREATE OR REPLACE FUNCTION refuse_exchange_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
            UPDATE exchange_log e SET position = l.position, prev_hash = l.prev_hash, hash = l.hash FROM exchange_log_links l WHERE l.entry_id = e.id;
            DROP TABLE exchange_log_unlinked;
            DROP TABLE exchange_log_links;
            """);
}
