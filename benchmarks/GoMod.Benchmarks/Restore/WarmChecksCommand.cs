using System.Diagnostics;
using System.Globalization;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.ModCache;
using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Sum;

namespace GoMod.Benchmarks.Restore;

/// <summary>
/// <c>warm-checks --dir DIR --modcache DIR [--runs N]</c>: the download phase of a warm restore taken apart, in process:
/// for every module the main go.mod in DIR requires, each cache check timed on its own over all modules (one after
/// another), then the downloader's whole batch (<see cref="DownloadParts.Build"/>) as the restore runs it. For finding
/// where the warm checks' time goes, not a user-level figure.
/// </summary>
public static class WarmChecksCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        string dir = Path.GetFullPath(args[Array.IndexOf(args, "--dir") + 1]);
        string modCache = Path.GetFullPath(args[Array.IndexOf(args, "--modcache") + 1]);
        int runs = Array.IndexOf(args, "--runs") is var r and >= 0 ? int.Parse(args[r + 1], CultureInfo.InvariantCulture) : 3;
        var env = GoEnvironment.Resolve(new Dictionary<string, string?> { ["GOPROXY"] = "off", ["GOSUMDB"] = "off", ["GOMODCACHE"] = modCache, ["GOFLAGS"] = "" },
            name => name == "GOENV" ? "off" : null);
        var mod = GoModFile.Parse(Path.Combine(dir, "go.mod"), File.ReadAllText(Path.Combine(dir, "go.mod")));
        var targets = mod.Require.Select(q => new ModuleVersion(q.Path, q.Version)).ToList();
        for (int run = 1; run <= runs; run++)
        {
            var cache = new ModuleCache(modCache);
            var sumText = File.ReadAllText(Path.Combine(dir, "go.sum"));
            var sw = Stopwatch.StartNew();
            var sums = GoSumFile.Parse(Path.Combine(dir, "go.sum"), sumText);
            Console.WriteLine($"run {run}: {targets.Count} modules; go.sum parsed in {sw.Elapsed.TotalMilliseconds:F0} ms ({sums.Count} keys)");
            sw.Restart();
            var store = GoMod.Core.GraphCache.ModSummaryStore.Open(GoMod.Core.GraphCache.ModSummaryStore.DefaultFile(modCache, Path.Combine(dir, "go.mod")));
            Console.WriteLine($"  summary store opened in {sw.Elapsed.TotalMilliseconds:F0} ms ({store.Loaded} entries)");
            using var process = Process.GetCurrentProcess();
            (TimeSpan Cpu, long Bytes, Stopwatch Wall) Start()
            {
                process.Refresh();
                return (process.TotalProcessorTime, GC.GetTotalAllocatedBytes(true), Stopwatch.StartNew());
            }
            string Since((TimeSpan Cpu, long Bytes, Stopwatch Wall) s)
            {
                process.Refresh();
                return $"{s.Wall.Elapsed.TotalMilliseconds,8:F0} ms, cpu {(process.TotalProcessorTime - s.Cpu).TotalMilliseconds,6:F0} ms, {(GC.GetTotalAllocatedBytes(true) - s.Bytes) / 1024.0 / 1024.0,6:F1} MiB allocated";
            }
            void Step(string name, Action<ModuleVersion> step)
            {
                var s = Start();
                foreach (var m in targets) step(m);
                Console.WriteLine($"  {name,-36} {Since(s)}");
            }
            Step("paths (CachePath x6, ModuleDir)", m => { cache.CachePath(m, "info"); cache.CachePath(m, "mod"); cache.CachePath(m, "zip"); cache.CachePath(m, "ziphash"); cache.CachePath(m, "partial"); cache.CachePath(m, "lock"); cache.ModuleDir(m); });
            Step("ReadInfo", m => cache.ReadInfo(m));
            var files = targets.Select(cache.FilesOf).ToList();
            Step("FilesOf", m => cache.FilesOf(m));
            int k = 0;
            Step("TryReadCompleteTree", m => cache.TryReadCompleteTree(files[k++ % files.Count]));
            Step("ReadInfo(files)", m => cache.ReadInfo(files[k++ % files.Count]));
            Step("File.Exists(zip)", m => File.Exists(files[k++ % files.Count].Zip));
            Step("Directory.Exists(dir)", m => Directory.Exists(files[k++ % files.Count].Dir));
            Step("ReadGoMod + HashGoMod", m => DirHash.HashGoMod(cache.ReadGoMod(m)!));
            Step("GetExtractedState", m => cache.GetExtractedState(m));
            Step("HasZip", m => cache.HasZip(m));
            Step("ReadZipHashAsync", m => cache.ReadZipHashAsync(m, CancellationToken.None).GetAwaiter().GetResult());
            var checker = new GoSumChecker(Path.Combine(dir, "go.sum"), sums, ModMode.Mod);
            using var downloader = new ModuleDownloader(env, checker, cache: cache);
            var t = Start();
            var results = await downloader.DownloadAsync(targets, DownloadParts.Build, null, CancellationToken.None).ConfigureAwait(false);
            Console.WriteLine($"  {"downloader batch (Build)",-36} {Since(t)} ({results.Count(x => x.Succeeded)} ok, {cache.GoModReads} .mod reads)");
        }
        return 0;
    }
}
