using GoMod.Core.Auth;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Proxy;

namespace GoMod.Core.SumDb;

/// <summary>
/// Reaches a checksum database as the go command does. An explicit URL in GOSUMDB is used as is. Otherwise, on the
/// first request, each GOPROXY entry is asked for <c>&lt;proxy&gt;/sumdb/&lt;name&gt;/supported</c>: a 200 means that
/// proxy serves the database (and only it is used); 404/410, or any error on a <c>|</c> entry, moves to the next
/// entry; <c>direct</c>, <c>off</c> or the end of the list mean <c>https://&lt;name&gt;</c>; another error on a
/// <c>,</c> entry makes the database unavailable. Nothing is contacted while everything needed is cached.
/// </summary>
public sealed class SumDbRemote : IDisposable
{
    private readonly SumDbConfig _config;
    private readonly string _goProxy;
    private readonly FetchOptions _options;
    private readonly Lazy<ProxyTransport> _transport;
    private readonly SemaphoreSlim _baseGate = new(1, 1);
    private ProxyUrl? _base;
    private SumDbException? _baseError;

    /// <summary>A remote for <paramref name="config"/> reached through <paramref name="goProxy"/>.</summary>
    public SumDbRemote(SumDbConfig config, string goProxy, FetchOptions? options = null, string? home = null, string? netrc = null, string goAuth = "netrc")
    {
        _config = config;
        _goProxy = goProxy;
        _options = options ?? new FetchOptions();
        _transport = new Lazy<ProxyTransport>(() => new ProxyTransport(_options, _options.Auth ?? GoAuth.For(goAuth, netrc, home, _options)),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The base URL in use once resolved (for messages and tests), else null.</summary>
    public string? BaseUrl => _base?.ToString();

    /// <summary>GETs <paramref name="path"/> (starting with <c>/</c>) below the database's base URL.</summary>
    /// <exception cref="SumDbUnavailableException">No answer, or a non-200 answer.</exception>
    public async Task<byte[]> GetAsync(string path, CancellationToken ct)
    {
        var baseUrl = await ResolveBaseAsync(ct).ConfigureAwait(false);
        var trimmed = path.TrimStart('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var (first, rest) = slash < 0 ? (trimmed, "") : (trimmed[..slash], trimmed[(slash + 1)..]);
        try
        {
            return await _transport.Value.GetBytesAsync(baseUrl, first, rest, _options.MaxMetadataBytes, ct).ConfigureAwait(false);
        }
        catch (ProxyRequestException e)
        {
            throw new SumDbUnavailableException(e.IsNotFound ? SumDbFailure.NotFound : SumDbFailure.Unreachable, e.Message, e);
        }
        catch (ResponseTooLargeException e)
        {
            throw new SumDbUnavailableException(SumDbFailure.Unreachable, e.Message, e);
        }
    }

    private async Task<ProxyUrl> ResolveBaseAsync(CancellationToken ct)
    {
        if (_base is not null) return _base;
        await _baseGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_base is not null) return _base;
            if (_baseError is not null) throw _baseError;
            try
            {
                _base = await FindBaseAsync(ct).ConfigureAwait(false);
                _options.Trace?.Invoke($"# sumdb {_config.Name}: using {_base}");
                return _base;
            }
            catch (SumDbException e)
            {
                _baseError = e;
                throw;
            }
        }
        finally
        {
            _baseGate.Release();
        }
    }

    private async Task<ProxyUrl> FindBaseAsync(CancellationToken ct)
    {
        if (_config.Url is not null) return Parse(_config.Url);
        ProxyList list;
        try
        {
            list = ProxyList.Parse(_goProxy, null);
        }
        catch (GoEnvironmentException e)
        {
            throw new SumDbException(SumDbFailure.Configuration, e.Message, e);
        }
        ProxyRequestException? proxyError = null;
        foreach (var entry in list.Entries)
        {
            if (!entry.IsUrl)
            {
                if (entry.Url == ProxyEntry.NoProxy) continue;
                return Parse(_config.DirectUrl); // direct or off: connect to the database itself
            }
            var proxy = Parse(entry.Url);
            try
            {
                await _transport.Value.GetBytesAsync(proxy, "sumdb/" + _config.Name, "supported", _options.MaxMetadataBytes, ct).ConfigureAwait(false);
                return Parse(entry.Url.TrimEnd('/') + "/sumdb/" + _config.Name);
            }
            catch (ProxyRequestException e)
            {
                if (!e.IsNotFound) proxyError = e;
                if (!e.IsNotFound && !entry.FallBackOnError) break;
            }
        }
        if (proxyError is not null)
            throw new SumDbUnavailableException(SumDbFailure.Unreachable, proxyError.Message, proxyError);
        return Parse(_config.DirectUrl);
    }

    private static ProxyUrl Parse(string url)
    {
        try
        {
            return ProxyUrl.Parse(url);
        }
        catch (GoEnvironmentException e)
        {
            throw new SumDbException(SumDbFailure.Configuration, "invalid GOSUMDB URL: " + e.Message, e);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_transport.IsValueCreated) _transport.Value.Dispose();
        _baseGate.Dispose();
    }
}
