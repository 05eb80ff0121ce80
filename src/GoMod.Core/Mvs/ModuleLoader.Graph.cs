using System.Collections.Concurrent;
using GoMod.Core.Module;

namespace GoMod.Core.Mvs;

internal sealed partial class ModuleLoader
{
    /// <summary>
    /// Reads the graph from <paramref name="roots"/> (go's <c>readModGraph</c>): at pruned (go ≥ 1.17) roots only the
    /// root's own go.mod is read; below a module that is unpruned (go &lt; 1.17, or an unpruned main module) the whole
    /// transitive closure is read. Loading errors are kept; the returned error is the one nearest the main module.
    /// </summary>
    public async Task<(ModuleGraph Graph, Exception? Error)> ReadModGraphAsync(ModulePruning pruning, IReadOnlyList<ModuleVersion> roots, CancellationToken ct)
    {
        var g = new RequirementGraph(CompareVersions, [Main.Version]);
        g.Require(Main.Version, [.. roots]);
        var loaded = new Dictionary<ModuleVersion, (ModSummary? Summary, Exception? Error)>();
        var unprunedSeen = new HashSet<ModuleVersion>();

        var frontier = new List<(ModuleVersion M, ModulePruning P)>(roots.Count);
        foreach (var r in roots) frontier.Add((r, pruning));

        while (frontier.Count > 0)
        {
            var visit = new List<(ModuleVersion M, ModulePruning P)>(frontier.Count);
            var toLoad = new List<ModuleVersion>();
            var queued = new HashSet<ModuleVersion>();
            foreach (var (m, p) in frontier)
            {
                if (m.Version == "none") continue;
                if (p == ModulePruning.Unpruned && !unprunedSeen.Add(m)) continue;
                visit.Add((m, p));
                if (!loaded.ContainsKey(m) && queued.Add(m)) toLoad.Add(m);
            }

            var results = new ConcurrentDictionary<ModuleVersion, (ModSummary?, Exception?)>();
            if (toLoad.Count == 1 || Options.MaxParallelism <= 1)
            {
                foreach (var m in toLoad) results[m] = await TryLoadAsync(m, ct).ConfigureAwait(false);
            }
            else
            {
                await Parallel.ForEachAsync(toLoad, new ParallelOptions { MaxDegreeOfParallelism = Options.MaxParallelism, CancellationToken = ct },
                    async (m, token) => results[m] = await TryLoadAsync(m, token).ConfigureAwait(false)).ConfigureAwait(false);
            }
            foreach (var m in toLoad)
            {
                var r = results[m];
                loaded[m] = r;
                if (r.Item1 is { } s) g.Require(m, s.Require);
            }

            var next = new List<(ModuleVersion, ModulePruning)>();
            foreach (var (m, p) in visit)
            {
                var (summary, _) = loaded[m];
                if (summary is null) continue;
                if (p != ModulePruning.Pruned || summary.Pruning == ModulePruning.Unpruned)
                    foreach (var r in summary.Require) next.Add((r, ModulePruning.Unpruned));
            }
            frontier = next;
        }

        var mg = new ModuleGraph(g, Main.Version);
        Exception? error = null;
        if (loaded.Values.Any(v => v.Error is not null))
        {
            var path = g.FindPath(m => loaded.TryGetValue(m, out var v) && v.Error is not null);
            if (path is not null)
            {
                // path[0] is the main module; path[1] is the go.mod requirement the chain starts from.
                var at = path.Count > 1 && Main.RequireLines.TryGetValue(path[1].Path, out var l) ? l : default;
                error = new BuildListException(loaded[path[^1]].Error!, path, null, at.Line > 0 ? Main.GoModPath : null, at.Line, at.Column);
            }
        }
        return (mg, error);
    }

    private async Task<(ModSummary?, Exception?)> TryLoadAsync(ModuleVersion m, CancellationToken ct)
    {
        try
        {
            return (await SummaryAsync(m, ct).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is ModuleSourceException or GoCommandException or IOException)
        {
            return (null, e);
        }
    }
}
