using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace MetricSets.Testing.PostgreSql;

/// <summary>
/// PgBouncer in transaction pooling mode on a free loopback port in front of an <see cref="EmbeddedPostgres"/>, for tests
/// of what a host does behind a transaction pooler; stopped and deleted on dispose, or by a watchdog once the server's
/// owning process is gone, however it ended.
/// </summary>
/// <remarks>
/// <para>
/// The program is the machine's own (Debian's <c>pgbouncer</c> package; <c>.ci/test.sh</c> installs it), found on the
/// PATH or in <c>/usr/sbin</c>. It runs as a daemon as the <c>postgres</c> OS user when the process is root (PgBouncer
/// refuses to run as root), with its configuration, log (<c>pgbouncer.log</c>) and pid file in
/// <see cref="RootDirectory"/>. It listens on 127.0.0.1 only, TCP only.
/// </para>
/// <para>
/// The configuration: <c>pool_mode = transaction</c>; one database entry, <c>*</c>, so that every database name a
/// client asks for is the same name on the server; <c>auth_type = trust</c> with an <c>auth_file</c> that names the
/// <c>postgres</c> user and <see cref="PgBouncerOptions.Users"/> (trust still requires the user to be listed); <c>admin_users = postgres</c> for the admin
/// console (<see cref="ShowAsync"/>); <c>default_pool_size</c> from <see cref="PgBouncerOptions"/>;
/// <c>max_client_conn = 500</c>; and <c>max_prepared_statements</c> left at its default: absent before 1.21 (Debian 12
/// has 1.18), 0 (off) in 1.21 to 1.23, 200 from 1.24 on. Without it PgBouncer cannot carry a protocol-level prepared
/// statement from one server connection to the next (see <see cref="ConnectionStringFor"/>). Npgsql sends no startup
/// parameter that PgBouncer does not track (<c>Application Name</c> passes), so <c>ignore_startup_parameters</c> stays
/// empty: a host's <c>Options</c> (<c>-c name=value</c>) is refused ("unsupported startup parameter: options") rather
/// than silently dropped.
/// </para>
/// <para>
/// What transaction pooling breaks (pgbouncer.org/features.html): a session-level <c>SET</c> stays on the server
/// connection and reaches whichever client gets it next, and so do <c>LISTEN</c>, <c>WITH HOLD</c> cursors, SQL
/// <c>PREPARE</c> and session advisory locks; <c>SET LOCAL</c> and <c>pg_advisory_xact_lock</c> are what works.
/// </para>
/// <para>
/// Next to PgBouncer runs the same watchdog as next to the server (owned by the server's owner): once that process is
/// gone it kills PgBouncer and deletes its directory. Disposal is idempotent; disposing the server does not stop
/// PgBouncer, which then fails its clients' connections. Linux only.
/// </para>
/// </remarks>
public sealed class PgBouncer : IAsyncDisposable
{
    private const string TempPrefix = "metricsets-pgbouncer-";
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    // Run by the watchdog: kills the process only while it is still this PgBouncer (its command line names the
    // configuration file), never a process that has since been given the same id.
    private const string StopScript = """[[ $(tr '\0' ' ' < "/proc/$1/cmdline") == *"$2"* ]] && kill -KILL "$1" """;

    private readonly OwnerProcess _process;
    private readonly StopOnce _stop;

    private PgBouncer(string rootDirectory, int port, OwnerProcess process, int watchdogProcessId)
    {
        RootDirectory = rootDirectory;
        Port = port;
        _process = process;
        WatchdogProcessId = watchdogProcessId;
        _stop = new StopOnce(Stop);
    }

    /// <summary>Gets the TCP port PgBouncer listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Gets the directory that holds PgBouncer's configuration (<c>pgbouncer.ini</c>), log and pid file.</summary>
    public string RootDirectory { get; }

    /// <summary>Gets the id of the PgBouncer process.</summary>
    public int ProcessId => _process.ProcessId;

    /// <summary>Gets the id of the watchdog that stops PgBouncer when the server's owner ends; it exits after disposal.</summary>
    public int WatchdogProcessId { get; }

    /// <summary>
    /// Runs a <c>SHOW</c> command on PgBouncer's admin console (database <c>pgbouncer</c>): <c>SHOW POOLS</c>,
    /// <c>SHOW SERVERS</c>, <c>SHOW CLIENTS</c>, <c>SHOW CONFIG</c>, <c>SHOW VERSION</c>.
    /// </summary>
    /// <remarks>
    /// The console speaks the simple query protocol only ("extended query protocol not supported by admin console"),
    /// and Npgsql sends every command through the extended one, so this runs PostgreSQL's <c>psql</c> (beside the server
    /// binaries) and reads its unaligned output.
    /// </remarks>
    /// <param name="what">What to show, e.g. <c>POOLS</c>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>One dictionary per row, from column name to value as text; NULL reads as an empty string.</returns>
    /// <exception cref="ObjectDisposedException">PgBouncer was disposed.</exception>
    /// <exception cref="InvalidOperationException">psql failed, e.g. on a command the console does not know.</exception>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> ShowAsync(string what, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        ObjectDisposedException.ThrowIf(_stop.HasRun, this);

        // Unaligned, fields and rows parted by the ASCII unit and record separators, which no value holds.
        var output = await Command.RunAsync(
            Path.Combine(EmbeddedPostgres.FindBinDirectory(), "psql"),
            [
                "-X", "-q", "-A", "-F", "\u001f", "-R", "\u001e", "-P", "footer=off",
                "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", EmbeddedPostgres.OsUser, "-d", "pgbouncer",
                "-c", $"SHOW {what}",
            ],
            asUser: null,
            cancellationToken).ConfigureAwait(false);
        var lines = output.TrimEnd('\n').Split('\u001e');
        var columns = lines[0].Split('\u001f');
        return lines.Skip(1)
            .Select(line => (IReadOnlyDictionary<string, string>)columns
                .Zip(line.Split('\u001f'))
                .ToDictionary(field => field.First, field => field.Second, StringComparer.Ordinal))
            .ToList();
    }

    /// <summary>
    /// Returns the connection string of <paramref name="database"/> through PgBouncer as the superuser, with the
    /// settings a host needs behind transaction pooling.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item><c>No Reset On Close=true</c>. With Npgsql's own pool on (as here), Npgsql resets a connection returned to
    /// its pool with <c>DISCARD ALL</c>, which "makes no sense" in transaction or statement mode: it would run on
    /// whichever server connection PgBouncer lends, another client's. The alternative is <c>Pooling=false</c>.
    /// (npgsql.org/doc/compatibility.html, "pgbouncer"; npgsql#1636 and #2221 were protocol errors it fixed.)</item>
    /// <item><c>Max Auto Prepare=0</c>, Npgsql's default, spelled out, and no <c>NpgsqlCommand.Prepare()</c>: Npgsql's
    /// prepared statements are persistent per physical connection (npgsql.org/doc/prepare.html), and behind transaction
    /// pooling that connection reaches a different server connection each transaction, where the statement does not
    /// exist, or where another client's statement of the same name (<c>_p1</c>) does. PgBouncer 1.21 and later can track
    /// protocol-level prepared statements (<c>max_prepared_statements</c> above 0, the default from 1.24; pgbouncer.org
    /// changelog); Debian 12's 1.18 cannot.</item>
    /// <item>No <c>Server Compatibility Mode</c>: it is for servers whose catalogs Npgsql cannot load types from
    /// (<c>NoTypeLoading</c>; npgsql.org/doc/connection-string-parameters.html), and obsolete in connection strings since
    /// Npgsql 9 in favour of <c>NpgsqlDataSourceBuilder.ConfigureTypeLoading</c> (npgsql.org/doc/release-notes/9.0.html).
    /// Behind PgBouncer PostgreSQL itself answers the type-loading queries. (PgBouncer's admin console is another
    /// matter: it refuses the extended protocol, so no Npgsql setting reaches it; see <see cref="ShowAsync"/>.)</item>
    /// </list>
    /// <c>Include Error Detail=true</c> is there for the tests' sake, as on <see cref="EmbeddedPostgres.ConnectionStringFor"/>.
    /// </remarks>
    /// <param name="database">The database name, the same on the server.</param>
    /// <returns>The connection string.</returns>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = EmbeddedPostgres.OsUser,
            Database = database,
            Pooling = true,
            NoResetOnClose = true,
            MaxAutoPrepare = 0,
            IncludeErrorDetail = true,
        }.ConnectionString;

    /// <summary>Starts PgBouncer in front of <paramref name="server"/> with the default options.</summary>
    /// <param name="server">The server PgBouncer pools connections to; its owner owns PgBouncer too.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running PgBouncer; dispose it to stop it and delete its files.</returns>
    /// <exception cref="InvalidOperationException">PgBouncer was not found, or did not start.</exception>
    public static Task<PgBouncer> StartAsync(EmbeddedPostgres server, CancellationToken cancellationToken = default) =>
        StartAsync(server, new PgBouncerOptions(), cancellationToken);

    /// <summary>Starts PgBouncer in front of <paramref name="server"/> as <paramref name="options"/> say.</summary>
    /// <param name="server">The server PgBouncer pools connections to; its owner owns PgBouncer too.</param>
    /// <param name="options">The pool size.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running PgBouncer; dispose it to stop it and delete its files.</returns>
    /// <exception cref="InvalidOperationException">PgBouncer was not found, or did not start.</exception>
    public static async Task<PgBouncer> StartAsync(EmbeddedPostgres server, PgBouncerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(options);
        var program = FindProgram();
        var root = Directory.CreateTempSubdirectory(TempPrefix).FullName;
        var configuration = Path.Combine(root, "pgbouncer.ini");
        try
        {
            var port = Loopback.FreePort();
            var users = options.Users.Prepend(EmbeddedPostgres.OsUser).Select(user => $"\"{user}\" \"\"\n");
            await File.WriteAllTextAsync(Path.Combine(root, "userlist.txt"), string.Concat(users), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(configuration, Configuration(root, port, server.Port, options), cancellationToken).ConfigureAwait(false);
            if (EmbeddedPostgres.ServerUser is not null)
            {
                await Command.RunAsync("chown", ["-R", EmbeddedPostgres.ServerUser, root], asUser: null, cancellationToken).ConfigureAwait(false);
            }

            // -d: PgBouncer reads its configuration, goes to the background with /dev/null for its standard streams,
            // and the command returns.
            await Command.RunAsync(program, ["-d", configuration], EmbeddedPostgres.ServerUser, cancellationToken).ConfigureAwait(false);
            var process = await WaitUntilListeningAsync(root, port, cancellationToken).ConfigureAwait(false);
            var watchdog = await Watchdog.StartAsync(
                server.Owner,
                lease: root,
                removeDirectory: root,
                ["bash", "-c", StopScript, "metricsets-pgbouncer-stop", process.ProcessId.ToString(CultureInfo.InvariantCulture), configuration],
                cancellationToken).ConfigureAwait(false);
            return new PgBouncer(root, port, process, watchdog);
        }
        catch
        {
            // Nothing watches a PgBouncer that failed half-way.
            if (ReadPidFile(root) is { } started && OsProcess.StartTime(started) is { } startTime)
            {
                Kill(new OwnerProcess(started, startTime));
            }

            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    /// <summary>Stops PgBouncer (SIGKILL: its clients' connections break) and deletes its directory.</summary>
    /// <remarks>
    /// SIGKILL because the gentler signals changed meaning in PgBouncer 1.23 (SIGTERM, an immediate shutdown before, now
    /// waits for every client to disconnect), and a throwaway PgBouncer has nothing to flush.
    /// </remarks>
    /// <returns>A task that completes when PgBouncer is gone.</returns>
    public ValueTask DisposeAsync()
    {
        _stop.Run();
        return ValueTask.CompletedTask;
    }

    private void Stop()
    {
        // The directory is the watchdog's lease, so it goes last.
        Kill(_process);
        Watchdog.DeleteDirectory(RootDirectory);
    }

    private static string Configuration(string root, int port, int serverPort, PgBouncerOptions options) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"""
            [databases]
            * = host=127.0.0.1 port={serverPort}

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {port}
            unix_socket_dir =
            auth_type = trust
            auth_file = {Path.Combine(root, "userlist.txt")}
            admin_users = {EmbeddedPostgres.OsUser}
            pool_mode = transaction
            default_pool_size = {options.DefaultPoolSize}
            max_client_conn = 500
            pidfile = {Path.Combine(root, "pgbouncer.pid")}
            logfile = {Path.Combine(root, "pgbouncer.log")}

            """);

    // The daemon writes its pid file, then listens; a daemon that fails after going to the background (its port taken
    // meanwhile, say) says why only in its log.
    private static async Task<OwnerProcess> WaitUntilListeningAsync(string root, int port, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartLimit;
        while (true)
        {
            var ended = false;
            if (ReadPidFile(root) is { } processId)
            {
                if (OsProcess.StartTime(processId) is not { } startTime)
                {
                    ended = true;
                }
                else if (Loopback.Accepts(port))
                {
                    return new OwnerProcess(processId, startTime);
                }
            }

            if (ended || DateTime.UtcNow > deadline)
            {
                var log = Path.Combine(root, "pgbouncer.log");
                throw new InvalidOperationException(
                    $"PgBouncer did not start listening on 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}; its log says: {(File.Exists(log) ? await File.ReadAllTextAsync(log, cancellationToken).ConfigureAwait(false) : "(no log)")}");
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    // The id in the pid file, or null when there is no such file yet (or it is still being written).
    private static int? ReadPidFile(string root)
    {
        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(root, "pgbouncer.pid")).Trim();
        }
        catch (IOException)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var processId) ? processId : null;
    }

    private static void Kill(OwnerProcess process)
    {
        if (OsProcess.StartTime(process.ProcessId) != process.StartTime)
        {
            return;
        }

        try
        {
            using var running = Process.GetProcessById(process.ProcessId);
            running.Kill();
        }
        catch (ArgumentException)
        {
            // Ended meanwhile.
        }

        var deadline = DateTime.UtcNow + StartLimit;
        while (OsProcess.IsRunning(process.ProcessId) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }
    }

    private static string FindProgram()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin")
            .Select(directory => Path.Combine(directory, "pgbouncer"));
        return candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            "PgBouncer not found on the PATH or in /usr/sbin: install it (Debian: apt-get install pgbouncer; .ci/test.sh does).");
    }
}
