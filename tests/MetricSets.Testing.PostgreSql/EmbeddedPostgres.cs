using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MetricSets.Testing.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL cluster: <c>initdb</c> into a temporary directory, <c>pg_ctl start</c> on a free loopback
/// port with durability switched off, and everything removed on dispose.
/// </summary>
/// <remarks>
/// <para>
/// The server binaries are found through <c>PG_BINDIR</c>, then <c>pg_config --bindir</c>, then the newest
/// <c>/usr/lib/postgresql/*/bin</c> (Debian keeps them off the PATH). PostgreSQL refuses to run as root, so when
/// the process is root the cluster is created and started as the <c>postgres</c> OS user through <c>runuser</c>.
/// </para>
/// <para>Authentication is <c>trust</c> on 127.0.0.1 only; the superuser is <c>postgres</c>.</para>
/// </remarks>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string OsUser = "postgres";
    private const string TempPrefix = "metricsets-pg-";

    // PostgreSQL refuses to run as root, so a root process runs initdb and pg_ctl as the postgres OS user.
    private static readonly bool RunAsPostgres = Environment.UserName == "root";
    private readonly string _binDirectory;
    private readonly string _rootDirectory;
    private readonly bool _keepFiles;
    private int _stopped;

    private EmbeddedPostgres(string binDirectory, string rootDirectory, int port, bool keepFiles)
    {
        _binDirectory = binDirectory;
        _rootDirectory = rootDirectory;
        _keepFiles = keepFiles;
        Port = port;
    }

    /// <summary>Gets the TCP port the server listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Gets the connection string of the <c>postgres</c> database as the superuser.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

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

    /// <summary>Creates and starts a new cluster in a temporary directory.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop the server and delete its files.</returns>
    /// <exception cref="InvalidOperationException">No PostgreSQL binaries were found, or initdb or pg_ctl failed.</exception>
    public static Task<EmbeddedPostgres> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(rootDirectory: null, cancellationToken);

    /// <summary>
    /// Starts the cluster kept in <paramref name="rootDirectory"/>, creating it on first use; its files survive
    /// <see cref="DisposeAsync"/>, so large data sets (benchmarks) are generated once. With <see langword="null"/>, a
    /// throwaway cluster in a temporary directory.
    /// </summary>
    /// <param name="rootDirectory">The directory that holds the cluster, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    /// <exception cref="InvalidOperationException">No PostgreSQL binaries were found, or initdb or pg_ctl failed.</exception>
    public static async Task<EmbeddedPostgres> StartAsync(string? rootDirectory, CancellationToken cancellationToken = default)
    {
        var binDirectory = FindBinDirectory();
        var keepFiles = rootDirectory is not null;
        DeleteAbandonedClusters();
        var root = rootDirectory is null ? Directory.CreateTempSubdirectory(TempPrefix).FullName : Directory.CreateDirectory(rootDirectory).FullName;
        if (RunAsPostgres)
        {
            await RunAsync("chown", ["-R", OsUser, root], asPostgres: false, cancellationToken).ConfigureAwait(false);
        }

        var dataDirectory = Path.Combine(root, "data");
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await RunAsync(
                Path.Combine(binDirectory, "initdb"),
                ["-D", dataDirectory, "-U", OsUser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"],
                RunAsPostgres,
                cancellationToken).ConfigureAwait(false);
        }

        var port = FreePort();
        var serverOptions = string.Join(
            ' ',
            $"-p {port.ToString(CultureInfo.InvariantCulture)}",
            "-c listen_addresses=127.0.0.1",
            $"-k {root}",
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "-c max_connections=200 -c shared_buffers=256MB");
        await RunAsync(
            Path.Combine(binDirectory, "pg_ctl"),
            ["-D", dataDirectory, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", serverOptions, "start"],
            RunAsPostgres,
            cancellationToken).ConfigureAwait(false);

        var server = new EmbeddedPostgres(binDirectory, root, port, keepFiles);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    /// <summary>Stops the server immediately and, for a throwaway cluster, deletes its directory.</summary>
    /// <returns>A task that completes when the server is gone.</returns>
    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            RunAsync(
                Path.Combine(_binDirectory, "pg_ctl"),
                ["-D", Path.Combine(_rootDirectory, "data"), "-m", "immediate", "-w", "stop"],
                RunAsPostgres,
                CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            if (!_keepFiles)
            {
                Directory.Delete(_rootDirectory, recursive: true);
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

    private static string FindBinDirectory()
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var argument in (string[])["-u", OsUser, "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");

        // pg_ctl's server inherits the pipes, so read stderr/stdout only until the process itself exits.
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }
}
