using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IntegrationHub.Tests.Persistence;

/// <summary>
/// The copy holds a value to its column's facets as EF Core's insert does: a text too long for a
/// <c>character varying(3)</c> is refused, never cut to fit.
/// </summary>
public sealed class CopyFacetsTests
{
    [Theory]
    [InlineData("abc", true)]
    [InlineData("abcd", false)]
    public async Task A_value_too_long_for_its_column_is_refused_not_cut(string code, bool stored)
    {
        var database = TestPostgres.Owner(await TestPostgres.CreateEmptyDatabaseAsync());
        await TestPostgres.ExecuteAsync(database, "CREATE TABLE short_codes (id uuid PRIMARY KEY, code character varying(3) NOT NULL)");
        using var db = new Models(new DbContextOptionsBuilder<Models>().UseNpgsql("Host=unused").Options);
        var type = db.Model.FindEntityType(typeof(ShortCode))!;
        var row = new ShortCode { Id = Guid.NewGuid(), Code = code };
        await using var connection = await TestPostgres.OpenAsync(database);

        var copy = () => TableCopier.CopyAsync(connection, [(CopyPlan.For(type)!, [row])], CancellationToken.None);

        if (stored)
        {
            await copy();
        }
        else
        {
            Assert.Equal(PostgresErrorCodes.StringDataRightTruncation, (await Assert.ThrowsAsync<PostgresException>(copy)).SqlState);
        }
        Assert.Equal(stored ? [code] : [], await CodesAsync(connection));
    }

    private static async Task<List<string>> CodesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT code FROM short_codes", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var codes = new List<string>();
        while (await reader.ReadAsync())
        {
            codes.Add(reader.GetString(0));
        }
        return codes;
    }

    private sealed class Models(DbContextOptions<Models> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder model) =>
            model.Entity<ShortCode>(code =>
            {
                code.ToTable("short_codes");
                code.Property(c => c.Code).HasColumnName("code").HasMaxLength(3);
                code.Property(c => c.Id).HasColumnName("id");
            });
    }

    private sealed class ShortCode
    {
        public Guid Id { get; set; }
        public string Code { get; set; } = "";
    }
}
