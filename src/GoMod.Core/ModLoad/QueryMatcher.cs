using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.ModLoad;

/// <summary>The parsed form of a version query (go's <c>queryMatcher</c>).</summary>
internal sealed class QueryMatcher
{
    private QueryMatcher(string path, AllowedFunc allowed) { Path = path; Allowed = allowed; }

    public string Path { get; }

    public string Prefix { get; private set; } = "";

    public Func<string, bool>? Filter { get; private set; }

    public AllowedFunc Allowed { get; }

    /// <summary>The query names one version, found with a direct <c>.info</c> lookup.</summary>
    public bool CanStat { get; private set; }

    public bool PreferLower { get; private set; }

    public bool MayUseLatest { get; private set; }

    public bool PreferIncompatible { get; private set; }

    /// <summary>go's <c>isSemverPrefix</c>: <c>v1</c> or <c>v1.2</c>, not <c>v1.2.3</c> (the caller has checked validity).</summary>
    public static bool IsSemverPrefix(string v)
    {
        int dots = 0;
        foreach (var c in v)
        {
            if (c is '-' or '+') return false;
            if (c == '.' && ++dots >= 2) return false;
        }
        return true;
    }

    /// <summary>Parses <paramref name="query"/>; <paramref name="revQuery"/> is set for a non-semver revision, <paramref name="error"/> for a malformed range.</summary>
    public static QueryMatcher? Create(string path, string query, string current, AllowedFunc allowed, out Exception? error, out bool revQuery)
    {
        error = null;
        revQuery = false;
        Exception BadVersion(string v) => new GoCommandException($"invalid semantic version \"{v}\" in range \"{query}\"");
        bool MatchesMajor(string v) =>
            ModulePath.SplitPathVersion(path, out _, out var pathMajor) && ModulePath.MatchPathMajor(v, pathMajor);

        var qm = new QueryMatcher(path, allowed) { PreferIncompatible = current.EndsWith("+incompatible", StringComparison.Ordinal) };
        if (query == "latest")
        {
            qm.MayUseLatest = true;
        }
        else if (query == "upgrade")
        {
            if (current.Length == 0 || current == "none") qm.MayUseLatest = true;
            else
            {
                qm.MayUseLatest = PseudoVersion.IsPseudoVersion(current);
                qm.Filter = mv => SemVer.Compare(mv, current) >= 0;
            }
        }
        else if (query == "patch")
        {
            if (current.Length == 0 || current == "none")
            {
                error = new NoPatchBaseException(path);
                return null;
            }
            qm.MayUseLatest = PseudoVersion.IsPseudoVersion(current);
            qm.Prefix = SemVer.MajorMinor(current) + ".";
            qm.Filter = mv => SemVer.Compare(mv, current) >= 0;
        }
        else if (query.StartsWith("<=", StringComparison.Ordinal))
        {
            var v = query[2..];
            if (!SemVer.IsValid(v)) { error = BadVersion(v); return null; }
            if (IsSemverPrefix(v)) { error = new GoCommandException($"ambiguous semantic version \"{v}\" in range \"{query}\""); return null; }
            qm.Filter = mv => SemVer.Compare(mv, v) <= 0;
            if (!MatchesMajor(v)) qm.PreferIncompatible = true;
        }
        else if (query.StartsWith('<'))
        {
            var v = query[1..];
            if (!SemVer.IsValid(v)) { error = BadVersion(v); return null; }
            qm.Filter = mv => SemVer.Compare(mv, v) < 0;
            if (!MatchesMajor(v)) qm.PreferIncompatible = true;
        }
        else if (query.StartsWith(">=", StringComparison.Ordinal))
        {
            var v = query[2..];
            if (!SemVer.IsValid(v)) { error = BadVersion(v); return null; }
            qm.Filter = mv => SemVer.Compare(mv, v) >= 0;
            qm.PreferLower = true;
            if (!MatchesMajor(v)) qm.PreferIncompatible = true;
        }
        else if (query.StartsWith('>'))
        {
            var v = query[1..];
            if (!SemVer.IsValid(v)) { error = BadVersion(v); return null; }
            if (IsSemverPrefix(v)) { error = new GoCommandException($"ambiguous semantic version \"{v}\" in range \"{query}\""); return null; }
            qm.Filter = mv => SemVer.Compare(mv, v) > 0;
            qm.PreferLower = true;
            if (!MatchesMajor(v)) qm.PreferIncompatible = true;
        }
        else if (SemVer.IsValid(query))
        {
            if (IsSemverPrefix(query))
            {
                qm.Prefix = query + ".";
                // v1.2 must not match versions below v1.2.0 such as its prereleases (go.dev/issue/31972).
                qm.Filter = mv => SemVer.Compare(mv, query) >= 0;
            }
            else
            {
                qm.CanStat = true;
                qm.Filter = mv => SemVer.Compare(mv, query) == 0;
                qm.Prefix = SemVer.Canonical(query);
            }
            if (!MatchesMajor(query)) qm.PreferIncompatible = true;
        }
        else
        {
            revQuery = true;
            return null;
        }
        return qm;
    }

    /// <summary>Whether <paramref name="v"/> passes the prefix, the filter and the allowed function.</summary>
    public async Task<bool> AllowsVersionAsync(string v, CancellationToken ct)
    {
        if (Prefix.Length != 0 && !v.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        if (Filter is not null && !Filter(v)) return false;
        var err = await Allowed(new ModuleVersion(Path, v), ct).ConfigureAwait(false);
        return err is not DisallowedVersionException;
    }

    /// <summary>
    /// Splits the allowed versions into releases and prereleases, leaving out +incompatible versions above a
    /// compatible version that has a go.mod (unless +incompatible is preferred) (go's <c>filterVersions</c>).
    /// </summary>
    public async Task<(List<string> Releases, List<string> Prereleases)> FilterVersionsAsync(ModuleLoader loader, IReadOnlyList<string> versions, CancellationToken ct)
    {
        bool needIncompatible = PreferIncompatible;
        string lastCompatible = "";
        var releases = new List<string>();
        var prereleases = new List<string>();
        foreach (var v in versions)
        {
            if (!await AllowsVersionAsync(v, ct).ConfigureAwait(false)) continue;
            if (!needIncompatible)
            {
                if (!v.EndsWith("+incompatible", StringComparison.Ordinal)) lastCompatible = v;
                else if (lastCompatible.Length != 0)
                {
                    if (await loader.VersionHasGoModAsync(new ModuleVersion(Path, lastCompatible), ct).ConfigureAwait(false)) break;
                    needIncompatible = true;
                }
            }
            if (SemVer.Prerelease(v).Length != 0) prereleases.Add(v);
            else releases.Add(v);
        }
        return (releases, prereleases);
    }
}

/// <summary>go's <c>NoPatchBaseError</c>: <c>can't query version "patch" of module path: no existing version is required</c>.</summary>
internal sealed class NoPatchBaseException(string path)
    : GoCommandException($"can't query version \"patch\" of module {path}: no existing version is required");
