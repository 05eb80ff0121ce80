using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using GoMod.Core.Auth;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;

namespace GoMod.Core.Proxy;

/// <summary>
/// GETs proxy resources over https, http and file URLs with the go command's rules (only 200 succeeds; 404/410 mean
/// "not found"; at most 10 redirects and never from https to http; GOAUTH's credentials, by default .netrc's, on https
/// only, asked for again once after a 4xx; a plain-text error body is shown as go shows it) plus what go lacks: retries with backoff for transient failures, response and
/// read-idle timeouts, and a stall rule for bodies that trickle (<see cref="StallDetector"/>). One instance owns one <see cref="SocketsHttpHandler"/>, so connections are pooled and reused.
/// A host whose name did not resolve (a definite answer, not a lookup that timed out) fails every later request of the
/// instance at once with the same error: without a network each module's request would otherwise ask again, and a
/// resolver that drops queries under load made a 500-module restore wait 3 minutes for its errors.
/// Bodies are streamed into the caller's sink, never buffered whole unless the caller asks for bytes.
/// </summary>
internal sealed class ProxyTransport : IDisposable
{
    private const int MaxRedirects = 10;
    private readonly HttpClient _http;
    private readonly FetchOptions _options;
    private readonly GoAuth _auth;
    private readonly ConcurrentDictionary<string, HttpRequestException> _unresolvable = new(StringComparer.OrdinalIgnoreCase);

    public ProxyTransport(FetchOptions options, GoAuth auth)
    {
        _options = options;
        _auth = auth;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseCookies = false,
            ConnectTimeout = options.ResponseTimeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
        };
        if (options.ConnectCallback is { } connect) handler.ConnectCallback = connect;
        if (options.TrustedRootCertificates is { Count: > 0 } roots)
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => IsTrusted(certificate, chain, errors, roots);
        _http = new HttpClient(handler, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("GoMod.Sdk", "1.0"));
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The GOAUTH credentials this transport's https requests carry (direct mode's discovery pages use them too).</summary>
    public GoAuth Auth => _auth;

    /// <summary>Fetches a small resource (.info, .mod, list) into memory, at most <paramref name="maxBytes"/>.</summary>
    public async Task<byte[]> GetBytesAsync(ProxyUrl baseUrl, string escapedPath, string relative, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await GetAsync(baseUrl, escapedPath, relative, buffer, maxBytes, ct).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>
    /// Like <see cref="GetBytesAsync"/>, but "not found" (404 or 410, a missing file) is an answer: null, with no
    /// exception thrown on the way. Every other failure is thrown as <see cref="GetBytesAsync"/> throws it.
    /// </summary>
    public async Task<byte[]?> TryGetBytesAsync(ProxyUrl baseUrl, string escapedPath, string relative, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var notFound = await GetOrNotFoundAsync(baseUrl, escapedPath, relative, buffer, maxBytes, ct).ConfigureAwait(false);
        return notFound is null ? buffer.ToArray() : null;
    }

    /// <summary>
    /// Streams a resource into <paramref name="sink"/> (which must be seekable: a retry starts it over), failing with
    /// <see cref="ResponseTooLargeException"/> past <paramref name="maxBytes"/>.
    /// </summary>
    public async Task GetAsync(ProxyUrl baseUrl, string escapedPath, string relative, Stream sink, long maxBytes, CancellationToken ct)
    {
        if (await GetOrNotFoundAsync(baseUrl, escapedPath, relative, sink, maxBytes, ct).ConfigureAwait(false) is { } notFound) throw notFound;
    }

    /// <summary>
    /// <see cref="GetAsync"/>'s work, with "not found" returned (as the exception <see cref="GetAsync"/> throws for it)
    /// instead of thrown: null when the body is in <paramref name="sink"/>.
    /// </summary>
    private async Task<ProxyRequestException?> GetOrNotFoundAsync(ProxyUrl baseUrl, string escapedPath, string relative, Stream sink, long maxBytes, CancellationToken ct)
    {
        var display = ProxyUrl.Redact(baseUrl.Resolve(escapedPath, relative, includeUserInfo: true));
        if (baseUrl.Scheme == "file")
            return await GetFileAsync(baseUrl.LocalPath(escapedPath, relative), display, sink, maxBytes, ct).ConfigureAwait(false);

        var retry = _options.Retry;
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            sink.SetLength(0);
            sink.Position = 0;
            try
            {
                return await AttemptAsync(baseUrl, baseUrl.Resolve(escapedPath, relative, includeUserInfo: false), display, sink, maxBytes, ct)
                    .ConfigureAwait(false);
            }
            catch (TransientFailure failure)
            {
                var delay = retry.DelayBefore(attempt, failure.RetryAfter);
                if (attempt >= retry.MaxAttempts || clock.Elapsed + delay > retry.MaxTotalTime)
                {
                    var message = failure.Message;
                    if (attempt > 1)
                        message += string.Create(CultureInfo.InvariantCulture, $"\n\t(gave up after {attempt} attempts in {clock.Elapsed.TotalSeconds:0.0}s)");
                    throw new ProxyRequestException(message, display, failure.StatusCode, transient: true, failure.InnerException);
                }
                Trace($"# get {display}: retrying in {delay.TotalSeconds:0.00}s after: {FirstLine(failure.Message)}");
                await Task.Delay(delay, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One attempt: null when the body is in <paramref name="sink"/>, the "not found" failure (404/410) as a value.</summary>
    private async Task<ProxyRequestException?> AttemptAsync(ProxyUrl baseUrl, string requestUrl, string display, Stream sink, long maxBytes, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var current = new Uri(requestUrl);
        var original = current;
        var refreshed = false;
        var resent = false;
        for (var redirects = 0; ; redirects++)
        {
            var shown = current == original ? display : ProxyUrl.Redact(current.AbsoluteUri);
            Trace($"# get {shown}");
            if (_unresolvable.TryGetValue(current.IdnHost, out var unresolved))
            {
                Trace($"# get {shown}: {unresolved.Message} (the name did not resolve earlier in this run)");
                throw new ProxyRequestException($"Get \"{shown}\": {Describe(unresolved)}", shown, 0, transient: false, unresolved);
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            var sent = await AddCredentialsAsync(request, baseUrl, original, current, display, ct).ConfigureAwait(false);

            using var headersTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            headersTimeout.CancelAfter(_options.ResponseTimeout);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headersTimeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                Trace($"# get {shown}: timeout");
                throw new TransientFailure($"Get \"{shown}\": timeout awaiting response headers after {_options.ResponseTimeout.TotalSeconds:0.#}s", 0, null, null);
            }
            catch (HttpRequestException e)
            {
                Trace($"# get {shown}: {e.Message}");
                var message = $"Get \"{shown}\": {Describe(e)}";
                if (IsUnresolvable(e)) _unresolvable.TryAdd(current.IdnHost, e);
                if (IsRefusedOrUnresolvable(e)) throw new ProxyRequestException(message, shown, 0, transient: false, e);
                throw new TransientFailure(message, 0, null, e);
            }

            using (response)
            {
                var code = (int)response.StatusCode;
                var status = HttpStatusText.Status(code, response.ReasonPhrase);
                if (code is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    Trace($"# get {shown}: {status}");
                    if (redirects + 1 > MaxRedirects)
                        throw new ProxyRequestException($"Get \"{ProxyUrl.Redact(next.AbsoluteUri)}\": stopped after 10 redirects", shown, 0, transient: false);
                    if (original.Scheme == "https" && next.Scheme != "https")
                        throw new ProxyRequestException(
                            $"Get \"{ProxyUrl.Redact(next.AbsoluteUri)}\": redirected from secure URL {shown} to insecure URL {ProxyUrl.Redact(next.AbsoluteUri)}",
                            shown, 0, transient: false);
                    current = next;
                    continue;
                }

                Trace(string.Create(CultureInfo.InvariantCulture, $"# get {shown}: {status} ({Stopwatch.GetElapsedTime(start).TotalSeconds:0.000}s)"));
                // GOAUTH: a refused https request asks the configured commands (or git) for this URL and goes again once.
                if (code is >= 400 and < 500 && !refreshed && current.Scheme == "https" && SameHost(original, current) && _auth.CanRefresh)
                {
                    refreshed = true;
                    if (await _auth.RefreshAsync(current, AuthCommand.DescribeResponse(response), sent, ct).ConfigureAwait(false))
                    {
                        Trace($"# get {shown}: asking again with the credentials GOAUTH gave for it");
                        resent = true;
                        redirects--;
                        continue;
                    }
                }
                if (resent) await _auth.ReportAsync(current, code, ct).ConfigureAwait(false);
                if (code != 200)
                {
                    var detail = await ReadDetailAsync(response, ct).ConfigureAwait(false);
                    var message = ErrorDetail.Message(shown, status, detail);
                    if (RetryPolicy.IsTransientStatus(code)) throw new TransientFailure(message, code, RetryAfter(response), null);
                    var failure = new ProxyRequestException(message, shown, code, transient: false);
                    if (failure.IsNotFound) return failure;
                    throw failure;
                }
                await CopyBodyAsync(response, shown, sink, maxBytes, ct).ConfigureAwait(false);
                return null;
            }
        }
    }

    private static bool SameHost(Uri a, Uri b) => string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Credentials travel only over https: GOAUTH's headers for the URL (by default the .netrc entry for the host), and
    /// the user info in the proxy URL when GOAUTH gave no Authorization header (as go's HTTP client does); user info on
    /// a plain-http proxy is refused rather than sent in clear; redirects to another host drop them. Returns the
    /// headers GOAUTH gave, or null.
    /// </summary>
    private async ValueTask<HeaderList?> AddCredentialsAsync(HttpRequestMessage request, ProxyUrl baseUrl, Uri original, Uri current, string display,
        CancellationToken ct)
    {
        if (current.Scheme != "https")
        {
            if (baseUrl.UserName is not null && current.Scheme == "http")
                throw new ProxyRequestException($"refusing to pass credentials to insecure URL: {display}", display, 0, transient: false);
            return null;
        }
        if (!SameHost(original, current)) return null;
        var headers = await _auth.HeadersAsync(current, ct).ConfigureAwait(false);
        if (headers is not null)
            foreach (var (name, value) in headers.Items) request.Headers.TryAddWithoutValidation(name, value);
        if (request.Headers.Authorization is null && baseUrl.UserName is not null)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(baseUrl.UserName + ":" + (baseUrl.Password ?? "")));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
        }
        return headers;
    }

    /// <summary>
    /// Copies a body to <paramref name="sink"/> under two bounds: no read may wait longer than
    /// <see cref="FetchOptions.ReadIdleTimeout"/>, and the stall rule (<see cref="StallDetector"/>) must hold, so a
    /// server trickling bytes cannot hold a build forever.
    /// </summary>
    private async Task CopyBodyAsync(HttpResponseMessage response, string shown, Stream sink, long maxBytes, CancellationToken ct)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Pooled: a restore makes thousands of requests, most of them a few hundred bytes, sixteen at a time.
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var stall = _options.StallWindow > TimeSpan.Zero && _options.StallWindow != Timeout.InfiniteTimeSpan
            ? new StallDetector(_options.StallWindow, _options.StallMinimumBytes)
            : null;
        long total = 0;
        var stalled = false;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            while (true)
            {
                var wait = _options.ReadIdleTimeout;
                if (stall is not null)
                {
                    var left = stall.TimeLeft;
                    if (left <= wait)
                    {
                        wait = left;
                        stalled = true;
                    }
                    else
                    {
                        stalled = false;
                    }
                    if (left == TimeSpan.Zero) throw new OperationCanceledException();
                }
                idle.CancelAfter(wait);
                var n = await body.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
                if (n == 0) break;
                total += n;
                stall?.Received(n);
                if (total > maxBytes) throw new ResponseTooLargeException();
                await sink.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            if (stalled)
            {
                var e = new DownloadStalledException(shown, _options.StallWindow, _options.StallMinimumBytes, total, response.Content.Headers.ContentLength);
                Trace($"# get {shown}: {e.Message}");
                throw new TransientFailure(e.Message, 0, null, e);
            }
            throw new TransientFailure($"read \"{shown}\": timeout: no data for {_options.ReadIdleTimeout.TotalSeconds:0.#}s", 0, null, null);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new TransientFailure($"read \"{shown}\": {Describe(e)}", 0, null, e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (response.Content.Headers.ContentLength is { } expected && expected != total && response.Content.Headers.ContentEncoding.Count == 0)
            throw new TransientFailure($"read \"{shown}\": unexpected EOF (got {total} of {expected} bytes)", 0, null, null);
    }

    private static async Task<string> ReadDetailAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var type = response.Content.Headers.ContentType;
        if (!ErrorDetail.IsShowable(type?.MediaType, type?.CharSet)) return "";
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            var buffer = new byte[ErrorDetail.CaptureBytes];
            var filled = 0;
            while (filled < buffer.Length)
            {
                var n = await body.ReadAsync(buffer.AsMemory(filled), ct).ConfigureAwait(false);
                if (n == 0) break;
                filled += n;
            }
            return ErrorDetail.Format(buffer.AsSpan(0, filled));
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return "";
        }
    }

    /// <summary>
    /// go's <c>web.HTTPError</c> drops the file's path from the error when the URL already ends with it; a URL whose
    /// path is percent-encoded (an escaped module path's <c>!</c>) does not, so go keeps <c>open PATH: </c>.
    /// </summary>
    private static string FileError(string path, string display) =>
        display.EndsWith(path, StringComparison.Ordinal) ? "" : $"open {path}: ";

    private async Task<ProxyRequestException?> GetFileAsync(string path, string display, Stream sink, long maxBytes, CancellationToken ct)
    {
        Trace($"# get {display}");
        // The common "not found" (a version or endpoint the module's directory lacks) is answered without an exception;
        // anything less certain (a parent we may not read) takes the open below and its exceptions, as before.
        if (IsSurelyMissing(path))
            return new ProxyRequestException($"reading {display}: {FileError(path, display)}no such file or directory", display, 404, transient: false);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ProxyRequestException($"reading {display}: {FileError(path, display)}no such file or directory", display, 404, transient: false, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ProxyRequestException($"reading {display}: {FileError(path, display)}permission denied", display, 403, transient: false, e);
        }
        catch (IOException e)
        {
            throw new ProxyRequestException($"reading {display}: {e.Message}", display, 0, transient: false, e);
        }
        await using (file.ConfigureAwait(false))
        {
            if (file.Length > maxBytes) throw new ResponseTooLargeException();
            try
            {
                await file.CopyToAsync(sink, 81920, ct).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new ProxyRequestException($"read \"{display}\": {e.Message}", display, 0, transient: false, e);
            }
        }
        return null;
    }

    /// <summary>
    /// True when <paramref name="path"/> does not exist and the nearest of its directories that does was listed without
    /// the next component of the path (a file we merely may not see is not "missing": its open reports permission
    /// denied). A module nobody serves has no directory at all: its lookups are answered here too.
    /// </summary>
    private static bool IsSurelyMissing(string path)
    {
        if (File.Exists(path) || Directory.Exists(path)) return false;
        var parent = Path.GetDirectoryName(path);
        var name = Path.GetFileName(path);
        while (parent is not null && !Directory.Exists(parent))
        {
            name = Path.GetFileName(parent);
            parent = Path.GetDirectoryName(parent);
        }
        if (parent is null || name.Length == 0 || name.AsSpan().IndexOfAny('*', '?') >= 0) return false;
        try
        {
            return !Directory.EnumerateFileSystemEntries(parent, name, new EnumerationOptions { MatchCasing = MatchCasing.CaseSensitive, MatchType = MatchType.Simple, AttributesToSkip = 0 }).Any();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Accepts what the system trusts, or a chain that ends in one of <paramref name="roots"/>; a host name mismatch is
    /// never accepted.
    /// </summary>
    private static bool IsTrusted(System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        System.Security.Cryptography.X509Certificates.X509Chain? chain, System.Net.Security.SslPolicyErrors errors,
        System.Security.Cryptography.X509Certificates.X509Certificate2Collection roots)
    {
        if (errors == System.Net.Security.SslPolicyErrors.None) return true;
        if (errors != System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors || certificate is null) return false;
        using var custom = new System.Security.Cryptography.X509Certificates.X509Chain();
        custom.ChainPolicy.TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(roots);
        custom.ChainPolicy.RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck;
        if (chain is not null)
            foreach (var element in chain.ChainElements) custom.ChainPolicy.ExtraStore.Add(element.Certificate);
        return custom.Build(certificate as System.Security.Cryptography.X509Certificates.X509Certificate2
                            ?? System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var ra = response.Headers.RetryAfter;
        if (ra?.Delta is { } delta) return delta;
        if (ra?.Date is { } date) return date - DateTimeOffset.UtcNow;
        return null;
    }

    /// <summary>Failures that asking again will not cure: nobody listening, no such host, a certificate we do not trust.</summary>
    private static bool IsRefusedOrUnresolvable(HttpRequestException e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData or SocketError.AddressNotAvailable }
                or System.Security.Authentication.AuthenticationException)
                return true;
        return false;
    }

    /// <summary>The resolver's definite "no such host" (or "no address"), not a lookup that timed out or failed for now.</summary>
    private static bool IsUnresolvable(HttpRequestException e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData })
                return true;
        return false;
    }

    private static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (!messages.Contains(x.Message)) messages.Add(x.Message);
        return string.Join(": ", messages);
    }

    private static string FirstLine(string s) => s.Split('\n')[0];

    private void Trace(string line) => _options.Trace?.Invoke(line);

    /// <summary>A failure worth retrying; becomes a <see cref="ProxyRequestException"/> when retries run out.</summary>
    private sealed class TransientFailure(string message, int statusCode, TimeSpan? retryAfter, Exception? inner) : Exception(message, inner)
    {
        public int StatusCode { get; } = statusCode;
        public TimeSpan? RetryAfter { get; } = retryAfter;
    }
}
