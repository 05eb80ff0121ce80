using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace GoMod.Benchmarks.User;

/// <summary>
/// <c>relay --listen PORT --target PORT [--delay-ms 10]</c>: a TCP relay on 127.0.0.1 that forwards every connection to
/// the target port and delivers each chunk <c>--delay-ms</c> after it arrived, in both directions (so a request and
/// its answer see twice the delay, like a round trip); bandwidth is not limited. Runs until killed.
/// </summary>
public static class DelayRelay
{
    public static async Task<int> RunAsync(string[] args)
    {
        int listen = 0, target = 0, delayMs = 10;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--listen": listen = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--target": target = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--delay-ms": delayMs = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"relay: unknown argument {args[i]}"); return 2;
            }
        }
        if (target == 0)
        {
            Console.Error.WriteLine("usage: relay --listen PORT --target PORT [--delay-ms 10]");
            return 2;
        }
        var listener = new TcpListener(IPAddress.Loopback, listen);
        listener.Start();
        Console.WriteLine($"relay: 127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port} -> 127.0.0.1:{target}, {delayMs} ms each way");
        var delay = TimeSpan.FromMilliseconds(delayMs);
        while (true)
        {
            var client = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
            _ = Task.Run(() => ServeAsync(client, target, delay));
        }
    }

    private static async Task ServeAsync(TcpClient client, int target, TimeSpan delay)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                client.NoDelay = true;
                upstream.NoDelay = true;
                await upstream.ConnectAsync(IPAddress.Loopback, target).ConfigureAwait(false);
                var a = client.GetStream();
                var b = upstream.GetStream();
                await Task.WhenAll(PumpAsync(a, b, upstream.Client, delay), PumpAsync(b, a, client.Client, delay)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>Reads chunks as they come and writes each one once its delay has passed; order is kept.</summary>
    private static async Task PumpAsync(NetworkStream from, NetworkStream to, Socket toSocket, TimeSpan delay)
    {
        var queue = Channel.CreateUnbounded<(long Due, byte[] Data, int Length)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(async () =>
        {
            try
            {
                await foreach (var (due, data, length) in queue.Reader.ReadAllAsync().ConfigureAwait(false))
                {
                    var remaining = TimeSpan.FromSeconds((due - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
                    if (remaining > TimeSpan.Zero) await Task.Delay(remaining).ConfigureAwait(false);
                    if (length == 0) break;
                    await to.WriteAsync(data.AsMemory(0, length)).ConfigureAwait(false);
                }
                toSocket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
            }
        });
        var ticks = (long)(delay.TotalSeconds * Stopwatch.Frequency);
        try
        {
            while (true)
            {
                var buffer = new byte[64 * 1024];
                var n = await from.ReadAsync(buffer).ConfigureAwait(false);
                queue.Writer.TryWrite((Stopwatch.GetTimestamp() + ticks, buffer, n));
                if (n == 0) break;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            queue.Writer.TryWrite((0, [], 0));
        }
        queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
    }
}
