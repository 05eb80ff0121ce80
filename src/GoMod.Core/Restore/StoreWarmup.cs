using GoMod.Core.GraphCache;
using GoMod.Core.GoEnv;
using GoMod.Core.ModCache;
using GoMod.Core.VerifiedTrees;

namespace GoMod.Core.Restore;

/// <summary>
/// Opens a run's stores — the go.mod summaries (<see cref="ModSummaryStore"/>) and the verified trees
/// (<see cref="VerifiedTreeRecord"/>) — on a thread-pool thread as soon as the module cache is known, then stamps the
/// cache files of their entries on the thread pool (<see cref="ModSummaryStore.Prefetch"/> at once,
/// <see cref="VerifiedTreeRecord.Prefetch"/> when a restore asks for the record), while the run parses go.mod and go.sum
/// and walks the graph on another core. Nothing waits for the stamps: an entry
/// the run reaches first is stamped by the run. Asking for a store waits only for its file to be read.
/// </summary>
internal sealed class StoreWarmup
{
    private readonly TaskCompletionSource<ModSummaryStore> _summaries = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<VerifiedTreeRecord> _trees = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ModuleCache _cache;
    private int _treesStamping;

    /// <summary>Starts opening the stores of <paramref name="options"/>' main module in <paramref name="cache"/> (or takes the ones the options carry).</summary>
    public StoreWarmup(RestoreOptions options, GoEnvironment environment, ModuleCache cache)
    {
        _cache = cache;
        _ = Task.Run(() =>
        {
            ModSummaryStore summaries;
            VerifiedTreeRecord trees;
            try
            {
                summaries = options.Summaries ?? ModSummaryStore.Open(ModSummaryStore.DefaultFile(environment.ModCache, options.ModFile));
                summaries.BeginRun();
                _summaries.SetResult(summaries);
            }
            catch (Exception e)
            {
                _summaries.SetException(e);
                _trees.SetException(e);
                return;
            }
            try
            {
                trees = options.Trees ?? VerifiedTreeRecord.Open(VerifiedTreeRecord.DefaultFile(environment.ModCache, options.ModFile));
                trees.BeginRun();
                _trees.SetResult(trees);
            }
            catch (Exception e)
            {
                _trees.SetException(e);
                return;
            }
            Prefetch(() => summaries.Prefetch(cache));
        });
    }

    // Only stamps: a failure leaves the entries to be stamped by the run.
    private static void Prefetch(Action stamp)
    {
        try
        {
            stamp();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
        }
    }

    /// <summary>The summary store, once its file is read.</summary>
    public ModSummaryStore Summaries => _summaries.Task.GetAwaiter().GetResult();

    /// <summary>
    /// The tree record, once its file is read. The first request (a restore's download step, asked for before the
    /// graph is read) starts stamping its entries on another thread; other runs (commands, design-time restores) never
    /// ask, and stamp nothing.
    /// </summary>
    public VerifiedTreeRecord Trees
    {
        get
        {
            var trees = _trees.Task.GetAwaiter().GetResult();
            if (Interlocked.Exchange(ref _treesStamping, 1) == 0) _ = Task.Run(() => Prefetch(() => trees.Prefetch(_cache)));
            return trees;
        }
    }
}
