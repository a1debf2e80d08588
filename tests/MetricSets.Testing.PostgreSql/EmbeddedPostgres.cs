using System.Globalization;
using Npgsql;

namespace MetricSets.Testing.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL cluster: <c>initdb</c> into a temporary directory, <c>pg_ctl start</c> on a free loopback
/// port with durability switched off, and everything removed on dispose, or by a watchdog once the owning process is
/// gone, however it ended.
/// </summary>
/// <remarks>
/// <para>
/// The server binaries are found through <c>PG_BINDIR</c>, then the newest <c>/usr/lib/postgresql/*/bin</c> (Debian
/// keeps them off the PATH), then the PATH. PostgreSQL refuses to run as root, so when
/// the process is root the cluster is created and started as the <c>postgres</c> OS user through <c>runuser</c>.
/// </para>
/// <para>
/// Next to every server it starts a detached watchdog (see <see cref="WatchdogProcessId"/>) that stops the server
/// with <c>pg_ctl stop -m immediate</c> and deletes a throwaway cluster's directory once the owner
/// (<see cref="EmbeddedPostgresOptions.OwnerProcessId"/>, by default the current process) has ended, even by SIGKILL.
/// After a normal <see cref="DisposeAsync"/> the watchdog exits by itself. Linux only (it reads <c>/proc</c>).
/// </para>
/// <para>
/// Authentication is <c>trust</c> on 127.0.0.1 only, for sessions and for replication (initdb's own
/// <c>pg_hba.conf</c> lines); the superuser is <c>postgres</c>. Every server is ready to be a primary
/// (<c>wal_level=replica</c>, <c>max_wal_senders</c>, <c>wal_keep_size</c>): see <see cref="StartStandbyAsync"/>.
/// Disposal is idempotent, so the process-exit handler and an explicit dispose may both run.
/// </para>
/// </remarks>
public sealed partial class EmbeddedPostgres : IAsyncDisposable
{
    /// <summary>The superuser, and the OS user that runs the servers when the current process is root.</summary>
    internal const string OsUser = "postgres";

    private const string TempPrefix = "metricsets-pg-";

    // PostgreSQL refuses to run as root, so a root process runs initdb and pg_ctl as the postgres OS user.
    internal static readonly string? ServerUser = Environment.UserName == "root" ? OsUser : null;
    private readonly string _binDirectory;
    private readonly string _lease;
    private readonly bool _keepFiles;
    private readonly string _serverOptions;
    private readonly EmbeddedPostgres? _primary;
    private readonly StopOnce _stop;

    private EmbeddedPostgres(ClusterPlace place, string lease, int port, string serverOptions, EmbeddedPostgres? primary, int watchdogProcessId)
    {
        _binDirectory = place.BinDirectory;
        RootDirectory = place.Root;
        _keepFiles = place.KeepFiles;
        Owner = place.Owner;
        _lease = lease;
        _serverOptions = serverOptions;
        _primary = primary;
        Port = port;
        WatchdogProcessId = watchdogProcessId;
        _stop = new StopOnce(Stop);
    }

    /// <summary>Gets the TCP port the server listens on, on 127.0.0.1; it survives <see cref="RestartAsync"/>.</summary>
    public int Port { get; }

    /// <summary>Gets the directory that holds the cluster: its data directory (<c>data</c>) and its log (<c>server.log</c>).</summary>
    public string RootDirectory { get; }

    /// <summary>Gets the id of the watchdog that stops the server when its owner ends; it exits after disposal.</summary>
    public int WatchdogProcessId { get; }

    /// <summary>Gets the process whose end stops this server, so that what runs beside it (a standby, a PgBouncer) ends with it.</summary>
    internal OwnerProcess Owner { get; }

    /// <summary>Gets the connection string of the <c>postgres</c> database as the superuser.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    private string DataDirectory => Path.Combine(RootDirectory, "data");

    private string PgCtl => Path.Combine(_binDirectory, "pg_ctl");

    private string LogFile => Path.Combine(RootDirectory, "server.log");

    /// <summary>Returns the connection string of <paramref name="database"/> as the superuser.</summary>
    /// <param name="database">The database name.</param>
    /// <returns>The connection string.</returns>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = OsUser,
            Database = database,
            Pooling = true,
            IncludeErrorDetail = true,
        }.ConnectionString;

    /// <summary>Creates and starts a throwaway cluster in a temporary directory, owned by the current process.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop the server and delete its files.</returns>
    /// <exception cref="InvalidOperationException">No PostgreSQL binaries were found, or initdb or pg_ctl failed.</exception>
    public static Task<EmbeddedPostgres> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(new EmbeddedPostgresOptions(), cancellationToken);

    /// <summary>Starts a cluster as <paramref name="options"/> say: throwaway or kept, owned by this or another process.</summary>
    /// <param name="options">Where the cluster lives and which process owns it.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop it (and delete a throwaway cluster's files).</returns>
    /// <exception cref="ArgumentException">The owner process is not running.</exception>
    /// <exception cref="InvalidOperationException">No PostgreSQL binaries were found, or initdb or pg_ctl failed.</exception>
    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ownerProcessId = options.OwnerProcessId ?? Environment.ProcessId;
        var ownerStartTime = OsProcess.StartTime(ownerProcessId) ?? throw new ArgumentException(
            $"The owner process {ownerProcessId.ToString(CultureInfo.InvariantCulture)} is not running.", nameof(options));
        var keepFiles = options.KeptDirectory is not null;
        var binDirectory = FindBinDirectory();
        DeleteAbandonedClusters();
        var root = keepFiles ? Directory.CreateDirectory(options.KeptDirectory!).FullName : Directory.CreateTempSubdirectory(TempPrefix).FullName;
        var place = new ClusterPlace(binDirectory, root, keepFiles, new OwnerProcess(ownerProcessId, ownerStartTime));
        return await StartInAsync(place, primary: null, cancellationToken).ConfigureAwait(false);
    }

    // Creates the cluster in place.Root when it has none (initdb, or a base backup of primary), starts it and its
    // watchdog; on failure it undoes what was done.
    private static async Task<EmbeddedPostgres> StartInAsync(ClusterPlace place, EmbeddedPostgres? primary, CancellationToken cancellationToken)
    {
        try
        {
            return await CreateAndStartAsync(place, primary, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Nothing watches a cluster that failed half-way (say, its watchdog did not start): undo what was done,
            // and let the first failure be the one reported.
            try
            {
                StopServer(place.BinDirectory, Path.Combine(place.Root, "data"));
            }
            catch (InvalidOperationException)
            {
            }

            if (!place.KeepFiles)
            {
                Directory.Delete(place.Root, recursive: true);
            }

            throw;
        }
    }

    private static async Task<EmbeddedPostgres> CreateAndStartAsync(ClusterPlace place, EmbeddedPostgres? primary, CancellationToken cancellationToken)
    {
        var root = place.Root;
        if (ServerUser is not null)
        {
            await Command.RunAsync("chown", ["-R", ServerUser, root], asUser: null, cancellationToken).ConfigureAwait(false);
        }

        var dataDirectory = Path.Combine(root, "data");
        if (primary is not null)
        {
            await BaseBackupAsync(place.BinDirectory, primary, dataDirectory, cancellationToken).ConfigureAwait(false);
        }
        else if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await Command.RunAsync(
                Path.Combine(place.BinDirectory, "initdb"),
                ["-D", dataDirectory, "-U", OsUser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"],
                ServerUser,
                cancellationToken).ConfigureAwait(false);
        }

        var pgCtl = Path.Combine(place.BinDirectory, "pg_ctl");
        var (port, serverOptions) = await StartOnFreePortAsync(pgCtl, dataDirectory, root, cancellationToken).ConfigureAwait(false);

        // A throwaway cluster's lease is its directory, which only disposal removes (last); a kept cluster's is a file
        // of its own, removed once the server is stopped.
        var lease = root;
        if (place.KeepFiles)
        {
            lease = Path.Combine(root, $"watchdog-{Guid.NewGuid():N}.lease");
            await File.WriteAllTextAsync(lease, place.Owner.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }

        var watchdog = await Watchdog.StartAsync(
            place.Owner,
            lease,
            place.KeepFiles ? null : root,
            Command.Line(pgCtl, ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], ServerUser),
            cancellationToken).ConfigureAwait(false);
        return new EmbeddedPostgres(place, lease, port, serverOptions, primary, watchdog);
    }

    // Starts the server on a port that was free a moment ago. Another cluster of the same test run can take that port in
    // between (the suite starts and restarts many at once), so a start that failed to bind is tried again on another port;
    // any other failure is reported with the end of the server's log.
    private static async Task<(int Port, string ServerOptions)> StartOnFreePortAsync(string pgCtl, string dataDirectory, string root, CancellationToken cancellationToken)
    {
        var log = Path.Combine(root, "server.log");
        for (var attempt = 1; ; attempt++)
        {
            // A standby needs max_connections and max_wal_senders no lower than its primary's, so every server gets the
            // same settings. hot_standby matters only where standby.signal exists.
            var port = Loopback.FreePort();
            var serverOptions = string.Join(
                ' ',
                $"-p {port.ToString(CultureInfo.InvariantCulture)}",
                "-c listen_addresses=127.0.0.1",
                $"-k {root}",
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                "-c max_connections=200 -c shared_buffers=256MB",
                ReplicationOptions);
            try
            {
                await Command.RunAsync(pgCtl, ["-D", dataDirectory, "-l", log, "-w", "-t", "60", "-o", serverOptions, "start"], ServerUser, cancellationToken)
                    .ConfigureAwait(false);
                return (port, serverOptions);
            }
            catch (InvalidOperationException failure)
            {
                var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log, cancellationToken).ConfigureAwait(false) : string.Empty;
                if (attempt < 3 && serverLog.Contains("could not bind", StringComparison.Ordinal))
                {
                    File.Delete(log);
                    continue;
                }

                throw new InvalidOperationException($"{failure.Message}{Environment.NewLine}The end of the server's log:{Environment.NewLine}{serverLog[^Math.Min(serverLog.Length, 2000)..]}", failure);
            }
        }
    }

    /// <summary>
    /// Restarts the server at once (<c>pg_ctl restart -m immediate</c>, as after a crash) on the same port, so
    /// connection strings stay valid; for tests of what a host does when the database goes away.
    /// </summary>
    /// <remarks>
    /// Every session is cut without a goodbye: an open connection fails on its next command, and so does an idle
    /// pooled one (Npgsql notices only when it is used). Returns when the server accepts connections again.
    /// </remarks>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the server is up again.</returns>
    /// <exception cref="ObjectDisposedException">The server was disposed.</exception>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_stop.HasRun, this);

        // pg_ctl restart reuses the options of the last start (postmaster.opts), port included; -l keeps the server's
        // output out of our pipes.
        await Command.RunAsync(
            PgCtl, ["-D", DataDirectory, "-l", LogFile, "-m", "immediate", "-w", "-t", "60", "restart"], ServerUser, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Stops the server at once (<c>pg_ctl stop -m immediate</c>, as in a crash) and leaves it down, files and watchdog
    /// kept, until <see cref="StartAgainAsync"/>: for tests of what a host does while a server (a standby, say) is down.
    /// </summary>
    /// <remarks>
    /// Every session is cut. Npgsql notices only when it uses a connection, so an idle pooled one to this server fails on
    /// its next command, and a new one is refused (<c>Host Recheck Seconds</c> then marks the host offline in a multi-host
    /// data source). Disposing a stopped server just deletes it.
    /// </remarks>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the server is down.</returns>
    /// <exception cref="ObjectDisposedException">The server was disposed.</exception>
    /// <exception cref="InvalidOperationException">The server is not running.</exception>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_stop.HasRun, this);
        await Command.RunAsync(PgCtl, ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], ServerUser, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a server that <see cref="StopAsync"/> took down, with the settings and on the port it had, so connection
    /// strings stay valid; a standby reconnects to its primary and catches up.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the server accepts connections again.</returns>
    /// <exception cref="ObjectDisposedException">The server was disposed.</exception>
    /// <exception cref="InvalidOperationException">The server is running, or its port has been taken meanwhile.</exception>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_stop.HasRun, this);
        await Command.RunAsync(
            PgCtl, ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", _serverOptions, "start"], ServerUser, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Stops the server immediately and, for a throwaway cluster, deletes its directory.</summary>
    /// <returns>A task that completes when the server is gone.</returns>
    public ValueTask DisposeAsync()
    {
        _stop.Run();
        return ValueTask.CompletedTask;
    }

    private void Stop()
    {
        // The watchdog acts only while the lease exists, so the lease goes last: if this process dies half-way (an exit
        // handler cut short), the watchdog finishes the job. The watchdog may also have done it all already, when the
        // owner was another process that has ended.
        StopServer(_binDirectory, DataDirectory);
        if (!_keepFiles)
        {
            Watchdog.DeleteDirectory(RootDirectory);
        }

        if (_keepFiles)
        {
            File.Delete(_lease);
        }
    }

    private static void StopServer(string binDirectory, string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (File.Exists(pidFile))
        {
            try
            {
                Command.RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], ServerUser, CancellationToken.None)
                    .GetAwaiter().GetResult();
            }
            catch (InvalidOperationException) when (!File.Exists(pidFile))
            {
                // The watchdog stopped it meanwhile: its owner was another process, which has ended.
            }
        }
    }

    // A process killed before its exit handler finished leaves its stopped cluster behind; collect those that are old
    // and have no running server (no postmaster.pid), never one that another process may still be creating.
    private static void DeleteAbandonedClusters()
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), TempPrefix + "*"))
        {
            try
            {
                if (Directory.GetLastWriteTimeUtc(directory) < DateTime.UtcNow.AddMinutes(-30)
                    && !File.Exists(Path.Combine(directory, "data", "postmaster.pid")))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
            catch (IOException)
            {
                // Another process is cleaning up the same directory.
            }
            catch (UnauthorizedAccessException)
            {
                // Someone else's cluster.
            }
        }
    }

    /// <summary>Returns the directory of the server binaries (and psql): PG_BINDIR, Debian's newest, or the PATH's.</summary>
    /// <returns>The directory.</returns>
    /// <exception cref="InvalidOperationException">No PostgreSQL binaries were found.</exception>
    internal static string FindBinDirectory()
    {
        static bool HasServer(string? directory) => directory is not null && File.Exists(Path.Combine(directory, "pg_ctl"));

        var fromEnvironment = Environment.GetEnvironmentVariable("PG_BINDIR");
        if (HasServer(fromEnvironment))
        {
            return fromEnvironment!;
        }

        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(HasServer)
                .OrderByDescending(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(path)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        if (debian is not null)
        {
            return debian;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(directory => HasServer(directory) && File.Exists(Path.Combine(directory, "initdb")));
        return onPath ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries found: install PostgreSQL (Debian: apt-get install postgresql), set PG_BINDIR to the directory holding pg_ctl and initdb, or set METRICSETS_TEST_CONNECTION to use an existing server.");
    }

    // Where a cluster lives, from which binaries, and who owns it.
    private sealed record ClusterPlace(string BinDirectory, string Root, bool KeepFiles, OwnerProcess Owner);
}
