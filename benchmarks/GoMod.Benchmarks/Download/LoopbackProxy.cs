using System.Net;

namespace GoMod.Benchmarks.Download;

/// <summary>A GOPROXY on 127.0.0.1 serving a proxy file tree (HttpListener), counting requests.</summary>
public sealed class LoopbackProxy : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _loop;
    private readonly TimeSpan _latency;
    private int _requests;

    public LoopbackProxy(string root, TimeSpan latency = default)
    {
        _root = root;
        _latency = latency;
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public int Requests => Volatile.Read(ref _requests);

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        // Simulated round trip of a real network: what makes parallel downloads pay off.
        if (_latency > TimeSpan.Zero) await Task.Delay(_latency);
        var response = context.Response;
        try
        {
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
            var file = Path.GetFullPath(Path.Combine(_root, path));
            if (!file.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(file))
            {
                response.StatusCode = 404;
                response.ContentType = "text/plain; charset=utf-8";
                await response.OutputStream.WriteAsync("not found\n"u8.ToArray());
            }
            else
            {
                await using var f = File.OpenRead(file);
                response.ContentLength64 = f.Length;
                await f.CopyToAsync(response.OutputStream);
            }
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            response.Abort();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
