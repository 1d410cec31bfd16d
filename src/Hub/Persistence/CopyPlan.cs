using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace IntegrationHub.Hub.Persistence;

/// <summary>
/// How one entity type's new rows are inserted into its table by one statement, read from EF Core's model, so that
/// the columns, their conversions and store types stay the model's. <see cref="For"/> gives null for a type the copy
/// cannot serve as EF Core would (owned or owning, sharing a table, shadow or computed properties, a complex property
/// that may be null, an array column whose elements' text PostgreSQL may read otherwise); such rows are saved by EF Core.
/// </summary>
public sealed class CopyPlan
{
    /// <summary>Columns of a type the copy serves at most: which of them a row gives are the bits of one <see cref="ulong"/>.</summary>
    private const int MaxColumns = 64;

    private readonly string _table;
    private readonly CopyColumn[] _columns;
    private readonly ConcurrentDictionary<ulong, CopyStatement> _statements = new();

    private CopyPlan(string table, CopyColumn[] columns) => (_table, _columns) = (table, columns);

    public static CopyPlan? For(IEntityType type)
    {
        if (type.IsOwned() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
            || type.GetTableName() is not { } table || type.GetTableMappings().ToList() is not [var mapping] || mapping.Table.EntityTypeMappings.Count() != 1)
        {
            return null;
        }
        var properties = type.GetFlattenedProperties().ToList();
        if (properties.Count > MaxColumns || properties.Any(p => p.IsShadowProperty() || p.GetComputedColumnSql() is not null || InNullableComplex(p)))
        {
            return null;
        }
        var storeObject = StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = properties.Select(p =>
        {
            var typeMapping = p.GetRelationalTypeMapping();
            return new CopyColumn(
                Quoted(p.GetColumnName(storeObject)!), typeMapping.StoreType, typeMapping.StoreTypeNameBase, p.ValueGenerated.HasFlag(ValueGenerated.OnAdd),
                p.GetGetter(), typeMapping.Converter, typeMapping.Converter?.ProviderClrType ?? typeMapping.ClrType);
        }).ToList();
        if (columns.Any(c => c.IsArray && !ArrayLiteral.Serves(c.ProviderType)))
        {
            return null;
        }
        return new CopyPlan(type.GetSchema() is { } schema ? $"{Quoted(schema)}.{Quoted(table)}" : Quoted(table), [.. columns]);
    }

    /// <summary>The columns <paramref name="entity"/> gives, as bits: all but those left to the store's default (an identity, say).</summary>
    public ulong ColumnsGiven(object entity)
    {
        var given = 0UL;
        for (var i = 0; i < _columns.Length; i++)
        {
            if (!_columns[i].LeftToStore(entity))
            {
                given |= 1UL << i;
            }
        }
        return given;
    }

    /// <summary>
    /// The insert of the columns given, one array parameter a column, and those columns in its order; made once for
    /// each set of columns. No cast but an array column's (sent as its literal): a cast to the column's type would
    /// cut a value too long for it where the insert refuses it, as EF Core's does.
    /// </summary>
    public CopyStatement Statement(ulong given) => _statements.GetOrAdd(given, bits =>
    {
        CopyColumn[] columns = [.. _columns.Where((_, i) => (bits & (1UL << i)) != 0)];
        var values = columns.Select((c, i) => c.IsArray ? $"c{i}::{c.StoreType}" : $"c{i}");
        var sql = $"""
            INSERT INTO {_table} ({string.Join(", ", columns.Select(c => c.QuotedName))})
            SELECT {string.Join(", ", values)}
            FROM unnest({string.Join(", ", columns.Select((_, i) => $"${i + 1}"))}) AS u({string.Join(", ", columns.Select((_, i) => $"c{i}"))})
            """;
        return new CopyStatement(sql, columns);
    });

    private static bool InNullableComplex(IProperty property) =>
        property.DeclaringType is IComplexType complex && Chain(complex).Any(c => c.ComplexProperty.IsNullable);

    private static IEnumerable<IComplexType> Chain(IComplexType complex)
    {
        for (ITypeBase type = complex; type is IComplexType inner; type = inner.ComplexProperty.DeclaringType)
        {
            yield return inner;
        }
    }

    private static string Quoted(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";
}

/// <summary>An insert of some of a <see cref="CopyPlan"/>'s columns: its SQL, and the columns in the order it takes them.</summary>
public sealed record CopyStatement(string Sql, CopyColumn[] Columns)
{
    /// <summary>The statement for <paramref name="rows"/>: each column's values as one array, in the rows' order.</summary>
    public NpgsqlBatchCommand Command(IReadOnlyList<object> rows)
    {
        var command = new NpgsqlBatchCommand(Sql);
        foreach (var column in Columns)
        {
            command.Parameters.Add(column.Parameter(rows));
        }
        return command;
    }
}

/// <summary>One column of a <see cref="CopyPlan"/>: where its value comes from and how it is stored.</summary>
/// <param name="StoreTypeBase">The store type without its facets (<c>character varying</c> for <c>character varying(64)</c>):
/// the parameter's, so that the insert, not the parameter, holds a value to the column's facets.</param>
/// <param name="ProviderType">The type of its values as stored (after the model's conversion).</param>
public sealed record CopyColumn(
    string QuotedName, string StoreType, string StoreTypeBase, bool StoreGenerated, IClrPropertyGetter Getter, ValueConverter? Converter, Type ProviderType)
{
    // Nullable<T> for a value type: any row may give null. Found once a column, not once a statement.
    private readonly Type _elementType =
        ProviderType.IsValueType && Nullable.GetUnderlyingType(ProviderType) is null ? typeof(Nullable<>).MakeGenericType(ProviderType) : ProviderType;

    /// <summary>A column of arrays: unnest would flatten an array of them, so each is sent as its literal.</summary>
    public bool IsArray => StoreType.EndsWith("[]", StringComparison.Ordinal);

    /// <summary>The column's values for <paramref name="rows"/> as one array parameter of the column's type.</summary>
    public NpgsqlParameter Parameter(IReadOnlyList<object> rows)
    {
        if (IsArray)
        {
            return new NpgsqlParameter { Value = rows.Select(r => ArrayLiteral.Of(Value(r))).ToArray(), DataTypeName = "text[]" };
        }
        var values = Array.CreateInstance(_elementType, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            values.SetValue(Value(rows[i]), i);
        }
        return new NpgsqlParameter { Value = values, DataTypeName = $"{StoreTypeBase}[]" };
    }

    /// <summary>Left to the store when it generates the value and the row leaves it unset, as EF Core leaves it.</summary>
    public bool LeftToStore(object entity) => StoreGenerated && Getter.HasSentinelValueUsingContainingEntity(entity);

    /// <summary>The value as stored: through the model's conversion (an enum as its number, a list as its JSON).</summary>
    public object? Value(object entity) => Getter.GetClrValueUsingContainingEntity(entity) is { } value
        ? Converter is null ? value : Converter.ConvertToProvider(value)
        : null;
}
