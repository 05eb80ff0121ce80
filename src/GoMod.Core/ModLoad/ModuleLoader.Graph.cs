using System.Collections.Concurrent;
using System.Threading.Channels;
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
        var g = new RequirementGraph(CompareVersions, [Main.Version]);
        g.Require(Main.Version, [.. roots]);
        var gate = new object();
        var loadCache = new ConcurrentDictionary<ModuleVersion, Task<(ModSummary? Summary, Exception? Error)>>();
        var unprunedSeen = new HashSet<ModuleVersion>();
        var queue = Channel.CreateUnbounded<(ModuleVersion M, ModulePruning P)>();
        int pending = 0;

        // Each version's go.mod is read once; its requirements enter the graph before anything below it is queued,
        // so every vertex added is reachable, as the incremental graph requires.
        async Task<(ModSummary?, Exception?)> LoadOneAsync(ModuleVersion m)
        {
            var tcs = new TaskCompletionSource<(ModSummary?, Exception?)>(TaskCreationOptions.RunContinuationsAsynchronously);
            var existing = loadCache.GetOrAdd(m, tcs.Task);
            if (existing != tcs.Task) return await existing.ConfigureAwait(false);
            var result = await TryLoadAsync(m, ct).ConfigureAwait(false);
            if (result.Item1 is { } s)
                lock (gate) g.Require(m, s.Require);
            tcs.SetResult(result);
            return result;
        }

        void Enqueue(ModuleVersion m, ModulePruning p)
        {
            if (m.Version == "none") return;
            if (p == ModulePruning.Unpruned)
                lock (gate) if (!unprunedSeen.Add(m)) return;
            Interlocked.Increment(ref pending);
            queue.Writer.TryWrite((m, p));
        }

        async Task WorkAsync()
        {
            await foreach (var (m, p) in queue.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    var (summary, _) = await LoadOneAsync(m).ConfigureAwait(false);
                    // Below a module that does not prune its graph, everything is read (and stays unpruned).
                    if (summary is not null && (p != ModulePruning.Pruned || summary.Pruning == ModulePruning.Unpruned))
                        foreach (var r in summary.Require) Enqueue(r, ModulePruning.Unpruned);
                }
                finally
                {
                    if (Interlocked.Decrement(ref pending) == 0) queue.Writer.TryComplete();
                }
            }
        }

        Interlocked.Increment(ref pending);
        foreach (var r in roots) Enqueue(r, pruning);
        if (Interlocked.Decrement(ref pending) == 0) queue.Writer.TryComplete();
        int workers = Math.Max(1, Math.Min(Options.MaxParallelism, roots.Count));
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync, ct))).ConfigureAwait(false);

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
