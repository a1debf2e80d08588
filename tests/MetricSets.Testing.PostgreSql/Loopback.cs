using System.Net;
using System.Net.Sockets;

namespace MetricSets.Testing.PostgreSql;

/// <summary>The loopback interface the harness's servers listen on.</summary>
internal static class Loopback
{
    /// <summary>Returns a TCP port of 127.0.0.1 that is free now; a server started soon after may take it.</summary>
    /// <returns>The port.</returns>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Returns whether something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    /// <param name="port">The port.</param>
    /// <returns><see langword="true"/> when a connection was accepted.</returns>
    public static bool Accepts(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
