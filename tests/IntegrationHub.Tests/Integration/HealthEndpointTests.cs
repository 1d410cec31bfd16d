using System.Net;
using Grpc.Health.V1;

namespace IntegrationHub.Tests.Integration;

/// <summary>What orchestrators and load balancers ask: is the process up, and can it serve.</summary>
public sealed class HealthEndpointTests : HubTest
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Live_and_ready_answer_ok_while_the_database_is_reachable()
    {
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"{Hub.HttpAddress}/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"{Hub.HttpAddress}/health/ready")).StatusCode);
    }

    [Fact]
    public async Task The_standard_grpc_health_service_reports_serving()
    {
        var answer = await new Health.HealthClient(Hub.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
    }

    [Fact]
    public async Task Ready_fails_but_live_holds_when_the_database_is_unreachable()
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(Hub.ConnectionString).Database!;
        await AdminSqlAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}';");
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Http.GetAsync($"{Hub.HttpAddress}/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"{Hub.HttpAddress}/health/live")).StatusCode);
        }
        finally
        {
            await AdminSqlAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS true;");
        }
    }

    private static async Task AdminSqlAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(TestPostgres.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
