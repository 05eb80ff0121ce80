using GoMod.Core.ModSummaries;
using GoMod.Core.Module;
using GoMod.Core.Mvs;
using GoMod.Core.Packages;
using GoMod.Core.Semver;

namespace GoMod.Core.ModLoad;

/// <summary>The go command a load is done for; a few rules depend on it (as go checks <c>cfg.CmdName</c>).</summary>
internal enum LoadCommand
{
    /// <summary><c>go list -m</c> (and the other commands that may update go.mod).</summary>
    List,

    /// <summary><c>go mod graph</c>: never adds a missing go line.</summary>
    Graph,

    /// <summary><c>go get</c>.</summary>
    Get,
}

internal sealed partial class ModuleLoader
{
    /// <summary>
    /// The requirements as the main go.mod states them (go's <c>LoadModFile</c>): requirements on excluded versions
    /// dropped, redundant roots resolved, and — when go.mod may be updated and it has no go line — the go line set
    /// to the toolchain's version, converting the roots to a pruned graph.
    /// </summary>
    public async Task<Requirements> LoadModFileAsync(LoadCommand command, CancellationToken ct)
    {
        var roots = new List<ModuleVersion>(Main.Requires.Length);
        var direct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in Main.Requires)
        {
            if (Main.IsExcluded(r.Module))
            {
                Messages.Add(Options.ReadOnly
                    ? $"go: ignoring requirement on excluded version {r.Module.Path} {r.Module.Version}"
                    : $"go: dropping requirement on excluded version {r.Module.Path} {r.Module.Version}");
                continue;
            }
            roots.Add(r.Module);
            if (!r.Indirect) direct.Add(r.Module.Path);
        }
        var rs = new Requirements(ModSummary.PruningForGoVersion(Main.GoVersion), Requirements.Sorted(roots), direct);

        if (rs.HasRedundantRoot(Main.Path))
            rs = await UpdateRootsAsync(rs.Direct, rs, [], ct).ConfigureAwait(false);

        if (Main.RawGoVersion.Length == 0)
        {
            if (!Options.ReadOnly && command != LoadCommand.Graph)
            {
                AddedGoVersion = GoVersions.Latest;
                rs = await ConvertToPrunedAsync(rs, ct).ConfigureAwait(false);
            }
        }
        return rs;
    }

    /// <summary>The go line go adds to a main go.mod that has none (null when it keeps the file as is).</summary>
    public string? AddedGoVersion { get; private set; }

    /// <summary>The go version the main module is read at after loading.</summary>
    public string EffectiveGoVersion => AddedGoVersion ?? Main.GoVersion;

    private async Task<Requirements> ConvertToPrunedAsync(Requirements rs, CancellationToken ct)
    {
        if (rs.Pruning == ModulePruning.Pruned) return rs;
        // Every module of an unpruned build list, promoted to a root, gives the same graph when pruned.
        var (mg, err) = await rs.GraphAsync(this, ct).ConfigureAwait(false);
        if (err is not null) throw err;
        return new Requirements(ModulePruning.Pruned, mg.BuildList.Skip(1).ToArray(), rs.Direct);
    }

    /// <summary>
    /// Loads the complete graph from <paramref name="rs"/> and, when some root is not its path's selected version,
    /// computes consistent roots and reloads (go's <c>expandGraph</c>).
    /// </summary>
    public async Task<(Requirements Rs, ModuleGraph Graph, Exception? Error)> ExpandGraphAsync(Requirements rs, CancellationToken ct)
    {
        var (mg, err) = await rs.GraphAsync(this, ct).ConfigureAwait(false);
        if (err is not null) return (rs, mg, err);
        if (!AllRootsSelected(mg))
        {
            Requirements updated;
            try
            {
                updated = await UpdateRootsAsync(rs.Direct, rs, [], ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is BuildListException or ModuleException or GoCommandException)
            {
                return (rs, mg, e);
            }
            rs = updated;
            (mg, err) = await rs.GraphAsync(this, ct).ConfigureAwait(false);
        }
        return (rs, mg, err);
    }

    private bool AllRootsSelected(ModuleGraph mg)
    {
        mg.Graph.RequiredBy(Main.Version, out var roots);
        foreach (var m in roots)
            if (mg.Selected(m.Path) != m.Version) return false;
        return true;
    }

    /// <summary>
    /// go's <c>updateRoots</c>. <paramref name="pkgs"/> are the packages loaded (for a pruned main module, the modules
    /// providing packages imported by the main module, named as roots, or — with <paramref name="rootsImported"/> —
    /// imported by a root become roots).
    /// </summary>
    public Task<Requirements> UpdateRootsAsync(IReadOnlySet<string> direct, Requirements rs, IReadOnlyList<ModuleVersion> add, CancellationToken ct,
        IReadOnlyList<GoPackage>? pkgs = null, bool rootsImported = false) =>
        rs.Pruning == ModulePruning.Unpruned
            ? UpdateUnprunedRootsAsync(direct, rs, add, ct)
            : UpdatePrunedRootsAsync(direct, rs, add, pkgs ?? [], rootsImported, ct);

    /// <summary>
    /// go's <c>updatePrunedRoots</c> with no packages: every root becomes its path's selected version (once per path),
    /// every version in <paramref name="add"/> becomes a root unless a root is already at least as high, and the graph
    /// is reloaded until the roots stop moving.
    /// </summary>
    private async Task<Requirements> UpdatePrunedRootsAsync(IReadOnlySet<string> direct, Requirements rs, IReadOnlyList<ModuleVersion> add,
        IReadOnlyList<GoPackage> pkgs, bool rootsImported, CancellationToken ct)
    {
        var roots = rs.RootModules.ToList();
        bool rootsUpgraded = false;
        bool needSort = false;
        var spotCheckRoot = new HashSet<ModuleVersion>();
        foreach (var pkg in pkgs)
        {
            if (!pkg.FromExternalModule) continue;
            bool promote = pkg.Has(PackageFlags.InAll) || (rootsImported && pkg.Has(PackageFlags.FromRoot)) || pkg.Has(PackageFlags.IsRoot);
            if (!promote) continue;
            if (rs.RootSelected(Main.Path, pkg.Module.Path, out _))
            {
                spotCheckRoot.Add(pkg.Module);
            }
            else
            {
                roots.Add(pkg.Module);
                rootsUpgraded = true;
                needSort = true;
            }
        }
        foreach (var m in add)
        {
            if (!rs.RootSelected(Main.Path, m.Path, out var v) || CompareVersions(v, m.Version) < 0)
            {
                roots.Add(m);
                rootsUpgraded = true;
                needSort = true;
            }
        }
        if (needSort) roots = [.. Requirements.Sorted(roots)];

        while (true)
        {
            ModuleGraph? mg = null;
            if (rootsUpgraded)
            {
                if (Options.ReadOnly) throw GoModDirty();
                rs = new Requirements(ModulePruning.Pruned, [.. roots], direct);
                var (g, err) = await rs.GraphAsync(this, ct).ConfigureAwait(false);
                if (err is not null) throw err;
                mg = g;
            }
            else if (rs.IsGraphLoaded)
            {
                (mg, _) = await rs.GraphAsync(this, ct).ConfigureAwait(false);
            }
            else if (!await SpotCheckRootsAsync(rs, spotCheckRoot, ct).ConfigureAwait(false))
            {
                var (g, err) = await rs.GraphAsync(this, ct).ConfigureAwait(false);
                if (err is not null) throw err;
                mg = g;
            }

            roots = new List<ModuleVersion>(rs.RootModules.Length);
            rootsUpgraded = false;
            var inRootPaths = new HashSet<string>(StringComparer.Ordinal) { Main.Path };
            foreach (var m in rs.RootModules)
            {
                if (!inRootPaths.Add(m.Path)) continue;
                string v;
                if (mg is null) rs.RootSelected(Main.Path, m.Path, out v);
                else v = mg.Selected(m.Path);
                roots.Add(new ModuleVersion(m.Path, v));
                if (v != m.Version) rootsUpgraded = true;
            }
            if (!rootsUpgraded)
            {
                if (Options.ReadOnly) return rs;
                break;
            }
        }

        if (rs.Pruning == ModulePruning.Pruned && roots.SequenceEqual(rs.RootModules) && direct.SetEquals(rs.Direct))
            return rs;
        return new Requirements(ModulePruning.Pruned, [.. roots], direct);
    }

    /// <summary>go's <c>spotCheckRoots</c>: whether the roots are at least what each of <paramref name="mods"/> requires.</summary>
    private async Task<bool> SpotCheckRootsAsync(Requirements rs, IReadOnlySet<ModuleVersion> mods, CancellationToken ct)
    {
        foreach (var m in mods)
        {
            ModSummary summary;
            try
            {
                summary = await SummaryAsync(m, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ModuleException or GoCommandException or IOException)
            {
                return false;
            }
            foreach (var r in summary.Require)
                if (rs.RootSelected(Main.Path, r.Path, out var v) && CompareVersions(v, r.Version) < 0) return false;
        }
        return true;
    }

    /// <summary>
    /// go's <c>updateUnprunedRoots</c>: keep every root still at its selected version and every direct dependency,
    /// and add the fewest other requirements (<c>mvs.Req</c>) that keep the whole build list selected.
    /// </summary>
    private async Task<Requirements> UpdateUnprunedRootsAsync(IReadOnlySet<string> direct, Requirements rs, IReadOnlyList<ModuleVersion> add, CancellationToken ct)
    {
        var (mg, err) = await rs.GraphAsync(this, ct).ConfigureAwait(false);
        if (err is not null) throw err;

        if (Options.ReadOnly)
        {
            foreach (var m in rs.RootModules) if (m.Version != mg.Selected(m.Path)) throw GoModDirty();
            foreach (var m in add) if (m.Version != mg.Selected(m.Path)) throw GoModDirty();
            foreach (var p in direct) if (!rs.RootSelected(Main.Path, p, out _)) throw GoModDirty();
            return rs;
        }

        var rootPaths = new List<string>();
        var inRootPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in rs.RootModules)
            if (!inRootPaths.Contains(root.Path) && mg.Selected(root.Path) == root.Version)
            {
                rootPaths.Add(root.Path);
                inRootPaths.Add(root.Path);
            }

        var keep = mg.BuildList.Skip(1).Concat(add).ToArray();
        foreach (var m in keep)
            if (direct.Contains(m.Path) && inRootPaths.Add(m.Path)) rootPaths.Add(m.Path);

        var min = await ReqAsync(keep, rootPaths, ct).ConfigureAwait(false);
        var roots = min.ToArray();
        if (rs.Pruning == ModulePruning.Unpruned && roots.SequenceEqual(rs.RootModules) && direct.SetEquals(rs.Direct))
            return rs;
        return new Requirements(ModulePruning.Unpruned, roots, direct);
    }

    /// <summary><c>mvs.Req</c> for the main module with the given roots (go's <c>mvsReqs</c>).</summary>
    public Task<IReadOnlyList<ModuleVersion>> ReqAsync(IReadOnlyList<ModuleVersion> mainRoots, IReadOnlyList<string> basePaths, CancellationToken ct) =>
        MinimalVersionSelection.ReqAsync(Main.Version, basePaths, MvsRequired(mainRoots), CompareVersions, ct);

    /// <summary><c>mvs.BuildList</c> for the main module with the given roots.</summary>
    public Task<IReadOnlyList<ModuleVersion>> MvsBuildListAsync(IReadOnlyList<ModuleVersion> mainRoots, CancellationToken ct) =>
        MinimalVersionSelection.BuildListAsync([Main.Version], MvsRequired(mainRoots), CompareVersions, ct);

    private MinimalVersionSelection.RequiredFunc MvsRequired(IReadOnlyList<ModuleVersion> mainRoots) => async (m, token) =>
    {
        if (m.Version.Length == 0 && m.Path == Main.Path) return mainRoots;
        if (m.Version == "none") return [];
        return (await SummaryAsync(m, token).ConfigureAwait(false)).Require;
    };

    /// <summary>go's <c>errGoModDirty</c>, worded for how <c>-mod</c> was set.</summary>
    public ModFileUpdateNeededException GoModDirty() => new(Options.ModFlagExplicit);
}
