using MetricSets.Testing.PostgreSql;
using Npgsql;
using static MetricSets.IntegrationTests.Harness.ServerProbe;

namespace MetricSets.IntegrationTests.Harness;

/// <summary>
/// <see cref="EmbeddedPostgres.StartStandbyAsync"/>: a hot standby that follows its primary, lags on purpose while its
/// replay is paused, refuses writes, and is told apart from the primary by Npgsql's target session attributes; taken
/// down (<see cref="EmbeddedPostgres.StopAsync"/>) it leaves prefer-standby reads to the primary, and brought back
/// (<see cref="EmbeddedPostgres.StartAgainAsync"/>) it catches up. One primary and standby for the class (tests that
/// take a standby away start one of their own from the same primary); each test writes rows of its own.
/// </summary>
public sealed class EmbeddedPostgresStandbyTest(StandbyFixture servers) : IClassFixture<StandbyFixture>
{
    private static int _nextId;

    [Fact]
    public async Task A_row_inserted_on_the_primary_becomes_visible_on_the_standby()
    {
        var id = NextId();

        await InsertAsync(servers.Primary, id);

        Assert.True(await WithinAsync(TimeSpan.FromSeconds(10), async () => await CountOnStandbyAsync(id) == 1), "the row never reached the standby");
    }

    [Fact]
    public async Task After_waiting_for_replay_the_standby_sees_every_commit_of_the_primary()
    {
        // Asynchronous commits, each read at once after the wait: the wait must cover what is not yet flushed.
        for (var round = 0; round < 20; round++)
        {
            var id = NextId();
            await InsertAsync(servers.Primary, id);

            await servers.Standby.WaitForReplayAsync();

            Assert.Equal(1, await CountOnStandbyAsync(id));
        }
    }

    [Fact]
    public async Task While_replay_is_paused_a_row_received_by_the_standby_stays_invisible_until_replay_resumes()
    {
        var id = NextId();
        await servers.Standby.PauseReplayAsync();
        try
        {
            await using var primary = new NpgsqlConnection(servers.Primary.ConnectionString);
            await primary.OpenAsync();
            await ScalarAsync<object>(primary, "SET synchronous_commit = local");
            await ScalarAsync<int>(primary, "INSERT INTO notes VALUES ($1, 'paused') RETURNING id", id);
            var written = await ScalarAsync<string>(primary, "SELECT pg_current_wal_flush_lsn()::text");

            // The standby has the WAL (received) but has not applied it: lagging, not merely slow.
            Assert.True(
                await WithinAsync(TimeSpan.FromSeconds(10), async () => await ScalarAsync<bool>(servers.Standby.ConnectionString, "SELECT pg_last_wal_receive_lsn() >= $1::pg_lsn", written)),
                "the standby never received the WAL");
            Assert.False(await ScalarAsync<bool>(servers.Standby.ConnectionString, "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn", written));
            Assert.Equal(0, await CountOnStandbyAsync(id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => servers.Standby.WaitForReplayAsync());

            await servers.Standby.ResumeReplayAsync();

            await servers.Standby.WaitForReplayAsync();
            Assert.Equal(1, await CountOnStandbyAsync(id));
        }
        finally
        {
            await servers.Standby.ResumeReplayAsync();
        }
    }

    [Fact]
    public async Task The_standby_is_in_recovery_and_refuses_writes_with_25006()
    {
        Assert.True(servers.Standby.IsStandby);
        Assert.False(servers.Primary.IsStandby);
        Assert.True(await ScalarAsync<bool>(servers.Standby.ConnectionString, "SELECT pg_is_in_recovery()"));
        Assert.False(await ScalarAsync<bool>(servers.Primary.ConnectionString, "SELECT pg_is_in_recovery()"));

        var error = await Assert.ThrowsAsync<PostgresException>(() => InsertAsync(servers.Standby, NextId()));

        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, error.SqlState);
    }

    [Fact]
    public async Task Replay_controls_are_refused_on_a_primary()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => servers.Primary.PauseReplayAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => servers.Primary.ResumeReplayAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => servers.Primary.WaitForReplayAsync());
    }

    [Fact]
    public async Task Prefer_standby_reads_reach_the_standby_and_primary_writes_reach_the_primary_from_one_host_list()
    {
        // The primary is listed first: the target session attribute, not the order, picks the server.
        var reads = new NpgsqlConnectionStringBuilder(servers.BothHosts) { TargetSessionAttributes = "prefer-standby" }.ConnectionString;
        var writes = new NpgsqlConnectionStringBuilder(servers.BothHosts) { TargetSessionAttributes = "primary" }.ConnectionString;
        var id = NextId();

        Assert.Equal(servers.Primary.Port, await ScalarAsync<int>(writes, "INSERT INTO notes VALUES ($1, 'routed') RETURNING inet_server_port()", id));
        Assert.Equal(servers.Standby.Port, await ScalarAsync<int>(reads, "SELECT inet_server_port()"));

        await servers.Standby.WaitForReplayAsync();
        Assert.Equal(1L, await ScalarAsync<long>(reads, "SELECT count(*) FROM notes WHERE id = $1", id));
    }

    [Fact]
    public async Task A_multi_host_data_source_sends_each_target_session_to_its_server()
    {
        await using var dataSource = new NpgsqlDataSourceBuilder(servers.BothHosts).BuildMultiHost();
        var preferStandby = dataSource.WithTargetSession(TargetSessionAttributes.PreferStandby);
        var primary = dataSource.WithTargetSession(TargetSessionAttributes.Primary);
        var readWrite = dataSource.WithTargetSession(TargetSessionAttributes.ReadWrite);

        Assert.Equal(servers.Standby.Port, await ServerPortAsync(preferStandby));
        Assert.Equal(servers.Primary.Port, await ServerPortAsync(primary));
        Assert.Equal(servers.Primary.Port, await ServerPortAsync(readWrite));
    }

    [Fact]
    public async Task Prefer_standby_falls_back_to_the_primary_while_the_standby_is_down_and_returns_when_it_is_back()
    {
        // A standby of its own, since the test takes it away.
        await using var standby = await servers.Primary.StartStandbyAsync();
        var id = NextId();

        // Unpooled, so no idle connection to the standby outlives it (one would fail on its next use); host states are
        // rechecked after a second rather than Npgsql's default 10.
        var reads = new NpgsqlConnectionStringBuilder(StandbyFixture.BothHostsFor(servers.Primary, standby))
        {
            TargetSessionAttributes = "prefer-standby",
            Pooling = false,
            HostRecheckSeconds = 1,
        }.ConnectionString;
        Assert.Equal(standby.Port, await ScalarAsync<int>(reads, "SELECT inet_server_port()"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => standby.StartAgainAsync());

        await standby.StopAsync();

        Assert.True(RefusesConnections(standby.Port), "the stopped standby still accepts connections");
        await Assert.ThrowsAsync<InvalidOperationException>(() => standby.StopAsync());
        Assert.Equal(servers.Primary.Port, await ScalarAsync<int>(reads, "SELECT inet_server_port()"));
        Assert.False(await ScalarAsync<bool>(reads, "SELECT pg_is_in_recovery()"));
        await InsertAsync(servers.Primary, id);

        await standby.StartAgainAsync();

        Assert.True(
            await WithinAsync(TimeSpan.FromSeconds(10), async () => await ScalarAsync<int>(reads, "SELECT inet_server_port()") == standby.Port),
            "reads did not return to the standby once it was back");
        await standby.WaitForReplayAsync();
        Assert.Equal(1L, await ScalarAsync<long>(standby.ConnectionString, "SELECT count(*) FROM notes WHERE id = $1", id));
    }

    [Fact]
    public async Task Disposing_a_standby_stops_and_deletes_it_at_once_and_leaves_its_primary_running()
    {
        var standby = await servers.Primary.StartStandbyAsync();
        var postmaster = PostmasterId(standby);

        await standby.DisposeAsync();

        await AssertDisposedAsync(standby, postmaster);
        Assert.Equal(1, await ScalarAsync<int>(servers.Primary.ConnectionString, "SELECT 1"));
    }

    private static int NextId() => Interlocked.Increment(ref _nextId);

    private static Task InsertAsync(EmbeddedPostgres server, int id) =>
        ExecuteAsync(server.ConnectionString, "INSERT INTO notes VALUES ($1, 'note')", id);

    private Task<long> CountOnStandbyAsync(int id) =>
        ScalarAsync<long>(servers.Standby.ConnectionString, "SELECT count(*) FROM notes WHERE id = $1", id);

    private static async Task<int> ServerPortAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await ScalarAsync<int>(connection, "SELECT inet_server_port()");
    }
}
