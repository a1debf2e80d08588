using MetricSets.Testing.PostgreSql;

namespace MetricSets.IntegrationTests.Scale;

/// <summary>
/// A throwaway server with a database holding the library's schema, and two PgBouncers in transaction pooling mode in
/// front of it: one whose pool holds a single server connection (every client takes turns on it, so anything a
/// transaction leaves behind reaches the next client), and one with PgBouncer's default pool, for tests that hold a
/// transaction open while another client works.
/// </summary>
public sealed class PgBouncerDatabase : IAsyncLifetime
{
    public const string Database = "metricsets_pgbouncer";

    public EmbeddedPostgres Server { get; private set; } = null!;

    /// <summary>Gets the PgBouncer whose pool holds one server connection.</summary>
    public PgBouncer OneConnection { get; private set; } = null!;

    /// <summary>Gets the PgBouncer with PgBouncer's default pool size (20).</summary>
    public PgBouncer Pooled { get; private set; } = null!;

    /// <summary>Gets the database on the server itself, past PgBouncer: for the tests' own checks.</summary>
    public string Direct => Server.ConnectionStringFor(Database);

    /// <summary>Gets the database on the server itself, for the tests' own rows and checks.</summary>
    public DatabaseFixture OnServer => DatabaseFixture.Attach(Direct);

    /// <summary>Gets how many sessions of the database wait on a lock: a library call that a test's lock blocks.</summary>
    public Task<long> WaitingOnLocksAsync() =>
        OnServer.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");

    /// <summary>Gets the database through the PgBouncer with one server connection, with the settings docs/scaling-connections.md gives.</summary>
    public string ThroughOneConnection => OneConnection.ConnectionStringFor(Database);

    /// <summary>Gets the database through the PgBouncer with the default pool.</summary>
    public string ThroughPool => Pooled.ConnectionStringFor(Database);

    public async Task InitializeAsync()
    {
        Server = await EmbeddedPostgres.StartAsync();
        await TestServer.ExecuteAsync(Server.ConnectionString, $"CREATE DATABASE {Database}");
        await TestServer.ExecuteAsync(Direct, TestServer.HostTablesSql + TestServer.GenerateSchemaScript());
        OneConnection = await PgBouncer.StartAsync(Server, new PgBouncerOptions { DefaultPoolSize = 1 });
        Pooled = await PgBouncer.StartAsync(Server);
    }

    // Null-safe: a start that failed half-way leaves the rest to the watchdogs.
    public async Task DisposeAsync()
    {
        await (Pooled?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (OneConnection?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (Server?.DisposeAsync() ?? ValueTask.CompletedTask);
    }
}
