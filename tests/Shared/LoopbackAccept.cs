using System.Net.Sockets;
using System.Security.Authentication;

namespace GoMod.Testing;

/// <summary>
/// The accept loop of the tests' servers on 127.0.0.1: each connection is served on its own task and disposed when
/// served; a client that goes away (or a server that stops) ends its connection quietly.
/// </summary>
internal static class LoopbackAccept
{
    /// <summary>Accepts connections on <paramref name="listener"/> until <paramref name="stop"/> fires.</summary>
    public static async Task RunAsync(TcpListener listener, CancellationToken stop, Func<TcpClient, Task> serve)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            _ = Task.Run(async () =>
            {
                try
                {
                    await serve(client);
                }
                catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or AuthenticationException)
                {
                    // The client went away, or the server stopped.
                }
                finally
                {
                    client.Dispose();
                }
            });
        }
    }
}
