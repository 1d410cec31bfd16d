using System.Data;
using System.Text.Json.Nodes;
using IntegrationHub.Hub.Audit;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Events;
using IntegrationHub.Hub.Idempotency;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationHub.Tests.Integration;

/// <summary>
/// The copy against EF Core on the hub's own schema: the rows a real submit stored, read back, are saved once by
/// EF Core and once by the copy, under new keys, in one transaction that is never committed (so nothing of the hub's
/// own sees them), and must be stored the same in every column but their keys.
/// </summary>
public sealed class TableCopierTests : HubTest
{
    [Fact]
    public async Task A_submits_rows_copied_are_stored_in_every_column_as_EF_Core_stores_them()
    {
        var code = (await Hub.Justice.SubmitDossierAsync(Samples.Submission()).ResponseAsync).DossierCode;
        await using var connection = new NpgsqlConnection(Hub.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var db = new HubDbContext(new DbContextOptionsBuilder<HubDbContext>().UseNpgsql(connection).Options);
        await db.Database.UseTransactionAsync(transaction);
        // No savepoint of EF Core's: its rows would carry the savepoint's transaction id, not this transaction's.
        db.Database.AutoSavepointsEnabled = false;

        var unique = await UniqueColumnsAsync(connection, db.Model);
        var (stored, again) = await StoredTwiceAsync(code);
        var saved = Rekeyed(db.Model, unique, stored, "ef");
        db.AddRange(saved.Select(r => r.Entity));
        await db.SaveChangesAsync();
        var types = saved.Select(r => r.Type).Distinct().ToList();
        var byEfCore = new Dictionary<IEntityType, List<string>>();
        foreach (var type in types)
        {
            byEfCore[type] = await RowsOfThisTransactionAsync(connection, type, unique[type]);
        }
        var copied = Rekeyed(db.Model, unique, again, "copy");
        var tables = Hub.Service<TableCopier>().Tables(copied);
        Assert.NotNull(tables);
        await TableCopier.CopyAsync(connection, tables, CancellationToken.None);

        Assert.Equal(5, types.Count);
        foreach (var type in types)
        {
            var all = await RowsOfThisTransactionAsync(connection, type, unique[type]);
            var byCopy = all.ToList();
            byEfCore[type].ForEach(row => byCopy.Remove(row));
            Assert.Equal(saved.Count(r => r.Type == type), byEfCore[type].Count);
            Assert.Equal(byEfCore[type].Order(), byCopy.Order());
        }
    }

    /// <summary>
    /// The dossier's rows as the submit stored them, read by EF Core twice from one snapshot (the hub delivers and
    /// sequences meanwhile): one of each type a submit adds.
    /// </summary>
    private async Task<(List<object>, List<object>)> StoredTwiceAsync(string code)
    {
        using var scope = Hub.Service<IServiceScopeFactory>().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        return (await ReadAsync(), await ReadAsync());

        async Task<List<object>> ReadAsync()
        {
            var dossier = await db.Set<Dossier>().AsNoTracking().SingleAsync(d => d.Code == code);
            return
            [
                dossier,
                .. await db.Set<OutboxMessage>().AsNoTracking().Where(o => o.DossierId == dossier.Id).ToListAsync(),
                .. await db.Set<DossierEventRecord>().AsNoTracking().Where(e => e.DossierId == dossier.Id).ToListAsync(),
                .. await db.Set<IdempotencyRecord>().AsNoTracking().ToListAsync(),
                .. await db.Set<AgencyWriteEntry>().AsNoTracking().Where(e => e.DossierCode == code).ToListAsync(),
            ];
        }
    }

    /// <summary>
    /// The entities under new values of their key and unique columns: a new id or code; an identity, or a position the
    /// hub gives after commit, left unset as a submit leaves it.
    /// </summary>
    private static List<AddedRow> Rekeyed(IModel model, Dictionary<IEntityType, List<IProperty>> unique, List<object> entities, string suffix) => [.. entities.Select(entity =>
    {
        var type = model.FindEntityType(entity.GetType())!;
        foreach (var property in unique[type])
        {
            object? value = property.GetGetter().GetClrValueUsingContainingEntity(entity) switch
            {
                Guid => Guid.NewGuid(),
                string text => $"{text}-{suffix}",
                long when property.ValueGenerated != ValueGenerated.Never => 0L,
                long when property.IsNullable => null,
                null => null,
                var other => throw new InvalidOperationException($"No new value for {type.ShortName()}.{property.Name} ({other})"),
            };
            if (property.FieldInfo is { } field)
            {
                field.SetValue(entity, value);
            }
            else
            {
                property.PropertyInfo!.SetValue(entity, value);
            }
        }
        return new AddedRow(type, entity);
    })];

    /// <summary>Each entity type's properties whose columns are in a unique index of its table (the primary key's too), as the schema has them.</summary>
    private static async Task<Dictionary<IEntityType, List<IProperty>>> UniqueColumnsAsync(NpgsqlConnection connection, IModel model)
    {
        var unique = new Dictionary<IEntityType, List<IProperty>>();
        foreach (var type in model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()))
        {
            await using var command = new NpgsqlCommand("""
                SELECT DISTINCT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                WHERE i.indrelid = $1::regclass AND i.indisunique
                """, connection) { Parameters = { new() { Value = type.GetTableName() } } };
            await using var reader = await command.ExecuteReaderAsync();
            var columns = new HashSet<string>();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
            unique[type] = [.. type.GetFlattenedProperties().Where(p => columns.Contains(p.GetColumnName()))];
        }
        return unique;
    }

    /// <summary>The rows of <paramref name="type"/>'s table this transaction inserted, as JSON without their key and unique columns.</summary>
    private static async Task<List<string>> RowsOfThisTransactionAsync(NpgsqlConnection connection, IEntityType type, List<IProperty> unique)
    {
        var table = type.GetTableName()!;
        var keys = unique.Select(p => p.GetColumnName()).ToList();
        await using var command = new NpgsqlCommand($"SELECT to_jsonb(t)::text FROM \"{table}\" t WHERE t.xmin::text = pg_current_xact_id()::xid::text", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var row = JsonNode.Parse(reader.GetString(0))!.AsObject();
            keys.ForEach(k => row.Remove(k));
            rows.Add(row.ToJsonString());
        }
        return rows;
    }
}
