using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IntegrationHub.Hub.Persistence;

/// <summary>
/// How one entity type's new rows are copied into its table, read from EF Core's model, so that the columns, their
/// conversions and store types stay the model's. <see cref="For"/> gives null for a type the copy cannot serve as
/// EF Core would (owned or owning, sharing a table, shadow or computed properties, a complex property that may be
/// null); such rows are saved by EF Core.
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
            return new CopyColumn(Quoted(p.GetColumnName(storeObject)!), typeMapping.StoreType, p.ValueGenerated.HasFlag(ValueGenerated.OnAdd), p.GetGetter(), typeMapping.Converter);
        });
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

    /// <summary>The binary COPY of the columns given and those columns in its order; made once for each set of columns.</summary>
    public CopyStatement Statement(ulong given) => _statements.GetOrAdd(given, bits =>
    {
        CopyColumn[] columns = [.. _columns.Where((_, i) => (bits & (1UL << i)) != 0)];
        return new CopyStatement($"COPY {_table} ({string.Join(", ", columns.Select(c => c.QuotedName))}) FROM STDIN (FORMAT BINARY)", columns);
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

/// <summary>A COPY of some of a <see cref="CopyPlan"/>'s columns: its SQL, and the columns in the order it takes them.</summary>
public sealed record CopyStatement(string Sql, CopyColumn[] Columns);

/// <summary>One column of a <see cref="CopyPlan"/>: where its value comes from and how it is stored.</summary>
public sealed record CopyColumn(string QuotedName, string StoreType, bool StoreGenerated, IClrPropertyGetter Getter, ValueConverter? Converter)
{
    /// <summary>Left to the store when it generates the value and the row leaves it unset, as EF Core leaves it.</summary>
    public bool LeftToStore(object entity) => StoreGenerated && Getter.HasSentinelValueUsingContainingEntity(entity);

    /// <summary>The value as stored: through the model's conversion (an enum as its number, a list as its JSON).</summary>
    public object? Value(object entity) => Getter.GetClrValueUsingContainingEntity(entity) is { } value
        ? Converter is null ? value : Converter.ConvertToProvider(value)
        : null;
}
