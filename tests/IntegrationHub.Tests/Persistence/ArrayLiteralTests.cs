using IntegrationHub.Hub.Persistence;
using Npgsql;

namespace IntegrationHub.Tests.Persistence;

/// <summary>
/// An array column's value is sent to PostgreSQL as its literal (the insert's unnest would flatten an array of
/// arrays): PostgreSQL must read back exactly the array written, whatever its elements hold.
/// </summary>
public sealed class ArrayLiteralTests
{
    public static TheoryData<string, object, string> Arrays => new()
    {
        { "text with quotes, backslashes, commas, braces, spaces", new[] { "a\"b", "c\\d", "e,f", "{g}", " h ", "" }, "text[]" },
        { "text that reads as NULL, and a null", new[] { "NULL", "null", null }, "text[]" },
        { "identifiers", new[] { Guid.NewGuid(), Guid.NewGuid() }, "uuid[]" },
        { "numbers, negative and at the type's ends", new[] { long.MinValue, -1, 0, long.MaxValue }, "bigint[]" },
        { "a list", new List<int> { 3, 1, 2 }, "integer[]" },
        { "empty", Array.Empty<Guid>(), "uuid[]" },
    };

    [Theory]
    [MemberData(nameof(Arrays))]
    public async Task An_array_is_read_back_by_PostgreSQL_as_written(string kind, object array, string storeType)
    {
        Assert.True(ArrayLiteral.Serves(array.GetType()), kind);
        await using var connection = await TestPostgres.OpenAsync(TestPostgres.AdminConnectionString);
        await using var command = new NpgsqlCommand($"SELECT $1::text::{storeType}", connection) { Parameters = { new() { Value = ArrayLiteral.Of(array) } } };

        var read = (Array)(await command.ExecuteScalarAsync())!;

        Assert.Equal(((System.Collections.IEnumerable)array).Cast<object?>(), read.Cast<object?>());
    }

    [Theory]
    [InlineData(typeof(DateTimeOffset[]))]
    [InlineData(typeof(double[]))]
    [InlineData(typeof(string))]
    [InlineData(typeof(Dictionary<Guid, string>))]
    public void An_array_whose_elements_text_PostgreSQL_may_read_otherwise_is_not_served(Type type) =>
        Assert.False(ArrayLiteral.Serves(type));
}
