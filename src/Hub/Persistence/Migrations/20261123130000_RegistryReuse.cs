using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>
/// Once-only (#3): the applicant's registry fields and check, the cache of registry answers and the
/// registry access log.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261123130000_RegistryReuse")]
public sealed class RegistryReuse : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE dossiers
                ADD COLUMN applicant_birth_date text NULL,
                ADD COLUMN applicant_sex integer NULL,
                ADD COLUMN applicant_nationality text NULL,
                ADD COLUMN applicant_permanent_address text NULL,
                ADD COLUMN applicant_legal_form text NULL,
                ADD COLUMN applicant_operating_status text NULL,
                ADD COLUMN applicant_legal_representative text NULL,
                ADD COLUMN applicant_check_state integer NOT NULL DEFAULT 1,
                ADD COLUMN applicant_checked_at timestamptz NULL,
                ADD COLUMN applicant_filled jsonb NOT NULL DEFAULT '[]',
                ADD COLUMN applicant_mismatches jsonb NOT NULL DEFAULT '[]';
            -- The verification job's question: applicants the registry could not be asked about at submit.
            CREATE INDEX ix_dossiers_applicant_check_pending ON dossiers (created_at) WHERE applicant_check_state = 3;
            -- Result reuse: an earlier result by its document number, then its dossier's applicant.
            CREATE INDEX ix_result_documents_document_number ON result_documents (document_number);

            -- Registry answers, minimal: what a dossier's applicant needs. Stale rows are purged.
            CREATE TABLE registry_cache (
                registry text NOT NULL,
                identifier text NOT NULL,
                record jsonb NOT NULL,
                fetched_at timestamptz NOT NULL,
                PRIMARY KEY (registry, identifier)
            );
            CREATE INDEX ix_registry_cache_fetched_at ON registry_cache (fetched_at);

            CREATE TABLE registry_access_log (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                accessed_at timestamptz NOT NULL,
                registry text NOT NULL,
                identifier text NOT NULL,
                client_id text NOT NULL,
                purpose text NOT NULL,
                dossier_code text NULL,
                kind integer NOT NULL,
                result integer NOT NULL,
                from_cache boolean NOT NULL
            );
            CREATE INDEX ix_registry_access_log_identifier ON registry_access_log (identifier, id);
            CREATE INDEX ix_registry_access_log_client ON registry_access_log (client_id, id);
            CREATE INDEX ix_registry_access_log_accessed_at ON registry_access_log (accessed_at);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TABLE registry_access_log;
            DROP TABLE registry_cache;
            DROP INDEX ix_result_documents_document_number;
            DROP INDEX ix_dossiers_applicant_check_pending;
            ALTER TABLE dossiers
                DROP COLUMN applicant_birth_date, DROP COLUMN applicant_sex, DROP COLUMN applicant_nationality,
                DROP COLUMN applicant_permanent_address, DROP COLUMN applicant_legal_form, DROP COLUMN applicant_operating_status,
                DROP COLUMN applicant_legal_representative, DROP COLUMN applicant_check_state, DROP COLUMN applicant_checked_at,
                DROP COLUMN applicant_filled, DROP COLUMN applicant_mismatches;
            """);
    }
}
