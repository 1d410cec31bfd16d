using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntegrationHub.Hub.Persistence.Migrations;

/// <summary>
/// Least privilege (#13): the clustered scheduler's tables are created here, by the owner that runs
/// migrations, from the script Quartz itself ships (idempotent: it only creates what is missing), instead
/// of by the scheduler at start, which would need the runtime role to hold CREATE on the schema.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("20261202040000_SchedulerSchema")]
public sealed class SchedulerSchema : Migration
{
    private const string Script = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";
    private const string TablePrefix = "qrtz_";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        using var stream = typeof(Quartz.IJob).Assembly.GetManifestResourceStream(Script)
            ?? throw new InvalidOperationException($"Quartz no longer ships {Script}: create its tables with the script of its version.");
        var script = new StreamReader(stream).ReadToEnd().Replace("{0}", TablePrefix).Replace("{1}", TablePrefix);
        foreach (var statement in script.Split("\n--;;", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Split('\n').Any(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal))))
        {
            migrationBuilder.Sql(statement);
        }
    }

    // The tables may hold the schedule of hubs that created them before this migration: they stay.
    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}
