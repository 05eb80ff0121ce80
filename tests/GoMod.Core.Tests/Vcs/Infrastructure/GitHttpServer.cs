using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GoMod.Testing;

namespace GoMod.Core.Tests.Vcs.Infrastructure;

/// <summary>
/// A real git smart-HTTP server on 127.0.0.1 for tests: <c>git http-backend</c> run as a CGI program for every
/// request below <see cref="ProjectRoot"/>, plus <c>?go-get=1</c> discovery pages from <see cref="Pages"/> (keyed by
/// <c>host/path</c> as the request names them). Paths in <see cref="AuthRequired"/> answer 401 unless the request
/// carries the configured Basic credentials. Each connection serves one request (Connection: close).
/// </summary>
public sealed class GitHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<string> _requests = new();

    public GitHttpServer(string projectRoot, int port = 0)
    {
        ProjectRoot = projectRoot;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The directory holding the bare repositories (GIT_PROJECT_ROOT).</summary>
    public string ProjectRoot { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary><c>http://127.0.0.1:port/</c>.</summary>
    public string Url => $"http://127.0.0.1:{Port}/";

    /// <summary>Discovery pages: <c>host/path</c> (without query) → HTML, also served for every path below it.</summary>
    public ConcurrentDictionary<string, string> Pages { get; } = new(StringComparer.Ordinal);

    /// <summary>URL path prefixes (<c>/private/</c>) that need <see cref="Credentials"/>.</summary>
    public ConcurrentBag<string> AuthRequired { get; } = [];

    /// <summary>user:password accepted for <see cref="AuthRequired"/> paths.</summary>
    public string Credentials { get; set; } = "user:secret";

    /// <summary>Request lines seen (<c>GET /acme/lib/info/refs?service=git-upload-pack</c>).</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    private Task AcceptLoopAsync() => LoopbackAccept.RunAsync(_listener, _stop.Token, client => ServeAsync(client.GetStream()));

    private async Task ServeAsync(NetworkStream stream)
    {
        var reader = new BufferedReader(stream);
        var requestLine = await reader.ReadLineAsync();
        if (requestLine is null) return;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? line;
        while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync()))
        {
            var i = line.IndexOf(':');
            if (i > 0) headers[line[..i].Trim()] = line[(i + 1)..].Trim();
        }
        var parts = requestLine.Split(' ');
        var method = parts[0];
        var target = parts.Length > 1 ? parts[1] : "/";
        _requests.Enqueue(method + " " + target);
        var q = target.IndexOf('?');
        var path = q < 0 ? target : target[..q];
        var query = q < 0 ? "" : target[(q + 1)..];

        byte[] body = [];
        if (headers.TryGetValue("Content-Length", out var cl)) body = await reader.ReadExactAsync(int.Parse(cl, System.Globalization.CultureInfo.InvariantCulture));
        else if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase)) body = await reader.ReadChunkedAsync();

        if (query == "go-get=1")
        {
            var host = headers.TryGetValue("Host", out var h) ? h : "";
            var colon = host.IndexOf(':');
            var key = (colon < 0 ? host : host[..colon]) + path.TrimEnd('/');
            // The page of the longest registered path that is the requested path or a parent of it.
            var page = Pages.Where(p => key == p.Key || key.StartsWith(p.Key + "/", StringComparison.Ordinal))
                .OrderByDescending(p => p.Key.Length).Select(p => p.Value).FirstOrDefault();
            if (page is not null)
                await WriteAsync(stream, 200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(page));
            else
                await WriteAsync(stream, 404, "text/plain", "no such page\n"u8.ToArray());
            return;
        }
        if (AuthRequired.Any(p => path.StartsWith(p, StringComparison.Ordinal)))
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Credentials));
            if (!headers.TryGetValue("Authorization", out var auth) || auth != expected)
            {
                var msg = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"git\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(msg));
                return;
            }
        }
        if (headers.TryGetValue("Content-Encoding", out var ce) && ce == "gzip")
        {
            using var gz = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            await gz.CopyToAsync(ms);
            body = ms.ToArray();
        }
        await RunCgiAsync(stream, method, path, query, headers, body);
    }

    private async Task RunCgiAsync(NetworkStream stream, string method, string path, string query, Dictionary<string, string> headers, byte[] body)
    {
        var psi = new ProcessStartInfo("git", "http-backend")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["GIT_PROJECT_ROOT"] = ProjectRoot;
        psi.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        psi.Environment["GATEWAY_INTERFACE"] = "CGI/1.1";
        psi.Environment["REQUEST_METHOD"] = method;
        psi.Environment["PATH_INFO"] = Uri.UnescapeDataString(path);
        psi.Environment["QUERY_STRING"] = query;
        psi.Environment["REMOTE_ADDR"] = "127.0.0.1";
        psi.Environment["REMOTE_USER"] = "test";
        psi.Environment["CONTENT_LENGTH"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (headers.TryGetValue("Content-Type", out var ct)) psi.Environment["CONTENT_TYPE"] = ct;
        if (headers.TryGetValue("Git-Protocol", out var gp)) psi.Environment["GIT_PROTOCOL"] = gp;
        psi.Environment["HOME"] = ProjectRoot;
        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var p = Process.Start(psi)!;
        var errTask = p.StandardError.ReadToEndAsync();
        var outTask = Task.Run(async () =>
        {
            using var ms = new MemoryStream();
            await p.StandardOutput.BaseStream.CopyToAsync(ms);
            return ms.ToArray();
        });
        await p.StandardInput.BaseStream.WriteAsync(body);
        p.StandardInput.Close();
        var output = await outTask;
        await p.WaitForExitAsync();
        _ = await errTask;

        // CGI response: headers, blank line, body.
        var sep = IndexOf(output, "\r\n\r\n"u8);
        var sepLen = 4;
        if (sep < 0) { sep = IndexOf(output, "\n\n"u8); sepLen = 2; }
        if (sep < 0) { await WriteAsync(stream, 500, "text/plain", output); return; }
        var head = Encoding.ASCII.GetString(output, 0, sep).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var status = "200 OK";
        var sb = new StringBuilder();
        foreach (var h in head)
        {
            if (h.StartsWith("Status:", StringComparison.OrdinalIgnoreCase)) status = h[7..].Trim();
            else if (h.Length > 0) sb.Append(h).Append("\r\n");
        }
        var content = output.AsMemory(sep + sepLen);
        var response = $"HTTP/1.1 {status}\r\n{sb}Content-Length: {content.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
        await stream.WriteAsync(content);
    }

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> pattern) => data.AsSpan().IndexOf(pattern);

    private static async Task WriteAsync(NetworkStream stream, int status, string contentType, byte[] body)
    {
        var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Not Found")}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    /// <summary>Reads lines and bodies from a stream without over-reading into the next part.</summary>
    private sealed class BufferedReader(Stream stream)
    {
        private readonly byte[] _buf = new byte[8192];
        private int _pos, _len;

        private async Task<bool> FillAsync()
        {
            if (_pos < _len) return true;
            _len = await stream.ReadAsync(_buf);
            _pos = 0;
            return _len > 0;
        }

        public async Task<string?> ReadLineAsync()
        {
            var sb = new StringBuilder();
            while (true)
            {
                if (!await FillAsync()) return sb.Length == 0 ? null : sb.ToString();
                var c = (char)_buf[_pos++];
                if (c == '\n') return sb.ToString().TrimEnd('\r');
                sb.Append(c);
            }
        }

        public async Task<byte[]> ReadExactAsync(int n)
        {
            var result = new byte[n];
            var got = 0;
            while (got < n)
            {
                if (!await FillAsync()) throw new IOException("short body");
                var take = Math.Min(n - got, _len - _pos);
                Array.Copy(_buf, _pos, result, got, take);
                _pos += take;
                got += take;
            }
            return result;
        }

        public async Task<byte[]> ReadChunkedAsync()
        {
            using var ms = new MemoryStream();
            while (true)
            {
                var sizeLine = await ReadLineAsync() ?? throw new IOException("truncated chunk");
                var semi = sizeLine.IndexOf(';');
                var size = Convert.ToInt32(semi < 0 ? sizeLine : sizeLine[..semi], 16);
                if (size == 0)
                {
                    while (!string.IsNullOrEmpty(await ReadLineAsync())) { }
                    return ms.ToArray();
                }
                ms.Write(await ReadExactAsync(size));
                await ReadLineAsync();
            }
        }
    }
}
