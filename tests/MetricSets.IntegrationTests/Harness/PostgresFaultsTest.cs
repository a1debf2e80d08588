using MetricSets.Testing.PostgreSql;
using Npgsql;

namespace MetricSets.IntegrationTests.Harness;

/// <summary>
/// <see cref="PostgresFaults.TerminateBackendsAsync"/>: the terminated session's next command fails with 57P01, a fresh
/// one works, and a filter by application name spares the others. Each test has a database of its own on the run's
/// server, so no other test's sessions are touched.
/// </summary>
public sealed class PostgresFaultsTest
{
    [Fact]
    public async Task Terminating_backends_fails_an_open_pooled_connection_with_57P01_and_a_fresh_one_works()
    {
        var connectionString = await TestServer.CreateEmptyDatabaseAsync("metricsets_faults");
        Assert.True(new NpgsqlConnectionStringBuilder(connectionString).Pooling);
        await using var open = new NpgsqlConnection(connectionString);
        await open.OpenAsync();
        Assert.Equal(1, await SelectOneAsync(open));

        var terminated = await PostgresFaults.TerminateBackendsAsync(connectionString);

        Assert.Equal(1, terminated);
        var error = await Assert.ThrowsAsync<PostgresException>(() => SelectOneAsync(open));
        Assert.Equal(PostgresErrorCodes.AdminShutdown, error.SqlState);
        await using var fresh = new NpgsqlConnection(connectionString);
        await fresh.OpenAsync();
        Assert.Equal(1, await SelectOneAsync(fresh));
    }

    [Fact]
    public async Task Terminating_by_application_name_spares_the_other_sessions()
    {
        var connectionString = await TestServer.CreateEmptyDatabaseAsync("metricsets_faults");
        await using var victim = await OpenAsync(connectionString, "victim");
        await using var bystander = await OpenAsync(connectionString, "bystander");

        var terminated = await PostgresFaults.TerminateBackendsAsync(connectionString, "victim");

        Assert.Equal(1, terminated);
        Assert.Equal(PostgresErrorCodes.AdminShutdown, (await Assert.ThrowsAsync<PostgresException>(() => SelectOneAsync(victim))).SqlState);
        Assert.Equal(1, await SelectOneAsync(bystander));
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, string applicationName)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = applicationName }.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(1, await SelectOneAsync(connection));
        return connection;
    }

    private static async Task<int> SelectOneAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
