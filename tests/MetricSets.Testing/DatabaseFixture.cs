using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace MetricSets.Testing;

/// <summary>One database per test class, cloned from the migrated template.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync() => ConnectionString = await TestServer.CreateDatabaseAsync("metricsets_test");

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A fixture over a database created elsewhere (for example with another host model).</summary>
    public static DatabaseFixture Attach(string connectionString) => new() { ConnectionString = connectionString };

    public async Task<NpgsqlConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public Task ExecuteAsync(string sql) => TestServer.ExecuteAsync(ConnectionString, sql);

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<UserId> AddUserAsync()
    {
        var id = UserId.New();
        await ScalarAsync<int>("INSERT INTO users (id) VALUES ($1) RETURNING 1", id.Value);
        return id;
    }

    public async Task<WorkoutId> AddWorkoutAsync()
    {
        var id = WorkoutId.New();
        await ScalarAsync<int>("INSERT INTO workouts (id) VALUES ($1) RETURNING 1", id.Value);
        return id;
    }

    public async Task<OrganizationId> AddOrganizationAsync()
    {
        var id = OrganizationId.New();
        await ScalarAsync<int>("INSERT INTO organizations (id) VALUES ($1) RETURNING 1", id.Value);
        return id;
    }

    public Task<long> CountAsync(string table) => ScalarAsync<long>($"SELECT count(*) FROM {table}");
}
