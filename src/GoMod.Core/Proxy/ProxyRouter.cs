using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Module;
using GoMod.Core.Vcs;

namespace GoMod.Core.Proxy;

/// <summary>
/// Walks the GOPROXY list for one request as go's <c>TryProxies</c> and <c>Lookup</c> do: GONOPROXY routes matching
/// modules to <c>direct</c> (and away from every proxy), <c>off</c> refuses, <c>,</c> entries fall through only on "not
/// found", <c>|</c> entries on any error. When everything fails, the most useful error wins: a direct/noproxy error,
/// else the last real proxy error, else the last "not found".
/// </summary>
internal sealed class ProxyRouter : IDisposable
{
    private readonly GoEnvironment _env;
    private readonly Lazy<ProxyList> _list;
    private readonly Func<ProxyTransport> _transport;
    private readonly FetchOptions _options;
    private readonly ModMode _mode;
    private readonly Lazy<Vcs.VcsSession> _vcs;

    public ProxyRouter(GoEnvironment env, Func<ProxyTransport> transport, FetchOptions options, ModMode mode)
    {
        _env = env;
        _transport = transport;
        _options = options;
        _mode = mode;
        _vcs = new Lazy<Vcs.VcsSession>(() => new Vcs.VcsSession(env, options, transport));
        // Parsed on first use, as go does, so a warm cache works whatever GOPROXY says.
        _list = new Lazy<ProxyList>(() => ProxyList.Parse(env.GoProxy, env.GoNoProxy));
    }

    /// <summary>Runs <paramref name="f"/> against each applicable source until one succeeds.</summary>
    public async Task<T> TryProxiesAsync<T>(string modulePath, string version, Func<IModuleRepo, Task<T>> f)
    {
        if (_mode == ModMode.Vendor)
            throw new ModuleFetchException(modulePath, version, "module lookup disabled by -mod=vendor");

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
        throw best ?? new ModuleFetchException(modulePath, version, "GOPROXY list is empty");
    }

    /// <summary>
    /// <see cref="TryProxiesAsync{T}(string, string, Func{IModuleRepo, Task{T}})"/> for a request whose "not found" is an
    /// answer: <paramref name="f"/> returns null for it, and so does this when no source has it. The sources are walked
    /// as there (a null moves on like "not found"); a real failure still wins over "not found" and is thrown.
    /// </summary>
    public async Task<T?> TryProxiesOrNotFoundAsync<T>(string modulePath, string version, Func<IModuleRepo, Task<T?>> f) where T : class
    {
        if (_mode == ModMode.Vendor)
            throw new ModuleFetchException(modulePath, version, "module lookup disabled by -mod=vendor");

        // As TryProxiesAsync, with "not found" (null, or a not-found failure) as a possible best outcome of its own.
        Exception? best = null;
        var bestNotFound = true;
        var bestRank = Rank.NotExist;
        var entries = _list.Value.Entries;
        if (entries.Count == 0) throw new ModuleFetchException(modulePath, version, "GOPROXY list is empty");
        foreach (var entry in entries)
        {
            Exception? error = null;
            try
            {
                if (await f(Lookup(entry, modulePath, version)).ConfigureAwait(false) is { } found) return found;
            }
            catch (ModuleException e)
            {
                error = e;
            }
            var notExist = error is null or ModuleFetchException { IsNotFound: true };
            var useProxy = error is DisabledLookupException { Reason: DisabledLookupException.UseProxy };
            if (entry.Url == ProxyEntry.Direct || (entry.Url == ProxyEntry.NoProxy && !useProxy))
            {
                (best, bestNotFound, bestRank) = (error, notExist, Rank.Direct);
            }
            else if (bestRank <= Rank.Proxy && !notExist)
            {
                (best, bestNotFound, bestRank) = (error, false, Rank.Proxy);
            }
            else if (bestRank == Rank.NotExist)
            {
                (best, bestNotFound) = (error, true);
            }
            if (!entry.FallBackOnError && !notExist) break;
        }
        return bestNotFound ? null : throw best!;
    }

    private enum Rank { NotExist, Proxy, Direct }

    private IModuleRepo Lookup(ProxyEntry entry, string path, string version)
    {
        if (_env.IsNoProxy(path))
        {
            return entry.Url is ProxyEntry.NoProxy or ProxyEntry.Direct
                ? new DirectSource(path, _vcs.Value)
                : new DisabledSource(path, DisabledLookupException.NoProxy);
        }
        return entry.Url switch
        {
            ProxyEntry.Off => new DisabledSource(path, DisabledLookupException.Off),
            ProxyEntry.Direct => new DirectSource(path, _vcs.Value),
            ProxyEntry.NoProxy => new DisabledSource(path, DisabledLookupException.UseProxy),
            _ => new ProxySource(_transport(), ProxyUrl.Parse(entry.Url), path, _options.MaxMetadataBytes),
        };
    }

    /// <summary>Releases direct mode's HTTP clients, if direct mode was used.</summary>
    public void Dispose()
    {
        if (_vcs.IsValueCreated) _vcs.Value.Dispose();
    }
}
