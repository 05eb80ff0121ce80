using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using GoMod.Core.Auth;

namespace GoMod.Core.Vcs;

/// <summary>
/// The HTTP side of direct mode: <c>?go-get=1</c> discovery pages (https, falling back to http and accepting any
/// certificate only where GOINSECURE allows, as go's <c>web.Get</c> does) and the status probe that explains a failed
/// <c>git ls-remote</c>. An https discovery page carries GOAUTH's credentials (by default the host's .netrc entry) and,
/// after a 4xx, is asked for once more with what GOAUTH then gives for its URL, as go's <c>web.Get</c> does; plain http
/// carries none. Host names in <see cref="VcsOptions.HostMap"/> resolve to fixed endpoints.
/// </summary>
internal sealed class DirectHttp : IDisposable
{
    /// <summary>go reads at most this much of a discovery page.</summary>
    public const int MaxPageBytes = 1 << 20;

    private readonly HttpClient _secure;
    private readonly HttpClient _insecure;
    private readonly Func<GoAuth>? _auth;

    public DirectHttp(VcsOptions options, Func<GoAuth>? auth = null)
    {
        _auth = auth;
        _secure = new HttpClient(Handler(options, verify: true)) { Timeout = options.HttpTimeout };
        _insecure = new HttpClient(Handler(options, verify: false)) { Timeout = options.HttpTimeout };
    }

    private static SocketsHttpHandler Handler(VcsOptions options, bool verify)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            UseCookies = false,
            Credentials = null,
            UseProxy = false,
        };
        if (!verify) handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        if (options.HostMap is { Count: > 0 } map)
        {
            handler.ConnectCallback = async (ctx, ct) =>
            {
                var key = ctx.DnsEndPoint.Host + ":" + ctx.DnsEndPoint.Port;
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    if (map.TryGetValue(key, out var ep)) await socket.ConnectAsync(ep, ct).ConfigureAwait(false);
                    else await socket.ConnectAsync(ctx.DnsEndPoint, ct).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        return handler;
    }

    /// <summary>A discovery page: the final URL, the status, and at most <see cref="MaxPageBytes"/> of its body.</summary>
    public sealed record Page(Uri Url, int Status, byte[] Body);

    /// <summary>
    /// GETs <c>https://&lt;host&gt;&lt;path&gt;?go-get=1</c>; under <paramref name="insecure"/> a failed https request is
    /// retried over http, and https certificates are not verified.
    /// </summary>
    /// <exception cref="HttpRequestException">No answer over any allowed scheme (the last failure).</exception>
    public async Task<Page> GetDiscoveryPageAsync(string hostAndPath, bool insecure, CancellationToken ct)
    {
        try
        {
            return await GetAsync(new Uri("https://" + hostAndPath + "?go-get=1"), insecure ? _insecure : _secure, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (insecure && e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return await GetAsync(new Uri("http://" + hostAndPath + "?go-get=1"), _insecure, ct).ConfigureAwait(false);
        }
    }

    private async Task<Page> GetAsync(Uri url, HttpClient client, CancellationToken ct)
    {
        var auth = url.Scheme == "https" ? _auth?.Invoke() : null;
        var resent = false;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("GoMod.Sdk", "1"));
            var sent = auth is null ? null : await auth.HeadersAsync(url, ct).ConfigureAwait(false);
            if (sent is not null)
                foreach (var (name, value) in sent.Items) request.Headers.TryAddWithoutValidation(name, value);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (auth is not null && !resent && status is >= 400 and < 500 && auth.CanRefresh
                && await auth.RefreshAsync(url, AuthCommand.DescribeResponse(response), sent, ct).ConfigureAwait(false))
            {
                resent = true;
                continue;
            }
            if (resent) await auth!.ReportAsync(url, status, ct).ConfigureAwait(false);
            return await ReadPageAsync(url, response, ct).ConfigureAwait(false);
        }
    }

    private static async Task<Page> ReadPageAsync(Uri url, HttpResponseMessage response, CancellationToken ct)
    {
        await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var buffer = new byte[MaxPageBytes];
        var n = 0;
        int read;
        while (n < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(n), ct).ConfigureAwait(false)) > 0) n += read;
        return new Page(response.RequestMessage?.RequestUri ?? url, (int)response.StatusCode, buffer[..n]);
    }

    /// <summary>
    /// The status a git smart-HTTP server gives an anonymous ref listing of <paramref name="repo"/>, or null when
    /// nothing answers. Used only to explain a git failure.
    /// </summary>
    public async Task<int?> ProbeGitAsync(Uri repo)
    {
        var b = new UriBuilder(repo) { UserName = "", Password = "" };
        b.Path = b.Path.TrimEnd('/') + "/info/refs";
        b.Query = "service=git-upload-pack";
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, b.Uri);
            using var response = await _insecure.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _secure.Dispose();
        _insecure.Dispose();
    }
}
