using System.Collections.Concurrent;
using System.Globalization;
using GoMod.Core.Fetch;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.ModSource;

/// <summary>The versions of one module path as a proxy reports them (go's <c>versionRepo</c>).</summary>
internal interface IVersionRepo
{
    string ModulePath { get; }

    /// <summary>The tagged (non-pseudo) versions with the given prefix, in semver order.</summary>
    Task<IReadOnlyList<string>> VersionsAsync(string prefix, CancellationToken ct);

    Task<ResolvedRevision> StatAsync(string rev, CancellationToken ct);

    Task<ResolvedRevision> LatestAsync(CancellationToken ct);

    /// <summary>
    /// <see cref="LatestAsync"/> with "no latest version" (no <c>@latest</c> and nothing in the list to derive one
    /// from) as null instead of a not-found failure; other failures are thrown as there.
    /// </summary>
    async Task<ResolvedRevision?> TryLatestAsync(CancellationToken ct)
    {
        try
        {
            return await LatestAsync(ct).ConfigureAwait(false);
        }
        catch (ModuleNotFoundException)
        {
            return null;
        }
    }
}

/// <summary>A proxy's view of one path, with go's parsing of <c>@v/list</c> and its fallback for <c>@latest</c>; cached.</summary>
internal sealed class ProxyRepo(IModuleSource source, string path) : IVersionRepo
{
    private Task<IReadOnlyList<string>>? _list;
    private Task<ResolvedRevision?>? _latest;
    private Task<ResolvedRevision?>? _latestFromList;
    private readonly ConcurrentDictionary<string, Lazy<Task<ResolvedRevision>>> _stats = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    public string ModulePath => path;

    private Task<IReadOnlyList<string>> ListLinesAsync(CancellationToken ct)
    {
        lock (_lock) return _list ??= source.GetVersionListAsync(path, ct);
    }

    public async Task<IReadOnlyList<string>> VersionsAsync(string prefix, CancellationToken ct)
    {
        IReadOnlyList<string> lines;
        try
        {
            lines = await ListLinesAsync(ct).ConfigureAwait(false);
        }
        catch (ModuleException e)
        {
            throw ModuleFetchException.Create(path, "", e.Detail, e is ModuleNotFoundException, e);
        }
        var list = new List<string>();
        foreach (var line in lines)
        {
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length >= 1 && SemVer.IsValid(f[0]) && f[0].StartsWith(prefix, StringComparison.Ordinal) && !PseudoVersion.IsPseudoVersion(f[0]))
                list.Add(f[0]);
        }
        SemVer.Sort(list);
        return list;
    }

    public Task<ResolvedRevision> StatAsync(string rev, CancellationToken ct) =>
        _stats.GetOrAdd(rev, r => new Lazy<Task<ResolvedRevision>>(() => StatCoreAsync(r, ct))).Value;

    private async Task<ResolvedRevision> StatCoreAsync(string rev, CancellationToken ct)
    {
        ResolvedRevision info;
        try
        {
            info = await source.StatAsync(path, rev, ct).ConfigureAwait(false);
        }
        catch (ModuleException e)
        {
            throw VersionError(rev, e.Detail, e is ModuleNotFoundException, e);
        }
        if (info.Version != rev && rev == ModulePath_CanonicalVersion(rev) && CheckModule(path, rev))
            throw VersionError(rev, $"proxy returned info for version {info.Version} instead of requested version", false, null);
        return info;
    }

    private static string ModulePath_CanonicalVersion(string v) => GoMod.Core.Module.ModulePath.CanonicalVersion(v);

    private static bool CheckModule(string path, string version)
    {
        if (!SemVer.IsValid(version)) return false;
        if (!GoMod.Core.Module.ModulePath.SplitPathVersion(path, out _, out var pathMajor)) return false;
        return GoMod.Core.Module.ModulePath.MatchPathMajor(version, pathMajor);
    }

    private ModuleFetchException VersionError(string version, string detail, bool notFound, Exception? cause)
    {
        // go's module.InvalidVersionError inside a ModuleError: "path@version: invalid [pseudo-]version: reason".
        if (version.Length != 0 && version != ModulePath_CanonicalVersion(version))
            detail = (PseudoVersion.IsPseudoVersion(version) ? "invalid pseudo-version: " : "invalid version: ") + detail;
        return ModuleFetchException.Create(path, version, detail, notFound, cause);
    }

    public async Task<ResolvedRevision> LatestAsync(CancellationToken ct) =>
        await TryLatestAsync(ct).ConfigureAwait(false) ?? throw VersionError("", "no commits", true, null);

    public Task<ResolvedRevision?> TryLatestAsync(CancellationToken ct)
    {
        lock (_lock) return _latest ??= LatestCoreAsync(ct);
    }

    /// <summary>
    /// <c>@latest</c>, else derived from the list; null when neither has one. A static proxy answers 404 for every
    /// module it knows only by pseudo-version, so "not found" travels as null here, not as an exception.
    /// </summary>
    private async Task<ResolvedRevision?> LatestCoreAsync(CancellationToken ct)
    {
        try
        {
            if (await source.TryLatestAsync(path, ct).ConfigureAwait(false) is { } latest) return latest;
        }
        catch (ModuleNotFoundException)
        {
        }
        catch (ModuleException e)
        {
            throw VersionError("", e.Detail, e is ModuleNotFoundException, e);
        }
        Task<ResolvedRevision?> t;
        lock (_lock) t = _latestFromList ??= LatestFromListAsync(ct);
        return await t.ConfigureAwait(false);
    }

    /// <summary>
    /// With no <c>@latest</c>, the newest pseudo-version (or timestamped line) of the list, as go's proxy client picks
    /// it; null when the list has none (go's "no commits").
    /// </summary>
    private async Task<ResolvedRevision?> LatestFromListAsync(CancellationToken ct)
    {
        IReadOnlyList<string> lines;
        try
        {
            lines = await ListLinesAsync(ct).ConfigureAwait(false);
        }
        catch (ModuleException e)
        {
            throw VersionError("", e.Detail, e is ModuleNotFoundException, e);
        }
        DateTimeOffset bestTime = DateTimeOffset.MinValue;
        string bestVersion = "";
        foreach (var line in lines)
        {
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 1 || !SemVer.IsValid(f[0])) continue;
            DateTimeOffset ft = DateTimeOffset.MinValue;
            if (f.Length >= 2)
            {
                if (!DateTimeOffset.TryParse(f[1], CultureInfo.InvariantCulture, DateTimeStyles.None, out ft)) ft = DateTimeOffset.MinValue;
            }
            else if (PseudoVersion.IsPseudoVersion(f[0]))
            {
                ft = new DateTimeOffset(PseudoVersion.Time(f[0]), TimeSpan.Zero);
            }
            else continue;
            if (bestTime < ft)
            {
                bestTime = ft;
                bestVersion = f[0];
            }
        }
        if (bestVersion.Length == 0) return null;
        return await StatAsync(bestVersion, ct).ConfigureAwait(false);
    }
}

/// <summary>A repo for a path that is not a valid module path: no versions, every lookup fails with the path error.</summary>
internal sealed class EmptyRepo(string path, Exception error) : IVersionRepo
{
    public string ModulePath => path;

    public Task<IReadOnlyList<string>> VersionsAsync(string prefix, CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([]);

    public Task<ResolvedRevision> StatAsync(string rev, CancellationToken ct) => Task.FromException<ResolvedRevision>(error);

    public Task<ResolvedRevision> LatestAsync(CancellationToken ct) => Task.FromException<ResolvedRevision>(error);
}
