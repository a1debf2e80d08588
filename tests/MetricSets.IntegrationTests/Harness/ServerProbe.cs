using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MetricSets.Testing.PostgreSql;
using Npgsql;

namespace MetricSets.IntegrationTests.Harness;

/// <summary>What the harness tests look at from outside a server: its postmaster, its port, what SQL answers, and conditions over time.</summary>
public static class ServerProbe
{
    /// <summary>How long a watchdog may take to notice and clean up; it polls twice a second.</summary>
    public static readonly TimeSpan WatchdogLimit = TimeSpan.FromSeconds(20);

    /// <summary>Returns the postmaster's process id, the first line of <c>data/postmaster.pid</c>.</summary>
    public static int PostmasterId(EmbeddedPostgres server) =>
        int.Parse(File.ReadLines(PidFile(server)).First(), CultureInfo.InvariantCulture);

    public static string PidFile(EmbeddedPostgres server) => Path.Combine(server.RootDirectory, "data", "postmaster.pid");

    /// <summary>
    /// Asserts what a disposal does at once (directory deleted, postmaster ended, port closed) and that the watchdog
    /// then exits by itself.
    /// </summary>
    public static async Task AssertDisposedAsync(EmbeddedPostgres server, int postmaster)
    {
        Assert.False(Directory.Exists(server.RootDirectory), $"{server.RootDirectory} is still there after disposal");
        Assert.False(OsProcess.IsRunning(postmaster), $"postmaster {postmaster} still runs after disposal");
        Assert.True(RefusesConnections(server.Port), $"port {server.Port} still accepts connections after disposal");
        Assert.True(await WithinAsync(WatchdogLimit, () => !OsProcess.IsRunning(server.WatchdogProcessId)), "the watchdog did not exit after disposal");
    }

    /// <summary>Returns whether nothing accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool RefusesConnections(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return false;
        }
        catch (SocketException error) when (error.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return true;
        }
    }

    /// <summary>Starts a process that outlives the test unless killed, to own servers; its output goes nowhere near the test host's.</summary>
    public static Process StartOwner() =>
        Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;

    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds or <paramref name="limit"/> passes.</summary>
    /// <returns>Whether it held in time.</returns>
    public static Task<bool> WithinAsync(TimeSpan limit, Func<bool> condition) => WithinAsync(limit, () => Task.FromResult(condition()));

    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds or <paramref name="limit"/> passes.</summary>
    /// <returns>Whether it held in time.</returns>
    public static async Task<bool> WithinAsync(TimeSpan limit, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    /// <summary>Runs <paramref name="sql"/> with positional parameters on a connection of its own.</summary>
    public static async Task ExecuteAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(sql, connection, parameters);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Returns the first column of the first row of <paramref name="sql"/>, on a connection of its own.</summary>
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await ScalarAsync<T>(connection, sql, parameters);
    }

    /// <summary>Returns the first column of the first row of <paramref name="sql"/>, on <paramref name="connection"/>.</summary>
    public static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = Command(sql, connection, parameters);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static NpgsqlCommand Command(string sql, NpgsqlConnection connection, object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
