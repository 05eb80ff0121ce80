using System.Diagnostics;
using System.Globalization;
using GoMod.Core.Restore;

namespace GoMod.Benchmarks.Restore;

/// <summary>
/// <c>restore-phases --dir DIR --modcache DIR [--proxy URL] [--runs N] [--no-store] [--cold]</c>: runs the SDK's restore
/// of the main module in DIR in this process N times (the first includes JIT) and prints the time of each phase
/// (<see cref="RestoreOptions.Phases"/>) per run, with the process's CPU time and peak working set, and how many
/// dependency go.mod files the summary store answered. <c>--no-store</c> gives each run an empty in-memory store, as if
/// no earlier run had kept its summaries, and an empty in-memory source facts store (every Go file read). With <c>--cold</c> the module cache is moved aside (and removed, outside the
/// timing) before every run, so each run downloads and extracts everything. For finding where a restore's time goes,
/// not a user-level figure. <c>--sample-ms N</c> prints, every N ms during each run, the resident set split into
/// anonymous and file-backed pages (Linux /proc), the GC's committed bytes and heap size and the thread count, to tell
/// managed from native memory; <c>--alloc-ticks</c> prints the types the runtime's allocation ticks sampled most.
/// </summary>
public static class RestorePhasesCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        string dir = "", modCache = "", proxy = "off";
        int runs = 3, sampleMs = 0;
        bool noStore = false, cold = false, ticks = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dir": dir = Path.GetFullPath(args[++i]); break;
                case "--modcache": modCache = Path.GetFullPath(args[++i]); break;
                case "--proxy": proxy = args[++i]; break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--no-store": noStore = true; break;
                case "--cold": cold = true; break;
                case "--alloc-ticks": ticks = true; break;
                case "--sample-ms": sampleMs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"restore-phases: unknown argument {args[i]}"); return 2;
            }
        }
        if (dir.Length == 0 || modCache.Length == 0)
        {
            Console.Error.WriteLine("usage: restore-phases --dir DIR --modcache DIR [--proxy URL] [--runs N] [--cold]");
            return 2;
        }
        var settings = new Dictionary<string, string?>
        {
            ["GOPROXY"] = proxy, ["GOSUMDB"] = "off", ["GOMODCACHE"] = modCache, ["GOFLAGS"] = "", ["GOENV"] = "off",
        };
        for (int run = 1; run <= runs; run++)
        {
            if (cold && Directory.Exists(modCache))
            {
                var old = modCache + ".old-" + run.ToString(CultureInfo.InvariantCulture);
                Directory.Move(modCache, old);
                RemoveTree(old);
            }
            var phases = new List<(string Name, TimeSpan Time)>();
            var store = noStore ? GoMod.Core.GraphCache.ModSummaryStore.InMemory()
                : GoMod.Core.GraphCache.ModSummaryStore.Open(GoMod.Core.GraphCache.ModSummaryStore.DefaultFile(modCache, Path.Combine(dir, "go.mod")));
            var facts = noStore ? GoMod.Core.SourceStore.SourceFactsStore.InMemory()
                : GoMod.Core.SourceStore.SourceFactsStore.Open(GoMod.Core.SourceStore.SourceFactsStore.DefaultFile(modCache, Path.Combine(dir, "go.mod")));
            var trees = noStore ? GoMod.Core.VerifiedTrees.VerifiedTreeRecord.InMemory()
                : GoMod.Core.VerifiedTrees.VerifiedTreeRecord.Open(GoMod.Core.VerifiedTrees.VerifiedTreeRecord.DefaultFile(modCache, Path.Combine(dir, "go.mod")));
            var preload = Stopwatch.StartNew();
            facts.Preload();
            Console.WriteLine($"  source facts store read before the run: {preload.Elapsed.TotalMilliseconds:F0} ms");
            var options = new RestoreOptions
            {
                SourceFacts = facts,
                ModFile = Path.Combine(dir, "go.mod"),
                Settings = settings,
                GetEnvironmentVariable = name => name == "GOENV" ? "off" : Environment.GetEnvironmentVariable(name),
                Phases = (name, time) => phases.Add((name, time)),
                Summaries = store,
                Trees = trees,
            };
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var total = Stopwatch.StartNew();
            using var allocations = ticks ? new AllocationTicks() : null;
            using var stopSampling = new CancellationTokenSource();
            var sampling = sampleMs > 0 ? SampleAsync(sampleMs, total, stopSampling.Token) : Task.CompletedTask;
            var result = await new ModuleRestorer().RestoreAsync(options, CancellationToken.None).ConfigureAwait(false);
            total.Stop();
            await stopSampling.CancelAsync().ConfigureAwait(false);
            await sampling.ConfigureAwait(false);
            process.Refresh();
            Console.WriteLine($"run {run}: {total.Elapsed.TotalMilliseconds:F0} ms, cpu {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms, "
                + $"peak working set {process.PeakWorkingSet64 >> 20} MiB, {result.Modules.Count} modules, {result.Downloaded} downloaded, {result.Diagnostics.Count} diagnostics"
                + (result.Diagnostics.FirstOrDefault() is { } d ? $" (first: {d.Code} {d.Message.Split('\n')[0]})" : ""));
            foreach (var (name, time) in phases) Console.WriteLine($"  {name,-40} {time.TotalMilliseconds,8:F0} ms");
            Console.WriteLine($"  summary store: {store.Loaded} loaded, {store.Hits} answered, {store.Misses} go.mod files read");
            Console.WriteLine($"  verified trees: {trees.Loaded} loaded, {trees.Hits} answered by their stamps, {trees.Misses} stamps changed, {trees.Added} recorded");
            Console.WriteLine($"  source facts store: {facts.Loaded} modules loaded, {facts.Reused} reused, {facts.Renewed} renewed, {facts.FilesAnswered} files answered, {facts.FilesRead.Count} read, {facts.DirectoriesListed} directories listed{(facts.WasCorrupt ? ", file was damaged" : "")}");
            if (allocations is not null)
                foreach (var (type, bytes) in allocations.Top(25)) Console.WriteLine($"  allocated {bytes >> 20,6} MiB (sampled) {type}");
            var gc = GC.GetGCMemoryInfo();
            Console.WriteLine($"  gc: heap {gc.HeapSizeBytes >> 20} MiB, committed {gc.TotalCommittedBytes >> 20} MiB, allocated {GC.GetTotalAllocatedBytes() >> 20} MiB in all, "
                + $"collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, threads {process.Threads.Count}");
        }
        return 0;
    }

    /// <summary>Prints one memory sample line every <paramref name="ms"/> milliseconds until cancelled.</summary>
    private static async Task SampleAsync(int ms, Stopwatch clock, CancellationToken ct)
    {
        long peak = 0;
        while (!ct.IsCancellationRequested)
        {
            long anon = 0, file = 0, rss = 0;
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                static long KiB(string l) => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = KiB(line);
                else if (line.StartsWith("RssAnon:", StringComparison.Ordinal)) anon = KiB(line);
                else if (line.StartsWith("RssFile:", StringComparison.Ordinal)) file = KiB(line);
            }
            var gc = GC.GetGCMemoryInfo();
            peak = Math.Max(peak, rss);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  sample {clock.Elapsed.TotalSeconds,6:F1} s: rss {rss >> 10} MiB (anon {anon >> 10}, file {file >> 10}, peak {peak >> 10}), gc committed {GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes >> 20} MiB, heap {gc.HeapSizeBytes >> 20} MiB, allocated {GC.GetTotalAllocatedBytes() >> 20} MiB, threads {Process.GetCurrentProcess().Threads.Count}"));
            try { await Task.Delay(ms, ct).ConfigureAwait(false); } catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>Removes an extracted module cache (its directories are read-only).</summary>
    private static void RemoveTree(string dir)
    {
        using var rm = Process.Start(new ProcessStartInfo("sh", ["-c", $"chmod -R u+w '{dir}' && rm -rf '{dir}'"]))!;
        rm.WaitForExit();
    }
}

/// <summary><c>graph-phases --dir DIR --modcache DIR [--runs N]</c>: the build list's own steps, timed (main go.mod read, roots, graph).</summary>
public static class GraphPhasesCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        string dir = Path.GetFullPath(args[Array.IndexOf(args, "--dir") + 1]);
        string modCache = Path.GetFullPath(args[Array.IndexOf(args, "--modcache") + 1]);
        int runs = Array.IndexOf(args, "--runs") is var r and >= 0 ? int.Parse(args[r + 1], CultureInfo.InvariantCulture) : 3;
        for (int run = 1; run <= runs; run++)
        {
            var sw = Stopwatch.StartNew();
            var env = GoMod.Core.GoEnv.GoEnvironment.Resolve(new Dictionary<string, string?> { ["GOPROXY"] = "off", ["GOSUMDB"] = "off", ["GOMODCACHE"] = modCache, ["GOFLAGS"] = "" },
                name => name == "GOENV" ? "off" : null);
            var sumText = File.ReadAllText(Path.Combine(dir, "go.sum"));
            var sums = GoMod.Core.Sum.GoSumFile.Parse(Path.Combine(dir, "go.sum"), sumText);
            var checker = new GoMod.Core.Sum.GoSumChecker(Path.Combine(dir, "go.sum"), sums, GoMod.Core.GoEnv.ModMode.Mod);
            using var downloader = new GoMod.Core.Fetch.ModuleDownloader(env, checker);
            var source = new GoMod.Core.ModSource.DownloaderModuleSource(downloader);
            Console.WriteLine($"run {run}: env+go.sum {sw.ElapsedMilliseconds} ms");
            sw.Restart();
            var loader = await GoMod.Core.ModLoad.ModuleLoader.CreateAsync(source, dir, new GoMod.Core.ModLoad.LoadOptions { ReadOnly = true, MaxParallelism = Array.IndexOf(args, "--par") is var pi and >= 0 ? int.Parse(args[pi + 1], CultureInfo.InvariantCulture) : new GoMod.Core.ModLoad.LoadOptions().MaxParallelism }, CancellationToken.None);
            Console.WriteLine($"  main go.mod: {sw.ElapsedMilliseconds} ms");
            sw.Restart();
            var rs = await loader.LoadModFileAsync(GoMod.Core.ModLoad.LoadCommand.List, CancellationToken.None);
            Console.WriteLine($"  roots: {sw.ElapsedMilliseconds} ms");
            sw.Restart();
            var (rs2, mg, err) = await loader.ExpandGraphAsync(rs, CancellationToken.None);
            Console.WriteLine($"  graph: {sw.ElapsedMilliseconds} ms ({mg.BuildList.Count} modules, error {err?.Message ?? "none"})");
        }
        return 0;
    }
}
