using Npgsql;

namespace IntegrationHub.Hub.Persistence;

/// <summary>
/// The privileges of the role the hub runs as, granted by the owner after each migration: data in every
/// table, but on the logs (the registry access log, the exchange log, its links and its seals) only reading and
/// adding, and the queue of entries to link only through the owner's functions. Not the owner, it cannot alter or
/// drop tables, disable or drop their triggers, or truncate; not a superuser, it cannot switch triggers off for its
/// session (<c>session_replication_role</c>).
/// </summary>
public static class RuntimeRole
{
    public static string Grants(string role)
    {
        var quoted = new NpgsqlCommandBuilder().QuoteIdentifier(role);
        return $"""
            GRANT USAGE ON SCHEMA public TO {quoted};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted};
            REVOKE INSERT, UPDATE, DELETE ON "__EFMigrationsHistory" FROM {quoted};
            REVOKE UPDATE, DELETE ON registry_access_log, exchange_log, exchange_log_links, exchange_log_seals FROM {quoted};
            REVOKE INSERT, UPDATE, DELETE ON exchange_log_unlinked FROM {quoted};
            """;
    }
}
