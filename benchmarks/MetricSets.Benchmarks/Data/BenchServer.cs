using MetricSets.Testing.PostgreSql;
using Npgsql;

namespace MetricSets.Benchmarks.Data;

/// <summary>
/// The PostgreSQL server the benchmarks use: <c>METRICSETS_BENCH_CONNECTION</c> when set, otherwise a cluster kept in
/// <c>METRICSETS_BENCH_DIR</c> (default <c>$HOME/.cache/metricsets-bench</c>; <c>/var/tmp/metricsets-bench</c> when
/// running as root, because the cluster then runs as the postgres OS user, who cannot enter /root).
/// </summary>
public static class BenchServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static EmbeddedPostgres? _server;

    /// <summary>Gets the directory of the kept cluster.</summary>
    public static string ClusterDirectory =>
        Environment.GetEnvironmentVariable(BenchMode.DirectoryVariable) is { Length: > 0 } directory
            ? directory
            : Environment.UserName == "root"
                ? "/var/tmp/metricsets-bench"
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "metricsets-bench");

    /// <summary>
    /// Returns the server's connection string, starting the kept cluster when no server is configured; the string is
    /// then published in <c>METRICSETS_BENCH_CONNECTION</c> so child processes reuse the same server.
    /// </summary>
    public static async Task<string> ConnectionStringAsync()
    {
        if (Environment.GetEnvironmentVariable(BenchMode.ConnectionVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (RunningServer() is { } running)
            {
                // Left running by an earlier run that did not stop it (a crash): reuse it, and leave it running.
                Console.WriteLine($"// Reusing the PostgreSQL server already running in {ClusterDirectory}");
                Environment.SetEnvironmentVariable(BenchMode.ConnectionVariable, running);
                return running;
            }

            if (_server is null)
            {
                Console.WriteLine($"// Starting the kept PostgreSQL cluster in {ClusterDirectory}");
                _server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { KeptDirectory = ClusterDirectory }).ConfigureAwait(false);
                Environment.SetEnvironmentVariable(BenchMode.ConnectionVariable, _server.ConnectionString);
            }

            return _server.ConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string? RunningServer()
    {
        // postmaster.pid: pid, data directory, start time, port, socket directory, listen address, …
        var pidFile = Path.Combine(ClusterDirectory, "data", "postmaster.pid");
        if (_server is not null || !File.Exists(pidFile))
        {
            return null;
        }

        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[3], System.Globalization.CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }

        var connectionString = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres" }.ConnectionString;
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            return connectionString;
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }

    /// <summary>Returns the connection string of <paramref name="database"/> on the server.</summary>
    public static async Task<string> ConnectionStringForAsync(string database) =>
        new NpgsqlConnectionStringBuilder(await ConnectionStringAsync().ConfigureAwait(false)) { Database = database }.ConnectionString;

    /// <summary>Stops the kept cluster if this process started it (its files stay).</summary>
    public static async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
            _server = null;
        }
    }
}
