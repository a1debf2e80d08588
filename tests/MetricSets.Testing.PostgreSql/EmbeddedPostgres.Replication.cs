using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace MetricSets.Testing.PostgreSql;

/// <summary>Streaming replication: a hot standby of a throwaway server, and the means to make it lag or take it down.</summary>
public sealed partial class EmbeddedPostgres
{
    // What a primary needs for pg_basebackup and a standby's WAL receiver (PostgreSQL 15's defaults, spelled out so a
    // differently built server agrees), WAL kept for a standby that was down across a checkpoint, and queries on a standby.
    private const string ReplicationOptions = "-c wal_level=replica -c max_wal_senders=10 -c wal_keep_size=128MB -c hot_standby=on";

    private const string HarnessApplicationName = "metricsets-harness";
    private static readonly TimeSpan ReplayPollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Gets whether this server is a hot standby started by <see cref="StartStandbyAsync"/>.</summary>
    public bool IsStandby => _primary is not null;

    /// <summary>
    /// Starts a hot standby of this server: <c>pg_basebackup -R -X stream</c> into a new throwaway directory, started on a
    /// free loopback port. It answers reads and refuses writes (SQLSTATE 25006, <c>read_only_sql_transaction</c>).
    /// </summary>
    /// <remarks>
    /// <para>
    /// The standby is an <see cref="EmbeddedPostgres"/> like any other, under the same guarantees: it has its own
    /// watchdog, is owned by the process that owns this server, and disposing it stops it and deletes its directory.
    /// Disposing the primary leaves its standbys running (a standby outlives its primary, as it would in production);
    /// dispose each. A standby of a kept cluster is still throwaway. Takes about a second on a small cluster.
    /// </para>
    /// <para>
    /// Replication is asynchronous. The harness's servers run with <c>synchronous_commit=off</c> and no
    /// <c>synchronous_standby_names</c>, so a commit on the primary returns before its WAL is even flushed, let alone
    /// sent: a read on the standby right after it may not see it (usually well under a second of lag). A test that needs
    /// a known state uses <see cref="WaitForReplayAsync"/>, or <see cref="PauseReplayAsync"/> for a standby that
    /// certainly lags. (<c>synchronous_commit=remote_apply</c> would make a commit wait until the standby has applied
    /// it, "visible to queries", but only for standbys named in <c>synchronous_standby_names</c>, which the harness
    /// leaves empty: with it, a standby that is down blocks every such commit.)
    /// </para>
    /// <para>
    /// A host reaches both servers through one multi-host connection string,
    /// <c>Host=127.0.0.1:{primary.Port},127.0.0.1:{standby.Port}</c>, with <c>Target Session Attributes=prefer-standby</c>
    /// for reads (the standby while it is up, else the primary) and <c>primary</c> or <c>read-write</c> for writes; or
    /// one data source (<c>NpgsqlDataSourceBuilder.BuildMultiHost()</c>) and <c>WithTargetSession(...)</c> per use.
    /// Npgsql learns each host's role from <c>pg_is_in_recovery()</c> and keeps it for <c>Host Recheck Seconds</c>
    /// (10 by default); it never retries a failed command on another host.
    /// (npgsql.org/doc/failover-and-load-balancing.html)
    /// </para>
    /// <para>
    /// Read-your-writes by position, as GitLab's load balancer does: after a write, take the primary's WAL position and
    /// read from a standby only while its <c>pg_last_wal_replay_lsn()</c> is at or past it. Under
    /// <c>synchronous_commit=off</c>, <c>pg_current_wal_lsn()</c> (the position written so far) may still be short of
    /// a commit that has returned, which would send a read to a standby that lacks the write; take
    /// <c>pg_current_wal_insert_lsn()</c> instead, or commit with <c>SET LOCAL synchronous_commit = local</c> first.
    /// </para>
    /// </remarks>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running standby; dispose it to stop it and delete its files.</returns>
    /// <exception cref="ObjectDisposedException">This server was disposed.</exception>
    /// <exception cref="InvalidOperationException">pg_basebackup or pg_ctl failed.</exception>
    public async Task<EmbeddedPostgres> StartStandbyAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_stop.HasRun, this);
        var root = Directory.CreateTempSubdirectory(TempPrefix).FullName;
        var place = new ClusterPlace(_binDirectory, root, KeepFiles: false, Owner);
        return await StartInAsync(place, primary: this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Pauses WAL replay on this standby (<c>pg_wal_replay_pause()</c>) and waits until it has stopped: it keeps
    /// receiving WAL but applies none, so what the primary commits from now on stays invisible here until
    /// <see cref="ResumeReplayAsync"/>. A standby that lags on purpose.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when replay is paused.</returns>
    /// <exception cref="InvalidOperationException">This server is not a standby.</exception>
    /// <exception cref="TimeoutException">Replay did not pause within 30 seconds.</exception>
    public async Task PauseReplayAsync(CancellationToken cancellationToken = default)
    {
        EnsureStandby();
        await QueryAsync(ConnectionString, "SELECT pg_wal_replay_pause()", cancellationToken).ConfigureAwait(false);

        // pg_wal_replay_pause() only asks; the startup process stops before the next record, and only then does the
        // state read 'paused'.
        await PollAsync(
            async () => (string)(await QueryAsync(ConnectionString, "SELECT pg_get_wal_replay_pause_state()", cancellationToken).ConfigureAwait(false))! == "paused",
            TimeSpan.FromSeconds(30),
            "WAL replay to pause",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resumes WAL replay on this standby (<c>pg_wal_replay_resume()</c>); it then catches up on its own.</summary>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>A task that completes when replay has been told to resume.</returns>
    /// <exception cref="InvalidOperationException">This server is not a standby.</exception>
    public async Task ResumeReplayAsync(CancellationToken cancellationToken = default)
    {
        EnsureStandby();
        await QueryAsync(ConnectionString, "SELECT pg_wal_replay_resume()", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until this standby has applied everything committed on its primary so far: what the primary's sessions
    /// committed before the call is then visible here.
    /// </summary>
    /// <remarks>
    /// It commits a transaction of its own on the primary with <c>synchronous_commit = local</c>, which flushes all WAL
    /// before it (the harness's other commits are asynchronous), takes <c>pg_current_wal_flush_lsn()</c>, and polls the
    /// standby every 20 ms until <c>pg_last_wal_replay_lsn()</c> reaches it.
    /// </remarks>
    /// <param name="timeout">How long to wait; 30 seconds when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the standby has caught up.</returns>
    /// <exception cref="InvalidOperationException">This server is not a standby, or its replay is paused.</exception>
    /// <exception cref="TimeoutException">The standby did not catch up in time.</exception>
    public async Task WaitForReplayAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        EnsureStandby();
        var target = await PrimaryFlushPositionAsync(_primary!.ConnectionString, cancellationToken).ConfigureAwait(false);
        await PollAsync(
            async () =>
            {
                var (replayed, pauseState) = await ReplayStateAsync(target, cancellationToken).ConfigureAwait(false);
                if (!replayed && pauseState != "not paused")
                {
                    throw new InvalidOperationException(
                        $"WAL replay on the standby at port {Port.ToString(CultureInfo.InvariantCulture)} is {pauseState}: resume it (ResumeReplayAsync) before waiting for it.");
                }

                return replayed;
            },
            timeout ?? TimeSpan.FromSeconds(30),
            $"the standby to replay the primary's WAL up to {target}",
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<NpgsqlLogSequenceNumber> PrimaryFlushPositionAsync(string primaryConnectionString, CancellationToken cancellationToken)
    {
        // A transaction that writes WAL (a transactional logical-decoding message, which nothing decodes here) commits
        // synchronously under synchronous_commit = local, flushing its commit record and all WAL before it; a
        // transaction that wrote no WAL would commit asynchronously whatever the setting.
        await using var connection = await OpenHarnessConnectionAsync(primaryConnectionString, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SET synchronous_commit = local; SELECT pg_logical_emit_message(true, 'metricsets-harness', 'wait for replay')", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using var position = new NpgsqlCommand("SELECT pg_current_wal_flush_lsn()", connection);
        return (NpgsqlLogSequenceNumber)(await position.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private async Task<(bool Replayed, string PauseState)> ReplayStateAsync(NpgsqlLogSequenceNumber target, CancellationToken cancellationToken)
    {
        await using var connection = await OpenHarnessConnectionAsync(ConnectionString, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT pg_last_wal_replay_lsn() >= $1, pg_get_wal_replay_pause_state()", connection)
        {
            Parameters = { new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.PgLsn, Value = target } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetBoolean(0), reader.GetString(1));
    }

    private void EnsureStandby()
    {
        ObjectDisposedException.ThrowIf(_stop.HasRun, this);
        if (_primary is null)
        {
            throw new InvalidOperationException(
                $"The server at port {Port.ToString(CultureInfo.InvariantCulture)} is not a standby; start one with StartStandbyAsync.");
        }
    }

    private static async Task BaseBackupAsync(string binDirectory, EmbeddedPostgres primary, string dataDirectory, CancellationToken cancellationToken)
    {
        // -R writes standby.signal and primary_conninfo; -X stream copies the WAL written during the backup over a second
        // connection, so the copy is consistent on its own; -c fast checkpoints at once rather than spread out.
        await Command.RunAsync(
            Path.Combine(binDirectory, "pg_basebackup"),
            [
                "-h", "127.0.0.1", "-p", primary.Port.ToString(CultureInfo.InvariantCulture), "-U", OsUser,
                "-D", dataDirectory, "-R", "-X", "stream", "-c", "fast", "--no-sync",
            ],
            ServerUser,
            cancellationToken).ConfigureAwait(false);
    }

    // The harness's own sessions stay out of the pools: a pooled connection to a server that a test then stops would
    // fail whoever borrows it next.
    private static async Task<NpgsqlConnection> OpenHarnessConnectionAsync(string connectionString, CancellationToken cancellationToken)
    {
        var own = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = HarnessApplicationName };
        var connection = new NpgsqlConnection(own.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<object?> QueryAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenHarnessConnectionAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task PollAsync(Func<Task<bool>> condition, TimeSpan limit, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition().ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s for {what}.");
            }

            await Task.Delay(ReplayPollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
