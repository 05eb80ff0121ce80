using GoMod.Core.Fetch;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.ModLoad;

/// <summary>
/// A repo augmented with the versions the main module replaces (go's <c>replacementRepo</c>): replaced versions
/// count as existing, and a path replaced at every version has a synthetic zero pseudo-version as latest.
/// </summary>
internal sealed class ReplacementRepo(IVersionRepo repo, ModuleLoader loader) : IVersionRepo
{
    public string ModulePath => repo.ModulePath;

    public async Task<IReadOnlyList<string>> VersionsAsync(string prefix, CancellationToken ct)
    {
        IReadOnlyList<string> repoVersions;
        try
        {
            repoVersions = await repo.VersionsAsync(prefix, ct).ConfigureAwait(false);
        }
        catch (ModuleNotFoundException)
        {
            repoVersions = [];
        }
        var versions = repoVersions.ToList();
        foreach (var m in loader.Main.ReplacedVersions)
            if (m.Path == ModulePath && m.Version.StartsWith(prefix, StringComparison.Ordinal) && m.Version.Length != 0 && !PseudoVersion.IsPseudoVersion(m.Version))
                versions.Add(m.Version);
        if (versions.Count == repoVersions.Count) return repoVersions;
        versions.Sort((a, b) => SemVer.Compare(a, b));
        var unique = new List<string>(versions.Count);
        foreach (var v in versions) if (unique.Count == 0 || unique[^1] != v) unique.Add(v);
        return unique;
    }

    public async Task<ResolvedRevision> StatAsync(string rev, CancellationToken ct)
    {
        try
        {
            return await repo.StatAsync(rev, ct).ConfigureAwait(false);
        }
        catch (Exception) when (loader.Main.HasReplacements)
        {
            var v = GoMod.Core.Module.ModulePath.CanonicalVersion(rev);
            if (v != rev) throw;
            if (GoMod.Core.Module.ModulePath.SplitPathVersion(ModulePath, out _, out var pathMajor) && pathMajor.Length == 0
                && !GoMod.Core.Module.ModulePath.MatchPathMajor(v, pathMajor) && SemVer.Build(v).Length == 0)
                v += "+incompatible";
            if (loader.Main.Replacement(new ModuleVersion(ModulePath, v)).Path is null) throw;
            return ReplacementStat(v);
        }
    }

    public async Task<ResolvedRevision> LatestAsync(CancellationToken ct)
    {
        ResolvedRevision? info = null;
        Exception? error = null;
        try
        {
            info = await repo.LatestAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ModuleException or GoCommandException)
        {
            error = e;
        }
        if (loader.Main.HighestReplaced.TryGetValue(ModulePath, out var v))
        {
            if (v.Length == 0)
            {
                // A wildcard replacement: a pseudo-version below any real one, so a real version can still be chosen later.
                var major = GoMod.Core.Module.ModulePath.SplitPathVersion(ModulePath, out _, out var pathMajor) && pathMajor.Length > 0 ? pathMajor[1..] : "v0";
                v = PseudoVersion.Build(major, "", new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc), "000000000000");
            }
            if (error is not null || SemVer.Compare(v, info!.Version) > 0) return ReplacementStat(v);
        }
        if (error is not null) throw error;
        return info!;
    }

    private static ResolvedRevision ReplacementStat(string v) =>
        new(v, PseudoVersion.IsPseudoVersion(v) ? new DateTimeOffset(DateTime.SpecifyKind(PseudoVersion.Time(v), DateTimeKind.Utc)) : DateTimeOffset.MinValue);
}
