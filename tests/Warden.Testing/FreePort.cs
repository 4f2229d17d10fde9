using System.Net;
using System.Net.Sockets;

namespace Warden.Testing;

public static class FreePort
{
    /// <summary>A loopback TCP port nobody listens on at the moment of asking.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A port p such that p and p + 1 are both free: the local scripts number silos consecutively.</summary>
    public static int NextPair() => NextRun(2);

    /// <summary>A port p such that p … p + count - 1 are all free.</summary>
    public static int NextRun(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Next();
            if (port + count <= 65536 && Enumerable.Range(port + 1, count - 1).All(IsFree))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No {count} consecutive free loopback ports found.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
