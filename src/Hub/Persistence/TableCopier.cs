using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace IntegrationHub.Hub.Persistence;

/// <summary>
/// Inserts new rows with PostgreSQL's binary COPY, one per table, in one transaction. For the many rows of gathered
/// writes this is far less work on both sides than EF Core's statement per row (no SQL to build, parse and plan, no
/// parameter per value). Store-generated values (identities) are left to the store and not read back: the rows'
/// writers answer before they save and use no generated key after. What the copy cannot serve
/// (<see cref="CopyPlan.For"/>) is saved by EF Core.
/// </summary>
public sealed class TableCopier(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<IEntityType, CopyPlan?> _plans = new();

    /// <summary>The tables to copy <paramref name="rows"/> into, principals first; null if any row's type cannot be copied.</summary>
    public IReadOnlyList<(CopyPlan Plan, List<object> Rows)>? Tables(IEnumerable<AddedRow> rows)
    {
        var byType = rows.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Select(r => r.Entity).ToList());
        var tables = new List<(CopyPlan, List<object>)>(byType.Count);
        while (byType.Count > 0)
        {
            // A type whose principals among these rows are already placed: foreign keys are checked per statement.
            var next = byType.Keys.FirstOrDefault(t => !t.GetForeignKeys().Any(fk => fk.PrincipalEntityType != t && byType.ContainsKey(fk.PrincipalEntityType)));
            if (next is null || _plans.GetOrAdd(next, CopyPlan.For) is not { } plan)
            {
                return null;
            }
            tables.Add((plan, byType[next]));
            byType.Remove(next);
        }
        return tables;
    }

    /// <summary>Copies every row of <paramref name="tables"/> and commits; nothing is stored if any is refused.</summary>
    public async Task InsertAsync(IReadOnlyList<(CopyPlan Plan, List<object> Rows)> tables, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await CopyAsync(connection, tables, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Copies every row of <paramref name="tables"/> on <paramref name="connection"/>, in its transaction.</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<(CopyPlan Plan, List<object> Rows)> tables, CancellationToken cancellationToken)
    {
        foreach (var (plan, rows) in tables)
        {
            foreach (var group in rows.GroupBy(plan.ColumnsGiven))
            {
                var statement = plan.Statement(group.Key);
                await using var importer = await connection.BeginBinaryImportAsync(statement.Sql, cancellationToken);
                foreach (var row in group)
                {
                    await importer.StartRowAsync(cancellationToken);
                    foreach (var column in statement.Columns)
                    {
                        if (column.Value(row) is { } value)
                        {
                            await importer.WriteAsync(value, column.StoreType, cancellationToken);
                        }
                        else
                        {
                            await importer.WriteNullAsync(cancellationToken);
                        }
                    }
                }
                await importer.CompleteAsync(cancellationToken);
            }
        }
    }
}

/// <summary>A new row: its entity and the entity's type in the model.</summary>
public sealed record AddedRow(IEntityType Type, object Entity);
