using System.Threading.Channels;
using GoMod.Core.ModSummaries;
using GoMod.Core.Module;
using GoMod.Core.Mvs;

namespace GoMod.Core.ModLoad;

internal sealed partial class ModuleLoader
{
    /// <summary>
    /// Reads the graph from <paramref name="roots"/> (go's <c>readModGraph</c>): at pruned (go ≥ 1.17) roots only the
    /// root's own go.mod is read; below a module that is unpruned (go &lt; 1.17, or an unpruned main module) the whole
    /// transitive closure is read. Loading errors are kept; the returned error is the one nearest the main module.
    /// </summary>
    public async Task<(ModuleGraph Graph, Exception? Error)> ReadModGraphAsync(ModulePruning pruning, IReadOnlyList<ModuleVersion> roots, CancellationToken ct)
    {
        // One coordinator (this method) owns the graph and the queue, so nothing is locked: a go.mod the summary store
        // answers is taken in line, any other is read on the thread pool (up to MaxParallelism at once) and its
        // completion comes back through a channel. Each version's go.mod is read once; its requirements enter the
        // graph before anything below it is queued, so every vertex added is reachable, as the incremental graph requires.
        var g = new RequirementGraph(CompareVersions, [Main.Version]);
        g.Require(Main.Version, [.. roots]);
        var loadCache = new Dictionary<ModuleVersion, Task<(ModSummary? Summary, Exception? Error)>>();
        var unprunedSeen = new HashSet<ModuleVersion>();
        var work = new Queue<(ModuleVersion M, ModulePruning P)>();
        var done = Channel.CreateUnbounded<(ModuleVersion M, ModulePruning P)>(new UnboundedChannelOptions { SingleReader = true });
        int inFlight = 0, max = Math.Max(1, Options.MaxParallelism);

        void Enqueue(ModuleVersion m, ModulePruning p)
        {
            if (m.Version == "none") return;
            if (p == ModulePruning.Unpruned && !unprunedSeen.Add(m)) return;
            work.Enqueue((m, p));
        }

        void Finish(ModuleVersion m, ModulePruning p)
        {
            var (summary, _) = loadCache[m].GetAwaiter().GetResult();
            if (summary is null) return;
            if (!g.IsLoaded(m)) g.Require(m, summary.Require);
            // Below a module that does not prune its graph, everything is read (and stays unpruned).
            if (p != ModulePruning.Pruned || summary.Pruning == ModulePruning.Unpruned)
                foreach (var r in summary.Require) Enqueue(r, ModulePruning.Unpruned);
        }

        foreach (var r in roots) Enqueue(r, pruning);
        while (work.Count > 0 || inFlight > 0)
        {
            while (work.Count > 0 && inFlight < max)
            {
                var (m, p) = work.Dequeue();
                if (!loadCache.TryGetValue(m, out var load))
                {
                    load = Options.Summaries is { } store && store.Contains(Main.Resolve(m))
                        ? TryLoadAsync(m, ct)
                        : Task.Run(() => TryLoadAsync(m, ct), ct);
                    loadCache[m] = load;
                }
                if (load.IsCompleted)
                {
                    Finish(m, p);
                    continue;
                }
                inFlight++;
                _ = load.ContinueWith((_, state) => done.Writer.TryWrite(((ModuleVersion, ModulePruning))state!), (m, p),
                    CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            if (inFlight == 0) continue;
            var next = await done.Reader.ReadAsync(ct).ConfigureAwait(false);
            do
            {
                inFlight--;
                Finish(next.M, next.P);
            }
            while (done.Reader.TryRead(out next));
        }

        var mg = new ModuleGraph(g, Main.Version);
        Exception? error = null;
        if (loadCache.Values.Any(t => t.Result.Error is not null))
        {
            var path = g.FindPath(m => loadCache.TryGetValue(m, out var t) && t.Result.Error is not null);
            if (path is not null)
            {
                // path[0] is the main module; path[1] is the go.mod requirement the chain starts from.
                var at = path.Count > 1 && Main.RequireLines.TryGetValue(path[1].Path, out var l) ? l : default;
                error = new BuildListException(loadCache[path[^1]].Result.Error!, path, null, at.Line > 0 ? Main.GoModPath : null, at.Line, at.Column);
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
        catch (Exception e) when (e is ModuleException or GoCommandException or IOException)
        {
            return (null, e);
        }
    }
}
