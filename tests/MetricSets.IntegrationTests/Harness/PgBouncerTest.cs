using MetricSets.Testing.PostgreSql;
using Npgsql;
using static MetricSets.IntegrationTests.Harness.ServerProbe;

namespace MetricSets.IntegrationTests.Harness;

/// <summary>
/// <see cref="PgBouncer"/>: queries pass through it, and it really pools by transaction. With one server connection in
/// the pool, two clients take turns on it: a session-level <c>SET</c> of one reaches the other, <c>SET LOCAL</c> does
/// not, and protocol-level prepared statements of two clients collide unless PgBouncer tracks them. And like the
/// servers, it is not left behind.
/// </summary>
public sealed class PgBouncerTest(PgBouncerFixture fixture) : IClassFixture<PgBouncerFixture>
{
    private string ThroughBouncer => fixture.Bouncer.ConnectionStringFor("postgres");

    [Fact]
    public async Task A_query_through_PgBouncer_reaches_the_server_and_a_transaction_keeps_one_server_connection()
    {
        Assert.Equal(fixture.Bouncer.Port, new NpgsqlConnectionStringBuilder(ThroughBouncer).Port);
        await using var connection = await OpenAsync(ThroughBouncer);

        Assert.Equal(fixture.Server.Port, await ScalarAsync<int>(connection, "SELECT inet_server_port()"));
        Assert.Equal(42, await ScalarAsync<int>(connection, "SELECT $1::int + 1", 41));
        await using var transaction = await connection.BeginTransactionAsync();
        var (backend, xid) = (await ScalarAsync<int>(connection, "SELECT pg_backend_pid()"), await ScalarAsync<long>(connection, "SELECT txid_current()"));
        Assert.Equal(backend, await ScalarAsync<int>(connection, "SELECT pg_backend_pid()"));
        Assert.Equal(xid, await ScalarAsync<long>(connection, "SELECT txid_current()"));
        await transaction.CommitAsync();
    }

    [Fact]
    public async Task Two_clients_take_turns_on_one_server_connection()
    {
        await using var first = await OpenAsync(ThroughBouncer);
        await using var second = await OpenAsync(ThroughBouncer);

        var backend = await ScalarAsync<int>(first, "SELECT pg_backend_pid()");

        Assert.Equal(backend, await ScalarAsync<int>(second, "SELECT pg_backend_pid()"));
        var servers = (await fixture.Bouncer.ShowAsync("SERVERS")).Where(row => row["database"] == "postgres").ToList();
        var clients = (await fixture.Bouncer.ShowAsync("CLIENTS")).Where(row => row["database"] == "postgres").ToList();
        Assert.Equal(backend.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(servers)["remote_pid"]);
        Assert.True(clients.Count >= 2, $"{clients.Count} client(s) of database postgres");
        Assert.Equal("transaction", Assert.Single(await fixture.Bouncer.ShowAsync("POOLS"), row => row["database"] == "postgres")["pool_mode"]);
    }

    [Fact]
    public async Task A_session_SET_leaks_to_another_client_and_SET_LOCAL_does_not()
    {
        await using var setter = await OpenAsync(ThroughBouncer);
        await using var other = await OpenAsync(ThroughBouncer);
        try
        {
            await ScalarAsync<object>(setter, "SET metricsets.session_marker = 'set by another client'");

            Assert.Equal("set by another client", await MarkerAsync(other, "session_marker"));

            await using (var transaction = await setter.BeginTransactionAsync())
            {
                await ScalarAsync<object>(setter, "SET LOCAL metricsets.transaction_marker = 'set by another client'");
                Assert.Equal("set by another client", await MarkerAsync(setter, "transaction_marker"));
                await transaction.CommitAsync();
            }

            Assert.Equal(string.Empty, await MarkerAsync(other, "transaction_marker"));
            Assert.Equal(await ScalarAsync<int>(setter, "SELECT pg_backend_pid()"), await ScalarAsync<int>(other, "SELECT pg_backend_pid()"));
        }
        finally
        {
            // The one server connection keeps whatever a session sets, for every later client.
            await ScalarAsync<object>(other, "RESET metricsets.session_marker");
        }
    }

    [Fact]
    public async Task Prepared_statements_of_two_clients_collide_unless_PgBouncer_tracks_them()
    {
        // PgBouncer 1.21 and later track protocol-level prepared statements when max_prepared_statements > 0; Debian
        // 12's 1.18 has no such setting. Unpooled clients, so that no connection that prepared anything is reused.
        var config = await fixture.Bouncer.ShowAsync("CONFIG");
        var tracked = config.SingleOrDefault(row => row["key"] == "max_prepared_statements") is { } setting && setting["value"] != "0";
        var unpooled = new NpgsqlConnectionStringBuilder(ThroughBouncer) { Pooling = false }.ConnectionString;
        await using var first = await OpenAsync(unpooled);
        await using var second = await OpenAsync(unpooled);
        try
        {
            Assert.Equal(1, await PreparedScalarAsync(first, "SELECT 1"));

            if (tracked)
            {
                Assert.Equal(2, await PreparedScalarAsync(second, "SELECT 2"));
            }
            else
            {
                // Each Npgsql connection names its first statement _p1, and both land on the same server connection.
                var error = await Assert.ThrowsAsync<PostgresException>(() => PreparedScalarAsync(second, "SELECT 2"));
                Assert.Equal(PostgresErrorCodes.DuplicatePreparedStatement, error.SqlState);
            }
        }
        finally
        {
            await ScalarAsync<object>(second, "DEALLOCATE ALL");
        }
    }

    [Fact]
    public async Task Disposing_stops_PgBouncer_and_deletes_its_directory_at_once_and_the_watchdog_then_exits()
    {
        var bouncer = await PgBouncer.StartAsync(fixture.Server);
        Assert.True(OsProcess.IsRunning(bouncer.WatchdogProcessId), "no watchdog runs beside PgBouncer");
        Assert.Equal(1, await SelectOneAsync(bouncer));

        await bouncer.DisposeAsync();

        Assert.False(Directory.Exists(bouncer.RootDirectory), $"{bouncer.RootDirectory} is still there after disposal");
        Assert.False(OsProcess.IsRunning(bouncer.ProcessId), $"PgBouncer {bouncer.ProcessId} still runs after disposal");
        Assert.True(RefusesConnections(bouncer.Port), $"port {bouncer.Port} still accepts connections after disposal");
        Assert.True(await WithinAsync(WatchdogLimit, () => !OsProcess.IsRunning(bouncer.WatchdogProcessId)), "the watchdog did not exit after disposal");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => bouncer.ShowAsync("POOLS"));
    }

    [Fact]
    public async Task A_PgBouncer_whose_owner_is_killed_is_stopped_and_deleted()
    {
        using var owner = StartOwner();
        await using var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { OwnerProcessId = owner.Id });
        await using var bouncer = await PgBouncer.StartAsync(server);
        Assert.Equal(1, await SelectOneAsync(bouncer));

        owner.Kill();

        Assert.True(await WithinAsync(WatchdogLimit, () => !Directory.Exists(bouncer.RootDirectory)), $"{bouncer.RootDirectory} is still there");
        Assert.True(await WithinAsync(WatchdogLimit, () => !Directory.Exists(server.RootDirectory)), $"{server.RootDirectory} is still there");
        Assert.True(await WithinAsync(WatchdogLimit, () => !OsProcess.IsRunning(bouncer.ProcessId)), $"PgBouncer {bouncer.ProcessId} still runs");
        Assert.True(RefusesConnections(bouncer.Port), $"port {bouncer.Port} still accepts connections");
        Assert.True(await WithinAsync(WatchdogLimit, () => !OsProcess.IsRunning(bouncer.WatchdogProcessId)), "the watchdog did not exit");
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    // Unpooled: the pool would keep a connection to a PgBouncer that the test then takes away.
    private static Task<int> SelectOneAsync(PgBouncer bouncer) =>
        ScalarAsync<int>(new NpgsqlConnectionStringBuilder(bouncer.ConnectionStringFor("postgres")) { Pooling = false }.ConnectionString, "SELECT 1");

    private static Task<string> MarkerAsync(NpgsqlConnection connection, string name) =>
        ScalarAsync<string>(connection, $"SELECT coalesce(current_setting('metricsets.{name}', true), '')");

    private static async Task<int> PreparedScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.PrepareAsync();
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
