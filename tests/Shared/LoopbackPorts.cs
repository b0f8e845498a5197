using System.Net;
using System.Net.Sockets;

namespace FleetPool.Tests.Shared;

/// <summary>
/// Loopback ports for servers a test or the benchmarks start (the app as a process, nginx, a stand-in identity provider):
/// one definition, linked into every test project that needs it.
/// </summary>
internal static class LoopbackPorts
{
    /// <summary>A port free on 127.0.0.1 now (the operating system's pick; another process may still take it before it is used).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
