using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GoMod.Testing;

namespace GoMod.Core.Tests.Fetch.Infrastructure;

/// <summary>
/// A real HTTP/1.1 module proxy on 127.0.0.1 for tests (no ASP.NET host here): serves a file map, records every
/// request, keeps connections alive, and injects faults — scripted per request through <see cref="Handler"/>, or at
/// random through <see cref="Faults"/>. Everything it does is bounded; it stops on dispose.
/// </summary>
public sealed class TestProxyServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly ConcurrentDictionary<int, TcpClient> _clients = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly X509Certificate2? _certificate;
    private int _connections;

    public TestProxyServer(IReadOnlyDictionary<string, byte[]>? files = null, X509Certificate2? certificate = null)
    {
        _certificate = certificate;
        Files = new ConcurrentDictionary<string, byte[]>(files ?? new Dictionary<string, byte[]>(), StringComparer.Ordinal);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public static TestProxyServer For(params TestModule[] modules) => new(ProxyContent.Build(modules));

    /// <summary>The files served, keyed by decoded URL path below the root (<c>/example.com/a/@v/list</c>).</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; }

    /// <summary>A URL path prefix that the server strips (to test proxies with a base path).</summary>
    public string BasePath { get; init; } = "";

    /// <summary>The proxy URL (<c>http://127.0.0.1:port</c> plus <see cref="BasePath"/>).</summary>
    public string Url => $"{(_certificate is null ? "http" : "https")}://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{BasePath}";

    /// <summary>Answers instead of the file map when it returns non-null.</summary>
    public Func<RecordedRequest, TestResponse?>? Handler { get; set; }

    /// <summary>
    /// Called as each request arrives; the answer waits that long (without holding a thread) before
    /// <see cref="Handler"/> runs: a slow server, for counting requests in flight.
    /// </summary>
    public Func<RecordedRequest, TimeSpan?>? Delay { get; set; }

    /// <summary>Random fault injection, applied after <see cref="Handler"/>.</summary>
    public FaultInjector? Faults { get; set; }

    /// <summary>When set, zip bodies are sent in chunks of this many bytes with <see cref="ThrottleDelay"/> between them.</summary>
    public int ThrottleChunk { get; set; }

    /// <summary>Pause between throttled chunks.</summary>
    public TimeSpan ThrottleDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How long a <see cref="Fault.Stall"/> lasts.</summary>
    public TimeSpan StallTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause between the bytes of a <see cref="Fault.Trickle"/> body.</summary>
    public TimeSpan TrickleDelay { get; set; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public int RequestCount => _requests.Count;

    /// <summary>Number of TCP connections accepted (to check that connections are reused).</summary>
    public int ConnectionCount => Volatile.Read(ref _connections);

    public IEnumerable<string> Paths => Requests.Select(r => r.Path);

    private Task AcceptLoopAsync() => LoopbackAccept.RunAsync(_listener, _stop.Token, async client =>
    {
        var id = Interlocked.Increment(ref _connections);
        _clients[id] = client;
        try
        {
            await ServeConnectionAsync(client, id);
        }
        finally
        {
            _clients.TryRemove(id, out _);
        }
    });

    private async Task ServeConnectionAsync(TcpClient client, int id)
    {
        client.NoDelay = true;
        Stream stream = client.GetStream();
        if (_certificate is not null)
        {
            var tls = new SslStream(stream);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
            stream = tls;
        }
        var buffer = new byte[16384];
        var pending = new List<byte>();
        while (!_stop.IsCancellationRequested)
        {
            int headerEnd;
            while ((headerEnd = IndexOfHeaderEnd(pending)) < 0)
            {
                var n = await stream.ReadAsync(buffer, _stop.Token);
                if (n == 0) return;
                pending.AddRange(buffer.AsSpan(0, n).ToArray());
                if (pending.Count > 64 * 1024) return;
            }
            var head = Encoding.ASCII.GetString(pending.GetRange(0, headerEnd).ToArray());
            pending.RemoveRange(0, headerEnd + 4);
            var lines = head.Split("\r\n");
            var parts = lines[0].Split(' ');
            if (parts.Length < 3) return;
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':');
                if (colon > 0) headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
            }
            var target = parts[1];
            var path = Uri.UnescapeDataString(target.Split('?')[0]);
            if (BasePath.Length > 0 && path.StartsWith(BasePath, StringComparison.Ordinal)) path = path[BasePath.Length..];
            var request = new RecordedRequest(parts[0], target, path, headers, id);
            _requests.Enqueue(request);

            if (Delay?.Invoke(request) is { } delay && delay > TimeSpan.Zero) await Task.Delay(delay, _stop.Token);
            var response = Handler?.Invoke(request) ?? Serve(path);
            if (response.Fault == Fault.None && Faults is not null) response = Faults.Apply(request, response);
            switch (response.Fault)
            {
                case Fault.Reset:
                    client.Client.LingerState = new LingerOption(true, 0);
                    client.Client.Close();
                    return;
                case Fault.Stall:
                    await Task.Delay(StallTime, _stop.Token);
                    return;
            }
            var reason = response.Reason ?? ReasonOf(response.Status);
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {reason}\r\n");
            sb.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
            sb.Append(CultureInfo.InvariantCulture, $"Content-Length: {response.Body.Length}\r\n");
            foreach (var (k, v) in response.Headers) sb.Append(k).Append(": ").Append(v).Append("\r\n");
            sb.Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(sb.ToString()), _stop.Token);
            if (response.Fault == Fault.Truncate)
            {
                await stream.WriteAsync(response.Body.AsMemory(0, response.Body.Length / 2), _stop.Token);
                await stream.FlushAsync(_stop.Token);
                client.Client.Shutdown(SocketShutdown.Both);
                return;
            }
            if (response.Fault == Fault.Trickle)
            {
                for (var at = 0; at < response.Body.Length; at++)
                {
                    await stream.WriteAsync(response.Body.AsMemory(at, 1), _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                    await Task.Delay(TrickleDelay, _stop.Token);
                }
                continue;
            }
            if (ThrottleChunk > 0 && path.EndsWith(".zip", StringComparison.Ordinal))
            {
                for (var at = 0; at < response.Body.Length; at += ThrottleChunk)
                {
                    await stream.WriteAsync(response.Body.AsMemory(at, Math.Min(ThrottleChunk, response.Body.Length - at)), _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                    await Task.Delay(ThrottleDelay, _stop.Token);
                }
                continue;
            }
            await stream.WriteAsync(response.Body, _stop.Token);
            await stream.FlushAsync(_stop.Token);
        }
    }

    private TestResponse Serve(string path) =>
        Files.TryGetValue(path, out var body)
            ? new TestResponse(200, body, path.EndsWith(".info", StringComparison.Ordinal) || path.EndsWith("@latest", StringComparison.Ordinal)
                ? "application/json"
                : path.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "text/plain; charset=utf-8")
            : TestResponse.Text(404, $"not found: {path}\n");

    private static int IndexOfHeaderEnd(List<byte> data)
    {
        for (var i = 0; i + 3 < data.Count; i++)
            if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n')
                return i;
        return -1;
    }

    private static string ReasonOf(int status) => status switch
    {
        200 => "OK",
        302 => "Found",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    };

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var c in _clients.Values) c.Dispose();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
