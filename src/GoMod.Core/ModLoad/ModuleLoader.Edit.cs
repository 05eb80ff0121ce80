using GoMod.Core.ModSummaries;
using GoMod.Core.Module;
using GoMod.Core.Mvs;
using GoMod.Core.Semver;

namespace GoMod.Core.ModLoad;

/// <summary>A requirement that could not be honoured: <see cref="Source"/> requires <see cref="Dep"/>, above <see cref="Constraint"/>.</summary>
internal readonly record struct Conflict(ModuleVersion Source, ModuleVersion Dep, ModuleVersion Constraint);

/// <summary>go's <c>ConstraintError</c>: the versions asked for cannot all be selected.</summary>
internal sealed class ConstraintException(IReadOnlyList<Conflict> conflicts) : Exception(Format(conflicts))
{
    public IReadOnlyList<Conflict> Conflicts { get; } = conflicts;

    private static string Format(IReadOnlyList<Conflict> conflicts) =>
        "version constraints conflict:" + string.Concat(conflicts.Select(c => $"\n\t{c.Source} requires {c.Dep}, but {c.Constraint} is requested"));
}

internal sealed partial class ModuleLoader
{
    /// <summary>
    /// go's <c>editRequirements</c>: returns requirements in which every version in <paramref name="mustSelect"/> is
    /// selected, every version in <paramref name="tryUpgrade"/> is upgraded toward as far as that allows, and every other
    /// root moves only as far as needed, never above the highest version of its path already in the graph (or in the
    /// graphs of the requested versions).
    /// </summary>
    public async Task<(Requirements Rs, bool Changed)> EditRequirementsAsync(Requirements rs, IReadOnlyList<ModuleVersion> tryUpgrade,
        IReadOnlyList<ModuleVersion> mustSelect, CancellationToken ct)
    {
        var limiter = await LimiterForEditAsync(rs, tryUpgrade, mustSelect, ct).ConfigureAwait(false);

        var conflicts = new List<Conflict>();
        foreach (var m in mustSelect)
        {
            var (conflict, err) = await limiter.SelectAsync(m, ct).ConfigureAwait(false);
            if (err is not null) throw err;
            if (conflict.Path is not null)
                conflicts.Add(new Conflict(m, conflict, new ModuleVersion(conflict.Path, limiter.Max[conflict.Path])));
        }
        if (conflicts.Count > 0) throw new ConstraintException(conflicts);

        var (mods, changed) = await SelectPotentiallyImportedModulesAsync(limiter, rs, tryUpgrade, ct).ConfigureAwait(false);

        ModuleVersion[] roots;
        if (rs.Pruning == ModulePruning.Unpruned)
        {
            var rootPaths = new List<string>();
            foreach (var m in mustSelect)
                if (m.Version != "none" && m.Path != Main.Path) rootPaths.Add(m.Path);
            if (!changed && rootPaths.Count == 0) return (rs, false);
            foreach (var m in mods)
                if (rs.RootSelected(Main.Path, m.Path, out var v) && (v == m.Version || rs.Direct.Contains(m.Path)))
                    rootPaths.Add(m.Path);
            roots = [.. await ReqAsync(mods, rootPaths, ct).ConfigureAwait(false)];
        }
        else
        {
            roots = [.. mods];
            if (!changed) return (rs, false);
        }

        var direct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in roots)
            if (rs.Direct.Contains(m.Path)) direct.Add(m.Path);
        return (new Requirements(rs.Pruning, roots, direct), changed);
    }

    private async Task<VersionLimiter> LimiterForEditAsync(Requirements rs, IReadOnlyList<ModuleVersion> tryUpgrade, IReadOnlyList<ModuleVersion> mustSelect, CancellationToken ct)
    {
        var (mg, err) = await rs.GraphAsync(this, ct).ConfigureAwait(false);
        if (err is not null) throw err;

        var maxVersion = new Dictionary<string, string>(StringComparer.Ordinal);
        void RestrictTo(ModuleVersion m)
        {
            if (!maxVersion.TryGetValue(m.Path, out var v) || CompareVersions(v, m.Version) > 0) maxVersion[m.Path] = m.Version;
        }

        if (rs.Pruning == ModulePruning.Unpruned)
        {
            foreach (var m in mg.BuildList) RestrictTo(m);
        }
        else
        {
            foreach (var m in rs.RootModules) RestrictTo(new ModuleVersion(m.Path, mg.Selected(m.Path)));
        }

        await RaiseLimitsForUpgradesAsync(maxVersion, rs.Pruning, tryUpgrade, mustSelect, ct).ConfigureAwait(false);

        foreach (var m in mustSelect) RestrictTo(m);
        return new VersionLimiter(this, rs.Pruning, maxVersion);
    }

    /// <summary>
    /// go's <c>raiseLimitsForUpgrades</c>: lifts the limits to what each <paramref name="tryUpgrade"/> version (alone)
    /// and all of <paramref name="mustSelect"/> (together) would need if added as roots. Unrestricted paths stay so.
    /// </summary>
    private async Task RaiseLimitsForUpgradesAsync(Dictionary<string, string> maxVersion, ModulePruning pruning,
        IReadOnlyList<ModuleVersion> tryUpgrade, IReadOnlyList<ModuleVersion> mustSelect, CancellationToken ct)
    {
        void Allow(ModuleVersion m)
        {
            if (!maxVersion.TryGetValue(m.Path, out var v)) return;
            if (CompareVersions(v, m.Version) < 0) maxVersion[m.Path] = m.Version;
        }

        var unprunedUpgrades = new List<ModuleVersion>();
        HashSet<string>? isPrunedRootPath = null;
        if (pruning == ModulePruning.Unpruned)
        {
            unprunedUpgrades.AddRange(tryUpgrade);
        }
        else
        {
            isPrunedRootPath = new HashSet<string>(maxVersion.Keys, StringComparer.Ordinal);
            foreach (var m in tryUpgrade) isPrunedRootPath.Add(m.Path);
            foreach (var m in mustSelect) isPrunedRootPath.Add(m.Path);

            var allowedRoot = new HashSet<ModuleVersion>();
            async Task AllowRootAsync(ModuleVersion m)
            {
                if (!allowedRoot.Add(m)) return;
                if (m.Path == Main.Path) return;
                Allow(m);
                var summary = await SummaryAsync(m, ct).ConfigureAwait(false);
                if (summary.Pruning == ModulePruning.Unpruned)
                {
                    unprunedUpgrades.Add(m);
                    return;
                }
                foreach (var r in summary.Require)
                {
                    if (isPrunedRootPath.Contains(r.Path)) await AllowRootAsync(r).ConfigureAwait(false);
                    else Allow(r);
                }
            }
            foreach (var m in tryUpgrade)
            {
                try
                {
                    await AllowRootAsync(m).ConfigureAwait(false);
                }
                catch (Exception e) when (e is ModuleException or GoCommandException)
                {
                    // go ignores the error of each individual upgrade here; the limiter reports it if it matters.
                }
            }
        }

        if (unprunedUpgrades.Count > 0)
        {
            var (upgradeGraph, err) = await ReadModGraphAsync(ModulePruning.Unpruned, unprunedUpgrades, ct).ConfigureAwait(false);
            if (err is not null) throw err;
            foreach (var r in upgradeGraph.BuildList) Allow(r);
        }

        List<ModuleVersion>? nextRoots = [.. mustSelect];
        while (nextRoots is not null)
        {
            var rs = new Requirements(pruning, Requirements.Sorted(nextRoots), new HashSet<string>(StringComparer.Ordinal));
            nextRoots = null;
            var (rs2, mustGraph, err) = await ExpandGraphAsync(rs, ct).ConfigureAwait(false);
            if (err is not null) throw err;
            foreach (var r in mustGraph.BuildList)
            {
                Allow(r);
                if (isPrunedRootPath is not null && isPrunedRootPath.Contains(r.Path))
                {
                    if (rs2.RootSelected(Main.Path, r.Path, out var v) && r.Version == v) continue;
                    nextRoots ??= [.. rs2.RootModules];
                    nextRoots.Add(r);
                }
            }
        }
    }

    /// <summary>
    /// go's <c>selectPotentiallyImportedModules</c>: upgrades every root (every build-list module when unpruned) and every
    /// <paramref name="tryUpgrade"/> version as far toward its version as the limits allow, then selects consistently.
    /// </summary>
    private async Task<(ModuleVersion[] Mods, bool Changed)> SelectPotentiallyImportedModulesAsync(VersionLimiter limiter, Requirements rs,
        IReadOnlyList<ModuleVersion> tryUpgrade, CancellationToken ct)
    {
        foreach (var m in tryUpgrade) await limiter.UpgradeTowardAsync(m, ct).ConfigureAwait(false);

        IReadOnlyList<ModuleVersion> initial;
        if (rs.Pruning == ModulePruning.Unpruned)
        {
            var (mg, err) = await rs.GraphAsync(this, ct).ConfigureAwait(false);
            if (err is not null) throw err;
            initial = mg.BuildList.Skip(1).ToArray();
        }
        else
        {
            initial = rs.RootModules;
        }
        foreach (var m in initial) await limiter.UpgradeTowardAsync(m, ct).ConfigureAwait(false);

        var mods = new List<ModuleVersion>(limiter.Selected.Count);
        foreach (var (path, v) in limiter.Selected)
            if (v != "none" && path != Main.Path) mods.Add(new ModuleVersion(path, v));

        var (graph, gerr) = await ReadModGraphAsync(rs.Pruning, mods, ct).ConfigureAwait(false);
        if (gerr is not null) throw gerr;
        mods.Clear();
        foreach (var path in limiter.Selected.Keys)
        {
            if (path == Main.Path) continue;
            var v = graph.Selected(path);
            if (v != "none") mods.Add(new ModuleVersion(path, v));
        }
        var sorted = Requirements.Sorted(mods);
        return (sorted, !sorted.SequenceEqual(initial));
    }
}

/// <summary>
/// go's <c>versionLimiter</c>: which versions may be selected for each path given a maximum per restricted path,
/// following requirements (and, at pruned modules, only those of restricted paths) to disqualify versions that would
/// pull a restricted path above its maximum.
/// </summary>
internal sealed class VersionLimiter
{
    private readonly ModuleLoader _loader;
    private readonly ModulePruning _pruning;
    private readonly Dictionary<ModuleVersion, DqState> _dqReason = [];
    private readonly Dictionary<ModuleVersion, List<ModuleVersion>> _requiring = [];

    private readonly record struct DqState(Exception? Err, ModuleVersion Conflict)
    {
        public bool IsDisqualified => Err is not null || Conflict.Path is not null;
    }

    public VersionLimiter(ModuleLoader loader, ModulePruning pruning, Dictionary<string, string> max)
    {
        _loader = loader;
        _pruning = pruning;
        Max = max;
        Selected[loader.Main.Path] = "";
    }

    public Dictionary<string, string> Max { get; }

    /// <summary>Per path, the highest version found so far that violates no limit (insertion order kept, like go's map is not).</summary>
    public Dictionary<string, string> Selected { get; } = new(StringComparer.Ordinal);

    public async Task UpgradeTowardAsync(ModuleVersion m, CancellationToken ct)
    {
        if (Selected.TryGetValue(m.Path, out var selected))
        {
            if (ModuleLoader.CompareVersions(selected, m.Version) >= 0) return;
        }
        else
        {
            selected = "none";
        }

        if ((await CheckAsync(m, _pruning, ct).ConfigureAwait(false)).IsDisqualified)
        {
            var candidates = (await _loader.AllowedVersionsAsync(m.Path, _loader.CheckAllowedAsync, ct).ConfigureAwait(false)).ToList();
            int i = candidates.FindIndex(c => SemVer.Compare(c, m.Version) >= 0);
            if (i >= 0) candidates.RemoveRange(i, candidates.Count - i);
            while ((await CheckAsync(m, _pruning, ct).ConfigureAwait(false)).IsDisqualified)
            {
                int n = candidates.Count;
                if (n == 0 || ModuleLoader.CompareVersions(selected, candidates[n - 1]) >= 0) return;
                m = new ModuleVersion(m.Path, candidates[n - 1]);
                candidates.RemoveAt(n - 1);
            }
        }
        Selected[m.Path] = m.Version;
    }

    public async Task<(ModuleVersion Conflict, Exception? Err)> SelectAsync(ModuleVersion m, CancellationToken ct)
    {
        var dq = await CheckAsync(m, _pruning, ct).ConfigureAwait(false);
        if (!dq.IsDisqualified) Selected[m.Path] = m.Version;
        return (dq.Conflict, dq.Err);
    }

    private async Task<DqState> CheckAsync(ModuleVersion m, ModulePruning pruning, CancellationToken ct)
    {
        if (m.Version == "none" || m == _loader.Main.Version) return default;
        if (_dqReason.TryGetValue(m, out var seen)) return seen;
        _dqReason[m] = default;

        if (Max.TryGetValue(m.Path, out var max) && ModuleLoader.CompareVersions(m.Version, max) > 0)
            return Disqualify(m, new DqState(null, m));

        ModSummary summary;
        try
        {
            summary = await _loader.SummaryAsync(m, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ModuleException or GoCommandException or IOException)
        {
            return Disqualify(m, new DqState(e, default));
        }

        if (summary.Pruning == ModulePruning.Unpruned) pruning = ModulePruning.Unpruned;
        foreach (var r in summary.Require)
        {
            if (pruning == ModulePruning.Pruned && !Max.ContainsKey(r.Path)) continue;
            var dq = await CheckAsync(r, pruning, ct).ConfigureAwait(false);
            if (dq.IsDisqualified) return Disqualify(m, dq);
            if (!_requiring.TryGetValue(r, out var list)) _requiring[r] = list = [];
            list.Add(m);
        }
        return default;
    }

    private DqState Disqualify(ModuleVersion m, DqState dq)
    {
        if (_dqReason.TryGetValue(m, out var existing) && existing.IsDisqualified) return existing;
        _dqReason[m] = dq;
        if (_requiring.Remove(m, out var parents))
            foreach (var p in parents) Disqualify(p, new DqState(null, m));
        return dq;
    }
}
