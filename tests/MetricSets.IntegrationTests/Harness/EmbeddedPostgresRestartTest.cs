using MetricSets.Testing.PostgreSql;
using Npgsql;

namespace MetricSets.IntegrationTests.Harness;

/// <summary>
/// <see cref="EmbeddedPostgres.RestartAsync"/>, the crash-and-restart fault: an open connection fails, a new one with the
/// same connection string works. On a cluster of its own, since a restart cuts every session of the server.
/// </summary>
public sealed class EmbeddedPostgresRestartTest
{
    [Fact]
    public async Task Restarting_cuts_an_open_connection_and_a_new_one_works_on_the_same_port()
    {
        await using var server = await EmbeddedPostgres.StartAsync();
        var connectionString = server.ConnectionString;
        await using var open = new NpgsqlConnection(connectionString);
        await open.OpenAsync();
        var startedBefore = await ScalarAsync<DateTime>(open, "SELECT pg_postmaster_start_time()");

        await server.RestartAsync();

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ScalarAsync<int>(open, "SELECT 1"));
        await using var fresh = new NpgsqlConnection(connectionString);
        await fresh.OpenAsync();
        Assert.True(await ScalarAsync<DateTime>(fresh, "SELECT pg_postmaster_start_time()") > startedBefore, "the server did not restart");
        Assert.Equal(server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), await ScalarAsync<string>(fresh, "SELECT current_setting('port')"));
    }

    [Fact]
    public async Task Restarting_a_disposed_server_is_refused()
    {
        var server = await EmbeddedPostgres.StartAsync();
        await server.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => server.RestartAsync());
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
