using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MetricSets.Testing.PostgreSql;

namespace MetricSets.IntegrationTests.Harness;

/// <summary>What the harness tests look at from outside a server: its postmaster, its port, and conditions over time.</summary>
public static class ServerProbe
{
    /// <summary>How long a watchdog may take to notice and clean up; it polls twice a second.</summary>
    public static readonly TimeSpan WatchdogLimit = TimeSpan.FromSeconds(20);

    /// <summary>Returns the postmaster's process id, the first line of <c>data/postmaster.pid</c>.</summary>
    public static int PostmasterId(EmbeddedPostgres server) =>
        int.Parse(File.ReadLines(PidFile(server)).First(), CultureInfo.InvariantCulture);

    public static string PidFile(EmbeddedPostgres server) => Path.Combine(server.RootDirectory, "data", "postmaster.pid");

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

    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds or <paramref name="limit"/> passes.</summary>
    /// <returns>Whether it held in time.</returns>
    public static async Task<bool> WithinAsync(TimeSpan limit, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
