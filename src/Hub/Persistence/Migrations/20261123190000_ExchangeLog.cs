using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>
/// The tamper-evident exchange log (#6): rows are inserted unchained, then given their place in the
/// hash chain (position, prev_hash, hash) by one chainer; seals sign the chain's head with the hub's key.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261123190000_ExchangeLog")]
public sealed class ExchangeLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE TABLE exchange_log (
                id bigserial PRIMARY KEY,
                position bigint NULL UNIQUE,
                recorded_at timestamptz NOT NULL,
                kind smallint NOT NULL,
                target text NOT NULL,
                operation text NOT NULL,
                dossier_code text NULL,
                dossier_ids uuid[] NOT NULL,
                client_id text NULL,
                request_digest text NOT NULL,
                response_digest text NOT NULL,
                outcome text NOT NULL,
                duration_us bigint NOT NULL,
                prev_hash text NULL,
                hash text NULL
            );
            CREATE INDEX ix_exchange_log_unchained ON exchange_log (id) WHERE position IS NULL;
            CREATE INDEX ix_exchange_log_recorded_at ON exchange_log (recorded_at);
            CREATE INDEX ix_exchange_log_dossier_code ON exchange_log (dossier_code) WHERE dossier_code IS NOT NULL;
            CREATE INDEX ix_exchange_log_dossier_ids ON exchange_log USING gin (dossier_ids);

            CREATE TABLE exchange_log_seals (
                id bigserial PRIMARY KEY,
                position bigint NOT NULL,
                hash text NOT NULL,
                sealed_at timestamptz NOT NULL,
                key_id text NOT NULL,
                signature text NOT NULL
            );
            CREATE INDEX ix_exchange_log_seals_position ON exchange_log_seals (position);
            """);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP TABLE exchange_log_seals; DROP TABLE exchange_log;");
}
