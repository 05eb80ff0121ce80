using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.ModSummaries;
using GoMod.Core.Module;
using GoMod.Core.Mvs;

namespace GoMod.Core.Workspace;

/// <summary>
/// go's module loading in workspace mode: every used module is a main module (a root of the graph, at no version), the
/// replacements and exclusions of <see cref="GoWorkspace"/> apply to every module, and the graph is read with go
/// 1.19's workspace pruning (<c>readModGraph</c> with <c>pruning == workspace</c>). Dependencies' go.mod files are read
/// through the single-module <see cref="ModuleLoader"/>, set up with the workspace's replacements.
/// </summary>
internal sealed class WorkspaceLoader
{
    private enum Pruning { Pruned, Unpruned, Workspace }

    private readonly Dictionary<string, WorkspaceModule> _mainByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModSummary> _mainSummaries = new(StringComparer.Ordinal);

    public WorkspaceLoader(GoWorkspace workspace, IModuleSource source, string? workingDirectory)
    {
        Workspace = workspace;
        // A module path used twice (go 1.19 does not object) is the last directory's, as go indexes main modules by path.
        foreach (var m in workspace.Modules) _mainByPath[m.Path] = m;
        var first = workspace.Modules.Count > 0 ? workspace.Modules[0] : null;
        // One synthetic main module carries what applies to every module: the replacements (directory ones relative to
        // the go.work directory) and the exclusions. Its path is the first used module's, which is never replaced.
        var main = new MainModule(first?.Path ?? "", workspace.Dir, workspace.GoVersion, [], [.. workspace.Exclusions],
            [.. workspace.Replacements], first?.File ?? ModFile.GoModFile.CreateEmpty());
        Loader = new ModuleLoader(source, main, new LoadOptions
        {
            // go runs readonly in a workspace, but does not ask go.sum for go.mod hashes: go.work.sum takes what the go.sum files lack.
            ReadOnly = true,
            Workspace = true,
            WorkingDirectory = workingDirectory ?? workspace.Dir,
            Files = new MainModuleFiles("", WorkspaceSums.Known(workspace).Format()),
        });
        MainVersions = workspace.Modules.Select(m => new ModuleVersion(m.Path, "")).ToArray();
    }

    public GoWorkspace Workspace { get; }

    public ModuleLoader Loader { get; }

    /// <summary>The main modules' vertices, in <c>use</c> order.</summary>
    public IReadOnlyList<ModuleVersion> MainVersions { get; }

    /// <summary>Whether <paramref name="m"/> is a main module's vertex.</summary>
    public bool IsMain(ModuleVersion m) => m.Version.Length == 0 && _mainByPath.ContainsKey(m.Path);

    /// <summary>The used module of a main module path.</summary>
    public WorkspaceModule? MainModule(string path) => _mainByPath.GetValueOrDefault(path);

    /// <summary>The module whose content is used for <paramref name="m"/>: a main module is never replaced.</summary>
    public ModuleVersion Resolve(ModuleVersion m) => IsMain(m) ? m : Loader.Main.Resolve(m);

    private ModSummary MainSummary(ModuleVersion m)
    {
        if (_mainSummaries.TryGetValue(m.Path, out var s)) return s;
        var module = _mainByPath[m.Path];
        s = ModSummaryReader.Summarize(module.GoModPath, module.GoModData);
        if (Loader.Main.HasExclusions) s = s.WithoutExcluded(Loader.Main.IsExcluded);
        _mainSummaries[m.Path] = s;
        return s;
    }

    /// <summary>
    /// Reads the workspace graph as go 1.19 does: from each main module, its go.mod's requirements (read at that
    /// module's own pruning); then, until nothing changes, every dependency of a module in "all" (a main module, or a
    /// module reached this way) whose selected version is above the version required is read at workspace pruning,
    /// so that its own requirements enter the graph. The error returned is the one nearest a main module.
    /// </summary>
    public async Task<(ModuleGraph Graph, Exception? Error)> ReadGraphAsync(CancellationToken ct)
    {
        var g = new RequirementGraph(ModuleLoader.CompareVersions, MainVersions);
        var results = new Dictionary<ModuleVersion, (ModSummary? Summary, Exception? Error)>();
        var unprunedSeen = new HashSet<ModuleVersion>();
        var queue = new List<(ModuleVersion M, Pruning P)>();

        void Enqueue(ModuleVersion m, Pruning p)
        {
            if (m.Version == "none") return;
            if (p == Pruning.Unpruned && !unprunedSeen.Add(m)) return;
            queue.Add((m, p));
        }

        async Task DrainAsync()
        {
            while (queue.Count > 0)
            {
                var wave = queue.ToArray();
                queue.Clear();
                var toLoad = wave.Select(w => w.M).Where(m => !results.ContainsKey(m)).Distinct().ToArray();
                var loaded = await Task.WhenAll(toLoad.Select(m => LoadAsync(m, ct))).ConfigureAwait(false);
                for (int i = 0; i < toLoad.Length; i++)
                {
                    results[toLoad[i]] = loaded[i];
                    if (loaded[i].Summary is { } s) g.Require(toLoad[i], s.Require);
                }
                foreach (var (m, p) in wave)
                {
                    var (summary, _) = results[m];
                    if (summary is null) continue;
                    if (p != Pruning.Pruned || summary.Pruning == ModulePruning.Unpruned)
                    {
                        var next = p == Pruning.Unpruned || summary.Pruning == ModulePruning.Unpruned ? Pruning.Unpruned : Pruning.Pruned;
                        foreach (var r in summary.Require) Enqueue(r, next);
                    }
                }
            }
        }

        foreach (var m in MainVersions) Enqueue(m, Pruning.Workspace);
        await DrainAsync().ConfigureAwait(false);

        // Dependencies of the main modules not at their selected versions: their requirements matter to "all".
        var hasDepsInAll = new HashSet<string>(MainVersions.Select(m => m.Path), StringComparer.Ordinal);
        var seen = new HashSet<ModuleVersion>();
        while (true)
        {
            var needs = new List<ModuleVersion>();
            var needSet = new HashSet<ModuleVersion>();
            foreach (var p in hasDepsInAll.Order(StringComparer.Ordinal))
            {
                var m = new ModuleVersion(p, g.Selected(p));
                if (!seen.Contains(m))
                {
                    if (needSet.Add(m)) needs.Add(m);
                    continue;
                }
                if (!g.RequiredBy(m, out var reqs)) continue;
                foreach (var r in reqs)
                {
                    var s = new ModuleVersion(r.Path, g.Selected(r.Path));
                    if (ModuleLoader.CompareVersions(s.Version, r.Version) > 0 && !seen.Contains(s) && needSet.Add(s)) needs.Add(s);
                }
            }
            if (needs.Count == 0) break;
            foreach (var m in needs)
            {
                Enqueue(m, Pruning.Workspace);
                seen.Add(m);
                hasDepsInAll.Add(m.Path);
            }
            await DrainAsync().ConfigureAwait(false);
        }

        var mg = new ModuleGraph(g, MainVersions.Count > 0 ? MainVersions[0] : default);
        Exception? error = null;
        if (results.Values.Any(r => r.Error is not null))
        {
            var path = g.FindPath(m => results.TryGetValue(m, out var r) && r.Error is not null);
            if (path is not null) error = new BuildListException(results[path[^1]].Error!, path, null);
        }
        return (mg, error);
    }

    private async Task<(ModSummary? Summary, Exception? Error)> LoadAsync(ModuleVersion m, CancellationToken ct)
    {
        try
        {
            if (IsMain(m)) return (MainSummary(m), null);
            return (await Loader.SummaryAsync(m, ct).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is ModuleException or GoCommandException or IOException or ModFile.ModFileParseException)
        {
            return (null, e);
        }
    }

    /// <summary>
    /// go's <c>keepSums</c> after the graph was read: the go.mod sum of every module whose requirements are in the graph
    /// (main modules aside), and with <paramref name="buildListZips"/> the zip sum of every module of the build list.
    /// </summary>
    public (HashSet<ModuleVersion> GoMods, HashSet<ModuleVersion> Zips) KeepSums(ModuleGraph mg, bool buildListZips)
    {
        var goMods = new HashSet<ModuleVersion>();
        var zips = new HashSet<ModuleVersion>();
        mg.Graph.WalkBreadthFirst(m =>
        {
            if (mg.Graph.IsLoaded(m) && !IsMain(m)) goMods.Add(Resolve(m));
        });
        if (buildListZips)
            foreach (var m in mg.BuildList)
                if (!IsMain(m)) zips.Add(Resolve(m));
        return (goMods, zips);
    }
}
