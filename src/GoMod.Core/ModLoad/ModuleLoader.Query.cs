using System.Collections.Concurrent;
using GoMod.Core.Fetch;
using GoMod.Core.ModFile;
using GoMod.Core.ModSource;
using GoMod.Core.ModSummaries;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.ModLoad;

/// <summary>Decides whether a version may be chosen by a query: null when allowed, a <see cref="DisallowedVersionException"/> when not, another exception when it cannot tell.</summary>
internal delegate Task<Exception?> AllowedFunc(ModuleVersion m, CancellationToken ct);

internal sealed partial class ModuleLoader
{
    private readonly ConcurrentDictionary<string, ProxyRepo> _repos = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<ModuleVersion?>>> _latestIgnoringRetractions = new(StringComparer.Ordinal);

    /// <summary>go's <c>lookupRepo</c>: the proxy's view of a path, augmented with the main module's replacements of it.</summary>
    private IVersionRepo LookupRepo(string path, out Exception? error)
    {
        IVersionRepo repo;
        error = null;
        try
        {
            ModulePath.CheckPath(path);
            repo = _repos.GetOrAdd(path, p => new ProxyRepo(Source, p));
        }
        catch (ModulePathException e)
        {
            error = new GoCommandException(e.Message, e);
            repo = new EmptyRepo(path, error);
        }
        if (Main.HighestReplaced.ContainsKey(path))
        {
            error = null;
            return new ReplacementRepo(repo, this);
        }
        return repo;
    }

    /// <summary>go's <c>Query(path, version, "", nil)</c> for a complete version, as go list uses it to fill a module's <c>.info</c>.</summary>
    public Task<ResolvedRevision> StatVersionAsync(string path, string version, CancellationToken ct) => QueryAsync(path, version, "", null, ct);

    /// <summary>
    /// Resolves a version query for a module path as go does (go's <c>modload.Query</c>): <c>latest</c>, <c>upgrade</c>,
    /// <c>patch</c>, a version prefix (<c>v1</c>, <c>v1.2</c>), a comparison (<c>&lt;v1.3.0</c>, <c>&gt;=v1.2.0</c>),
    /// an exact version, or a revision the source can resolve. <paramref name="current"/> is the selected version
    /// ("" or "none" if there is none); <paramref name="allowed"/> filters versions (null allows all).
    /// </summary>
    public async Task<ResolvedRevision> QueryAsync(string path, string query, string current, AllowedFunc? allowed, CancellationToken ct) =>
        await QueryOrNoMatchAsync(path, query, current, allowed, ct).ConfigureAwait(false) ?? throw new NoMatchingVersionException(query, current);

    /// <summary>
    /// <see cref="QueryAsync"/> with "no matching versions" as null (a module known only by pseudo-versions has no
    /// "latest": the retraction and deprecation checks of every such requirement end there, so it is no exception).
    /// </summary>
    private async Task<ResolvedRevision?> QueryOrNoMatchAsync(string path, string query, string current, AllowedFunc? allowed, CancellationToken ct)
    {
        if (current.Length != 0 && current != "none" && !SemVer.IsValid(current))
            throw new GoCommandException($"invalid previous version \"{current}\"");
        allowed ??= (_, _) => Task.FromResult<Exception?>(null);

        if (path == Main.Path && (query is "upgrade" or "patch"))
        {
            var err = await allowed(Main.Version, ct).ConfigureAwait(false);
            if (err is not null) throw new GoCommandException($"internal error: main module version is not allowed: {err.Message}", err);
            return new ResolvedRevision("", DateTimeOffset.MinValue);
        }
        if (path is "std" or "cmd")
            throw new GoCommandException($"can't query specific version (\"{query}\") of standard-library module \"{path}\"");

        var repo = LookupRepo(path, out var repoErr);
        if (repoErr is not null) throw repoErr;

        var qm = QueryMatcher.Create(path, query, current, allowed, out var parseError, out bool revQuery);
        if ((qm is not null && qm.CanStat) || revQuery)
        {
            ResolvedRevision info;
            try
            {
                info = await repo.StatAsync(query, ct).ConfigureAwait(false);
            }
            catch (ModuleException queryErr)
            {
                var canonicalQuery = ModulePath.CanonicalVersion(query);
                if (canonicalQuery.Length == 0 || query == canonicalQuery) throw;
                try
                {
                    info = await repo.StatAsync(canonicalQuery, ct).ConfigureAwait(false);
                }
                catch (ModuleNotFoundException)
                {
                    throw queryErr;
                }
            }
            var aerr = await allowed(new ModuleVersion(path, info.Version), ct).ConfigureAwait(false);
            if (aerr is DisallowedVersionException) throw aerr;
            return info;
        }
        if (parseError is not null) throw parseError;

        var versions = await repo.VersionsAsync(qm!.Prefix, ct).ConfigureAwait(false);
        var (releases, prereleases) = await qm.FilterVersionsAsync(this, versions, ct).ConfigureAwait(false);

        async Task<ResolvedRevision> Lookup(string v)
        {
            var rev = await repo.StatAsync(v, ct).ConfigureAwait(false);
            if ((query is "upgrade" or "patch") && PseudoVersion.IsPseudoVersion(current) && rev.Time != DateTimeOffset.MinValue)
            {
                // Upgrade and patch never move from a pseudo-version to a version that already existed when it was made.
                var currentTime = new DateTimeOffset(DateTime.SpecifyKind(PseudoVersion.Time(current), DateTimeKind.Utc));
                if (rev.Time < currentTime)
                {
                    var cerr = await allowed(new ModuleVersion(path, current), ct).ConfigureAwait(false);
                    if (cerr is DisallowedVersionException) throw cerr;
                    return await repo.StatAsync(current, ct).ConfigureAwait(false);
                }
            }
            return rev;
        }

        if (qm.PreferLower)
        {
            if (releases.Count > 0) return await Lookup(releases[0]).ConfigureAwait(false);
            if (prereleases.Count > 0) return await Lookup(prereleases[0]).ConfigureAwait(false);
        }
        else
        {
            if (releases.Count > 0) return await Lookup(releases[^1]).ConfigureAwait(false);
            if (prereleases.Count > 0) return await Lookup(prereleases[^1]).ConfigureAwait(false);
        }

        if (qm.MayUseLatest)
        {
            ResolvedRevision? latest = null;
            try
            {
                latest = await repo.TryLatestAsync(ct).ConfigureAwait(false);
            }
            catch (ModuleNotFoundException)
            {
            }
            if (latest is not null && await qm.AllowsVersionAsync(latest.Version, ct).ConfigureAwait(false))
                return await Lookup(latest.Version).ConfigureAwait(false);
        }

        if ((query is "upgrade" or "patch") && current.Length != 0 && current != "none")
        {
            var cerr = await allowed(new ModuleVersion(path, current), ct).ConfigureAwait(false);
            if (cerr is DisallowedVersionException) throw cerr;
            return await Lookup(current).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>go's <c>IsRevisionQuery</c>: true for a query naming one version or revision, false for one choosing among versions.</summary>
    public static bool IsRevisionQuery(string vers) =>
        !(vers is "latest" or "upgrade" or "patch" || vers.StartsWith('<') || vers.StartsWith('>') || (SemVer.IsValid(vers) && QueryMatcher.IsSemverPrefix(vers)));

    /// <summary>The tagged versions of a path that <paramref name="allowed"/> accepts (go's <c>versions</c>).</summary>
    public async Task<IReadOnlyList<string>> AllowedVersionsAsync(string path, AllowedFunc allowed, CancellationToken ct)
    {
        var repo = LookupRepo(path, out var repoErr);
        if (repoErr is not null) throw repoErr;
        var all = await repo.VersionsAsync("", ct).ConfigureAwait(false);
        var result = new List<string>(all.Count);
        foreach (var v in all)
        {
            var err = await allowed(new ModuleVersion(path, v), ct).ConfigureAwait(false);
            if (err is null) result.Add(v);
            else if (err is not DisallowedVersionException) throw err;
        }
        return result;
    }

    /// <summary>go's <c>CheckAllowed</c>: excluded by the main module or retracted by the module's author.</summary>
    public async Task<Exception?> CheckAllowedAsync(ModuleVersion m, CancellationToken ct) =>
        CheckExclusions(m) ?? await CheckRetractionsAsync(m, ct).ConfigureAwait(false);

    public Exception? CheckExclusions(ModuleVersion m) =>
        Main.IsExcluded(m) ? DisallowedVersionException.Excluded(m.Path, m.Version) : null;

    /// <summary>
    /// go's <c>CheckRetractions</c>: whether the go.mod of the module's latest version (retractions and exclusions
    /// ignored) retracts <paramref name="m"/>. Errors loading that go.mod come back as
    /// <c>loading module retractions for m: …</c>, which callers generally ignore.
    /// </summary>
    public async Task<Exception?> CheckRetractionsAsync(ModuleVersion m, CancellationToken ct)
    {
        if (m.Version.Length == 0) return null;
        if (Main.Replacement(new ModuleVersion(m.Path, "")).Path is not null) return null;
        ModSummary summary;
        try
        {
            if (await TryLatestVersionIgnoringRetractionsAsync(m.Path, ct).ConfigureAwait(false) is not { } rm)
            {
                var none = new NoMatchingVersionException("latest", "");
                return new RetractionLoadingException(m, none.Message, none);
            }
            summary = await RawSummaryAsync(rm, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ModuleException or GoCommandException or NoMatchingVersionException)
        {
            var inner = e is ModuleException mse ? mse.Detail : e.Message;
            return new RetractionLoadingException(m, inner, e);
        }
        var rationale = new List<string>();
        bool retracted = false;
        foreach (var r in summary.Retract)
        {
            if (SemVer.Compare(r.Low, m.Version) <= 0 && SemVer.Compare(m.Version, r.High) <= 0)
            {
                retracted = true;
                if (r.Rationale.Length != 0) rationale.Add(r.Rationale);
            }
        }
        return retracted ? DisallowedVersionException.Retracted(m.Path, m.Version, rationale) : null;
    }

    /// <summary>go's <c>CheckDeprecation</c>: the <c>Deprecated:</c> message of the module's latest go.mod, or "".</summary>
    public async Task<string> CheckDeprecationAsync(ModuleVersion m, CancellationToken ct)
    {
        if (m.Version.Length == 0) return "";
        if (Main.Replacement(new ModuleVersion(m.Path, "")).Path is not null) return "";
        try
        {
            // No version to read a Deprecated comment from: none, as every caller treats go's "no matching versions" here.
            if (await TryLatestVersionIgnoringRetractionsAsync(m.Path, ct).ConfigureAwait(false) is not { } latest) return "";
            return (await RawSummaryAsync(latest, ct).ConfigureAwait(false)).Deprecated;
        }
        catch (Exception e) when (e is ModuleException or GoCommandException or NoMatchingVersionException)
        {
            throw new GoCommandException($"loading deprecation for {m.Path}: {e.Message}", e);
        }
    }

    /// <summary>The latest version of a path with no retraction or exclusion applied, or its replacement (go's <c>queryLatestVersionIgnoringRetractions</c>).</summary>
    public async Task<ModuleVersion> LatestVersionIgnoringRetractionsAsync(string path, CancellationToken ct) =>
        await TryLatestVersionIgnoringRetractionsAsync(path, ct).ConfigureAwait(false) ?? throw new NoMatchingVersionException("latest", "");

    /// <summary><see cref="LatestVersionIgnoringRetractionsAsync"/> with "no matching versions" as null.</summary>
    private Task<ModuleVersion?> TryLatestVersionIgnoringRetractionsAsync(string path, CancellationToken ct) =>
        _latestIgnoringRetractions.GetOrAdd(path, p => new Lazy<Task<ModuleVersion?>>(async () =>
        {
            var all = Main.Replacement(new ModuleVersion(p, ""));
            if (all.Path is not null) return all;
            var rev = await QueryOrNoMatchAsync(p, "latest", "", null, ct).ConfigureAwait(false);
            return rev is null ? null : Main.Resolve(new ModuleVersion(p, rev.Version));
        })).Value;

    /// <summary>
    /// go's <c>versionHasGoMod</c>: whether the version's go.mod is more than the synthesized <c>module path</c> line
    /// served for modules without one (which decides whether +incompatible versions may be "latest").
    /// </summary>
    public async Task<bool> VersionHasGoModAsync(ModuleVersion m, CancellationToken ct)
    {
        var data = await RawGoModDataAsync(m, ct).ConfigureAwait(false);
        var legacy = "module " + m.Path + "\n";
        return !(data.Length == legacy.Length && System.Text.Encoding.UTF8.GetString(data) == legacy);
    }

    private async Task<byte[]> RawGoModDataAsync(ModuleVersion m, CancellationToken ct)
    {
        if (_goModData.TryGetValue(m, out var data) && data is not null) return data;
        data = await Source.GetGoModAsync(m.Path, m.Version, ct).ConfigureAwait(false);
        _goModData.TryAdd(m, HadGoModSum(m) ? null : data);
        return data;
    }
}

/// <summary>An error reading a module's retractions: <c>loading module retractions for path@v: detail</c>.</summary>
internal sealed class RetractionLoadingException(ModuleVersion m, string detail, Exception inner)
    : Exception($"loading module retractions for {m}: {detail}", inner);
