using GoMod.Core.Module;

namespace GoMod.Core.Fetch;

/// <summary>
/// Walks the GOPROXY list for one request as go's <c>TryProxies</c> and <c>Lookup</c> do: GONOPROXY routes matching
/// modules to <c>direct</c> (and away from every proxy), <c>off</c> refuses, <c>,</c> entries fall through only on "not
/// found", <c>|</c> entries on any error. When everything fails, the most useful error wins: a direct/noproxy error,
/// else the last real proxy error, else the last "not found".
/// </summary>
internal sealed class ProxyRouter
{
    private readonly GoEnvironment _env;
    private readonly Lazy<ProxyList> _list;
    private readonly Func<ProxyTransport> _transport;
    private readonly FetchOptions _options;
    private readonly ModMode _mode;

    public ProxyRouter(GoEnvironment env, Func<ProxyTransport> transport, FetchOptions options, ModMode mode)
    {
        _env = env;
        _transport = transport;
        _options = options;
        _mode = mode;
        // Parsed on first use, as go does, so a warm cache works whatever GOPROXY says.
        _list = new Lazy<ProxyList>(() => ProxyList.Parse(env.GoProxy, env.GoNoProxy));
    }

    /// <summary>Runs <paramref name="f"/> against each applicable source until one succeeds.</summary>
    public async Task<T> TryProxiesAsync<T>(string modulePath, string version, Func<IModuleSource, Task<T>> f)
    {
        if (_mode == ModMode.Vendor)
            throw new ModuleFetchException(modulePath, version, "module lookup disabled by -mod=vendor", notFound: false);

        Exception? best = null;
        var bestRank = Rank.NotExist;
        foreach (var entry in _list.Value.Entries)
        {
            Exception error;
            try
            {
                return await f(Lookup(entry, modulePath, version)).ConfigureAwait(false);
            }
            catch (ModuleFetchException e)
            {
                error = e;
            }
            catch (ModuleException e)
            {
                error = e;
            }
            var notExist = error is ModuleFetchException { IsNotFound: true };
            var useProxy = error is DisabledLookupException { Reason: DisabledLookupException.UseProxy };
            if (entry.Url == ProxyEntry.Direct || (entry.Url == ProxyEntry.NoProxy && !useProxy))
            {
                best = error;
                bestRank = Rank.Direct;
            }
            else if (bestRank <= Rank.Proxy && !notExist)
            {
                best = error;
                bestRank = Rank.Proxy;
            }
            else if (bestRank == Rank.NotExist)
            {
                best = error;
            }
            if (!entry.FallBackOnError && !notExist) break;
        }
        throw best ?? new ModuleFetchException(modulePath, version, "GOPROXY list is empty", notFound: false);
    }

    private enum Rank { NotExist, Proxy, Direct }

    private IModuleSource Lookup(ProxyEntry entry, string path, string version)
    {
        if (_env.IsNoProxy(path))
        {
            return entry.Url is ProxyEntry.NoProxy or ProxyEntry.Direct
                ? new DirectSource(path, _env.IsInsecure(path))
                : new DisabledSource(path, DisabledLookupException.NoProxy);
        }
        return entry.Url switch
        {
            ProxyEntry.Off => new DisabledSource(path, DisabledLookupException.Off),
            ProxyEntry.Direct => new DirectSource(path, _env.IsInsecure(path)),
            ProxyEntry.NoProxy => new DisabledSource(path, DisabledLookupException.UseProxy),
            _ => new ProxySource(_transport(), ProxyUrl.Parse(entry.Url), path, _options.MaxMetadataBytes),
        };
    }
}

/// <summary>A lookup the configuration rules out; counts as "not found" so the list moves on.</summary>
internal sealed class DisabledLookupException(string path, string version, string reason)
    : ModuleFetchException(path, version, reason, notFound: true)
{
    public const string Off = "module lookup disabled by GOPROXY=off";
    public const string NoProxy = "disabled by GOPRIVATE/GONOPROXY";
    public const string UseProxy = "path does not match GOPRIVATE/GONOPROXY";

    public string Reason { get; } = reason;
}

/// <summary>Stands for GOPROXY=off and for proxies that GONOPROXY excludes.</summary>
internal sealed class DisabledSource(string path, string reason) : IModuleSource
{
    public string ModulePath { get; } = path;

    public Task<IReadOnlyList<string>> VersionsAsync(string prefix, CancellationToken ct) => throw Fail("");
    public Task<RevInfo> StatAsync(string rev, CancellationToken ct) => throw Fail(rev);
    public Task<RevInfo> LatestAsync(CancellationToken ct) => throw Fail("");
    public Task<IReadOnlyList<string>> ListLinesAsync(CancellationToken ct) => throw Fail("");
    public Task<RevInfo> LatestEndpointAsync(CancellationToken ct) => throw Fail("");
    public Task<byte[]> GoModAsync(string version, CancellationToken ct) => throw Fail(version);
    public Task ZipAsync(string version, Stream destination, CancellationToken ct) => throw Fail(version);
    public string ZipLocation(string version) => reason;

    private DisabledLookupException Fail(string version) => new(ModulePath, version, reason);
}

/// <summary>
/// <c>direct</c>: fetching from version control. Not implemented yet, so every request fails with a clear message
/// naming the module and what to change.
/// </summary>
internal sealed class DirectSource(string path, bool insecure) : IModuleSource
{
    public string ModulePath { get; } = path;

    public Task<IReadOnlyList<string>> VersionsAsync(string prefix, CancellationToken ct) => throw Fail("");
    public Task<RevInfo> StatAsync(string rev, CancellationToken ct) => throw Fail(rev);
    public Task<RevInfo> LatestAsync(CancellationToken ct) => throw Fail("");
    public Task<IReadOnlyList<string>> ListLinesAsync(CancellationToken ct) => throw Fail("");
    public Task<RevInfo> LatestEndpointAsync(CancellationToken ct) => throw Fail("");
    public Task<byte[]> GoModAsync(string version, CancellationToken ct) => throw Fail(version);
    public Task ZipAsync(string version, Stream destination, CancellationToken ct) => throw Fail(version);
    public string ZipLocation(string version) => "direct";

    private ModuleFetchException Fail(string version) => new(ModulePath, version,
        "fetching directly from version control (GOPROXY=direct" + (insecure ? ", GOINSECURE" : "") +
        " or a GONOPROXY/GOPRIVATE match) is not supported yet by GoMod.Sdk; " +
        "serve the module from a GOPROXY module proxy (https://, http:// or file://)", notFound: false);
}
