using System.Net;
using System.Net.Sockets;

namespace IntegrationHub.Tests.Infrastructure;

public static class FreePort
{
    // Below the kernel's ephemeral range (32768+), where simulators and clients binding port 0 take
    // theirs: a port picked here cannot be handed to someone else between this check and the bind.
    private const int First = 20000;
    private const int Count = 12000;
    private static int _next = Random.Shared.Next(Count);

    /// <summary>A loopback port nothing listens on now, for a server that must be told its port up front.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _next) % Count);
            if (IsFree(port))
            {
                return port;
            }
        }
        throw new InvalidOperationException($"No free loopback port in {First}-{First + Count - 1}.");
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
