using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.ModCache;
using GoMod.Core.Module;
using GoMod.Core.Sum;

namespace GoMod.Benchmarks.Download;

/// <summary>
/// <c>fetch --proxy URL --modcache DIR [--gosum FILE --mode mod|readonly] [--parallel N] [--verify] [--report-memory]
/// path@version...</c>: downloads (info, mod, zip, extracted tree) into a module cache with <see cref="ModuleDownloader"/>
/// and reports each module. Used by the fetch tests as a separate process (kill and multi-process tests) and by the
/// download benchmark to measure peak memory. Exit code 0 when every module succeeded.
/// </summary>
public static class FetchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? proxy = null, modCache = null, goSum = null;
        var mode = ModMode.Mod;
        var parallel = 0;
        bool verify = false, memory = false;
        var modules = new List<ModuleVersion>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--proxy": proxy = args[++i]; break;
                case "--modcache": modCache = args[++i]; break;
                case "--gosum": goSum = args[++i]; break;
                case "--mode": mode = args[++i] == "readonly" ? ModMode.ReadOnly : ModMode.Mod; break;
                case "--parallel": parallel = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--verify": verify = true; break;
                case "--report-memory": memory = true; break;
                default:
                    var at = args[i].LastIndexOf('@');
                    if (at <= 0)
                    {
                        Console.Error.WriteLine($"fetch: not a module@version: {args[i]}");
                        return 2;
                    }
                    modules.Add(new ModuleVersion(args[i][..at], args[i][(at + 1)..]));
                    break;
            }
        }
        if (proxy is null || modCache is null)
        {
            Console.Error.WriteLine("fetch: --proxy and --modcache are required");
            return 2;
        }

        var env = GoEnvironment.FromVariables(name => name switch
        {
            "GOPROXY" => proxy,
            "GOMODCACHE" => modCache,
            "GOENV" => "off",
            "GOSUMDB" => "off",
            _ => Environment.GetEnvironmentVariable(name),
        });
        var options = new FetchOptions();
        if (parallel > 0) options = options with { MaxParallelDownloads = parallel };
        var sums = goSum is null ? null : await GoSumChecker.LoadAsync(goSum, mode, default);
        var failed = 0;
        using (var downloader = new ModuleDownloader(env, sums, options))
        {
            var results = await downloader.DownloadAsync(modules, DownloadParts.All);
            foreach (var r in results)
            {
                if (r.Error is null) Console.WriteLine($"ok {r.Module}{(r.FromCache ? " (cache)" : "")}");
                else
                {
                    failed++;
                    Console.WriteLine($"error {r.Module}: {r.Error.Replace("\n", "\n\t")}");
                }
            }
            if (sums is not null && mode == ModMode.Mod) await downloader.SaveGoSumAsync();
            if (verify)
            {
                var v = await ModuleCacheVerifier.VerifyAllAsync(downloader.Cache);
                Console.Write("verify: " + v.Output);
                if (!v.AllVerified) failed++;
            }
        }
        if (memory) Console.WriteLine($"peak-rss-kb: {PeakRssKb()}");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>The process's peak resident set (VmHWM), or -1 where /proc is not available.</summary>
    public static long PeakRssKb()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
        }
        return -1;
    }
}
