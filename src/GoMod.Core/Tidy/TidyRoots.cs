using GoMod.Core.ModLoad;
using GoMod.Core.Module;
using GoMod.Core.Mvs;
using GoMod.Core.Packages;
using GoMod.Core.Semver;

namespace GoMod.Core.Tidy;

/// <summary>
/// go's <c>tidyRoots</c>: the fewest root requirements that keep every loaded package provided by the module version
/// it was loaded from, and (for a pruned main module) keep the pruning invariants.
/// </summary>
internal static class TidyRoots
{
    /// <summary>The tidy roots of <paramref name="rs"/> for <paramref name="pkgs"/> (tests included), with <paramref name="rs"/>'s direct marks.</summary>
    public static Task<Requirements> ComputeAsync(ModuleLoader loader, Requirements rs, IReadOnlyList<GoPackage> pkgs, CancellationToken ct) =>
        rs.Pruning == ModulePruning.Unpruned ? UnprunedAsync(loader, rs.Direct, pkgs, ct) : PrunedAsync(loader, rs.Direct, pkgs, ct);

    /// <summary>
    /// go's <c>tidyPrunedRoots</c>: the module of every package in "all" is a root; then, one import depth at a time
    /// (packages in "all" first, then what they and their tests import), the module of any other package that the
    /// roots' graph would select below the version it was loaded at becomes a root too.
    /// </summary>
    private static async Task<Requirements> PrunedAsync(ModuleLoader loader, IReadOnlySet<string> direct, IReadOnlyList<GoPackage> pkgs, CancellationToken ct)
    {
        var roots = new List<ModuleVersion>();
        var pathIncluded = new HashSet<string>(StringComparer.Ordinal) { loader.Main.Path };
        var queue = new List<GoPackage>();
        var queued = new HashSet<GoPackage>();
        foreach (var pkg in pkgs)
        {
            if (!pkg.InAll) continue;
            if (pkg.FromExternalModule && pathIncluded.Add(pkg.Module.Path)) roots.Add(pkg.Module);
            queue.Add(pkg);
            queued.Add(pkg);
        }
        var tidy = new Requirements(ModulePruning.Pruned, Requirements.Sorted(roots), direct);

        while (queue.Count > 0)
        {
            roots = [.. tidy.RootModules];
            var (mg, err) = await tidy.GraphAsync(loader, ct).ConfigureAwait(false);
            if (err is not null) throw err;

            var previous = queue;
            queue = [];
            foreach (var pkg in previous)
            {
                var m = pkg.Module;
                if (m.Path is not { Length: > 0 }) continue;
                foreach (var dep in pkg.ImportedPackages)
                    if (queued.Add(dep)) queue.Add(dep);
                if (pkg.Test is { } test && queued.Add(test)) queue.Add(test);
                if (pathIncluded.Add(m.Path) && ModuleLoader.CompareVersions(mg.Selected(m.Path), m.Version) < 0) roots.Add(m);
            }
            if (roots.Count > tidy.RootModules.Length) tidy = new Requirements(ModulePruning.Pruned, Requirements.Sorted(roots), tidy.Direct);
        }

        var (_, gerr) = await tidy.GraphAsync(loader, ct).ConfigureAwait(false);
        if (gerr is not null) throw gerr;
        return tidy;
    }

    /// <summary>
    /// go's <c>tidyUnprunedRoots</c>: the minimal requirements (<c>mvs.Req</c>) that keep the version of every module
    /// providing a package, the direct ones as roots; a module that could lexically have provided a package (and so
    /// needs its sum to rule out an ambiguous import) is kept at its version if the minimal list would downgrade it.
    /// </summary>
    private static async Task<Requirements> UnprunedAsync(ModuleLoader loader, IReadOnlySet<string> direct, IReadOnlyList<GoPackage> pkgs, CancellationToken ct)
    {
        var keep = new List<ModuleVersion>();
        var keptPath = new HashSet<string>(StringComparer.Ordinal);
        var rootPaths = new List<string>();
        var inRootPaths = new HashSet<string>(StringComparer.Ordinal);
        var altMods = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pkg in pkgs)
        {
            if (!pkg.FromExternalModule) continue;
            var m = pkg.Module;
            if (keptPath.Add(m.Path))
            {
                keep.Add(m);
                if (direct.Contains(m.Path) && inRootPaths.Add(m.Path)) rootPaths.Add(m.Path);
            }
            foreach (var alt in pkg.AltModules) altMods[alt.Path] = alt.Version;
        }

        var min = await loader.ReqAsync(keep, rootPaths, ct).ConfigureAwait(false);
        var buildList = await loader.MvsBuildListAsync(keep, ct).ConfigureAwait(false);
        bool keptAltMod = false;
        foreach (var m in buildList)
        {
            if (altMods.TryGetValue(m.Path, out var v) && SemVer.Compare(m.Version, v) < 0)
            {
                keep.Add(new ModuleVersion(m.Path, v));
                keptAltMod = true;
            }
        }
        // A kept alternative may make another indirect requirement unnecessary: minimise again rather than add it.
        if (keptAltMod) min = await loader.ReqAsync(keep, rootPaths, ct).ConfigureAwait(false);
        return new Requirements(ModulePruning.Unpruned, Requirements.Sorted(min), direct);
    }
}
