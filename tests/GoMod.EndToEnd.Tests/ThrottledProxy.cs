using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// A GOPROXY over HTTP/1.1 on 127.0.0.1 serving a file-system proxy tree (such as samples/hello/proxy) whose zip bodies
/// are sent slowly — <see cref="ChunkBytes"/> every <see cref="ChunkDelay"/> — while <see cref="Throttled"/> is set,
/// so that a test can act while a build is in the middle of a download. <see cref="ZipBodyStarted"/> completes when
/// the first bytes of a zip body have been sent. Connections are served until the proxy is disposed.
/// </summary>
public sealed class ThrottledProxy : IAsyncDisposable
{
    private readonly string _root;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accept;
    private readonly TaskCompletionSource _zipStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _zipRequests;

    public ThrottledProxy(string root)
    {
        _root = root;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accept = Task.Run(AcceptAsync);
    }

    /// <summary>The GOPROXY value.</summary>
    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Whether zip bodies are sent slowly.</summary>
    public bool Throttled { get; set; } = true;

    public int ChunkBytes { get; init; } = 16;

    public TimeSpan ChunkDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Completes once some bytes of a zip body (not all of them, when throttled) have been sent.</summary>
    public Task ZipBodyStarted => _zipStarted.Task;

    /// <summary>How many zip requests arrived.</summary>
    public int ZipRequests => Volatile.Read(ref _zipRequests);

    private Task AcceptAsync() => LoopbackAccept.RunAsync(_listener, _stop.Token, ServeAsync);

    private async Task ServeAsync(TcpClient client)
    {
        client.NoDelay = true;
        var stream = client.GetStream();
        var pending = new List<byte>();
        var buffer = new byte[8192];
        while (true)
        {
            int end;
            while ((end = HeaderEnd(pending)) < 0)
            {
                var n = await stream.ReadAsync(buffer, _stop.Token);
                if (n == 0) return;
                pending.AddRange(buffer.AsSpan(0, n).ToArray());
            }
            var head = Encoding.ASCII.GetString(pending.GetRange(0, end).ToArray());
            pending.RemoveRange(0, end + 4);
            var target = head.Split("\r\n")[0].Split(' ')[1];
            var rel = Uri.UnescapeDataString(target.Split('?')[0]).TrimStart('/');
            var file = Path.GetFullPath(Path.Combine(_root, rel));
            var found = file.StartsWith(Path.GetFullPath(_root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(file);
            var body = found ? await File.ReadAllBytesAsync(file, _stop.Token) : Encoding.UTF8.GetBytes($"not found: {rel}\n");
            var status = found ? "200 OK" : "404 Not Found";
            var header = string.Create(CultureInfo.InvariantCulture,
                $"HTTP/1.1 {status}\r\nContent-Type: {(rel.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "text/plain; charset=utf-8")}\r\nContent-Length: {body.Length}\r\n\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(header), _stop.Token);
            if (found && rel.EndsWith(".zip", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _zipRequests);
                for (var at = 0; at < body.Length;)
                {
                    var n = Throttled ? Math.Min(ChunkBytes, body.Length - at) : body.Length - at;
                    await stream.WriteAsync(body.AsMemory(at, n), _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                    at += n;
                    if (at < body.Length) _zipStarted.TrySetResult();
                    if (Throttled) await Task.Delay(ChunkDelay, _stop.Token);
                }
                continue;
            }
            await stream.WriteAsync(body, _stop.Token);
            await stream.FlushAsync(_stop.Token);
        }
    }

    private static int HeaderEnd(List<byte> data)
    {
        for (var i = 0; i + 3 < data.Count; i++)
            if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n') return i;
        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accept;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
