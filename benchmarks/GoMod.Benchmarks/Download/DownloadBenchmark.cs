using System.Diagnostics;
using System.Globalization;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Module;

namespace GoMod.Benchmarks.Download;

/// <summary>
/// <c>download [--modules N] [--size KB] [--repeat R] [--latency MS] [--parallel 1,2,4,…] [--large MB] [--no-go]</c>:
/// generates N modules, serves them from a loopback proxy (optionally delaying each answer to mimic a real network),
/// and times cold (empty cache) and warm (full cache) downloads of all of
/// them (info, mod, zip, extraction) by our <see cref="ModuleDownloader"/> — in process and as a fresh process — and by
/// <c>go mod download</c> on the same proxy, printing medians and the ratio. <c>--parallel</c> sweeps our degree of
/// parallelism; <c>--large</c> measures the peak memory a large zip adds.
/// </summary>
public static class DownloadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int count = 100, sizeKb = 16, repeat = 3, large = 0, latencyMs = 0;
        var sweep = Array.Empty<int>();
        var runGo = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--modules": count = Int(args[++i]); break;
                case "--size": sizeKb = Int(args[++i]); break;
                case "--repeat": repeat = Int(args[++i]); break;
                case "--parallel": sweep = args[++i].Split(',').Select(Int).ToArray(); break;
                case "--large": large = Int(args[++i]); break;
                case "--no-go": runGo = false; break;
                case "--latency": latencyMs = Int(args[++i]); break;
                default:
                    Console.Error.WriteLine($"download: unknown option {args[i]}");
                    return 2;
            }
        }

        var work = Path.Combine(Path.GetTempPath(), "gomod-bench-download-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            if (large > 0) return await LargeAsync(work, large);
            var proxyDir = Path.Combine(work, "proxy");
            var modules = SyntheticModules.Write(proxyDir, count, sizeKb);
            using var proxy = new LoopbackProxy(proxyDir, TimeSpan.FromMilliseconds(latencyMs));
            var main = Path.Combine(work, "main");
            Directory.CreateDirectory(main);
            File.WriteAllText(Path.Combine(main, "go.mod"),
                "module example.com/main\n\ngo 1.17\n\nrequire (\n" + string.Concat(modules.Select(m => $"\t{m.Path} {m.Version}\n")) + ")\n");
            var go = runGo ? FindGo() : null;
            Console.WriteLine($"download: {count} modules of ~{sizeKb} KiB from {proxy.Url} ({latencyMs} ms latency), {repeat} runs, {Environment.ProcessorCount} cores" +
                              (go is null ? ", go not found" : $", {go}"));

            // JIT our code paths once so in-process numbers show steady state (an MSBuild node is long-lived).
            await OursAsync(work, proxy.Url, modules.Take(2).ToList(), "warmup", new FetchOptions());

            var results = new Dictionary<string, List<double>>();
            void Add(string key, double ms)
            {
                if (!results.TryGetValue(key, out var l)) results[key] = l = [];
                l.Add(ms);
            }
            for (var r = 0; r < repeat; r++)
            {
                var cache = "ours-" + r;
                var before = proxy.Requests;
                Add("ours cold (in process)", await OursAsync(work, proxy.Url, modules, cache, new FetchOptions()));
                var coldRequests = proxy.Requests - before;
                before = proxy.Requests;
                Add("ours warm (in process)", await OursAsync(work, proxy.Url, modules, cache, new FetchOptions()));
                var warmRequests = proxy.Requests - before;
                if (r == 0) Console.WriteLine($"requests: cold {coldRequests}, warm {warmRequests}");
                Add("ours cold (new process)", ChildProcess(work, proxy.Url, modules, "child-" + r));
                Add("ours warm (new process)", ChildProcess(work, proxy.Url, modules, "child-" + r));
                if (go is not null)
                {
                    Add("go mod download cold", GoModDownload(go, work, main, proxy.Url, "go-" + r));
                    Add("go mod download warm", GoModDownload(go, work, main, proxy.Url, "go-" + r));
                }
            }

            Console.WriteLine();
            Console.WriteLine($"{"",-26} {"median ms",10} {"min ms",10}");
            foreach (var (key, values) in results)
                Console.WriteLine($"{key,-26} {Median(values),10:F0} {values.Min(),10:F0}");
            if (go is not null)
            {
                Console.WriteLine();
                Console.WriteLine($"ratio cold go/ours (in process):  {Median(results["go mod download cold"]) / Median(results["ours cold (in process)"]):F2}x");
                Console.WriteLine($"ratio cold go/ours (new process): {Median(results["go mod download cold"]) / Median(results["ours cold (new process)"]):F2}x");
                Console.WriteLine($"ratio warm go/ours (in process):  {Median(results["go mod download warm"]) / Median(results["ours warm (in process)"]):F2}x");
                Console.WriteLine($"ratio warm go/ours (new process): {Median(results["go mod download warm"]) / Median(results["ours warm (new process)"]):F2}x");
            }

            if (sweep.Length > 0)
            {
                Console.WriteLine();
                Console.WriteLine("parallelism sweep (ours cold, in process):");
                foreach (var p in sweep)
                {
                    var times = new List<double>();
                    for (var r = 0; r < repeat; r++)
                        times.Add(await OursAsync(work, proxy.Url, modules, $"sweep-{p}-{r}", new FetchOptions { MaxParallelDownloads = p }));
                    Console.WriteLine($"  {p,3} parallel: median {Median(times),8:F0} ms");
                }
            }
            return 0;
        }
        finally
        {
            DeleteTree(work);
        }
    }

    private static async Task<double> OursAsync(string work, string proxy, List<ModuleVersion> modules, string cacheName, FetchOptions options)
    {
        var env = GoEnvironment.FromVariables(name => name switch
        {
            "GOPROXY" => proxy,
            "GOMODCACHE" => Path.Combine(work, cacheName),
            "GOENV" => "off",
            "GOFLAGS" => "-mod=mod",
            _ => null,
        });
        var clock = Stopwatch.StartNew();
        using var d = new ModuleDownloader(env, null, options);
        var results = await d.DownloadAsync(modules, DownloadParts.All);
        clock.Stop();
        var failed = results.FirstOrDefault(r => r.Error is not null);
        if (failed is not null) throw new InvalidOperationException(failed.Error);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double ChildProcess(string work, string proxy, List<ModuleVersion> modules, string cacheName)
    {
        var args = new List<string> { typeof(FetchCommand).Assembly.Location, "fetch", "--proxy", proxy, "--modcache", Path.Combine(work, cacheName) };
        args.AddRange(modules.Select(m => m.ToString()));
        return Time(DotNet(), args, work, new Dictionary<string, string?>());
    }

    private static double GoModDownload(string go, string work, string main, string proxy, string cacheName)
    {
        var env = new Dictionary<string, string?>
        {
            ["HOME"] = work,
            ["GOPATH"] = Path.Combine(work, "gopath"),
            ["GOMODCACHE"] = Path.Combine(work, cacheName),
            ["GOCACHE"] = Path.Combine(work, "gocache"),
            ["GOENV"] = "off",
            ["GOFLAGS"] = "-mod=mod",
            ["GOPROXY"] = proxy,
            ["GOSUMDB"] = "off",
            ["GOTOOLCHAIN"] = "local",
            ["GONOSUMDB"] = null,
            ["GOPRIVATE"] = null,
            ["GONOPROXY"] = null,
        };
        return Time(go, ["mod", "download"], main, env);
    }

    /// <summary>Peak memory of a fresh process downloading one large module, against a tiny one.</summary>
    private static async Task<int> LargeAsync(string work, int megabytes)
    {
        var proxyDir = Path.Combine(work, "proxy");
        var large = SyntheticModules.WriteLarge(proxyDir, megabytes);
        var small = SyntheticModules.Write(proxyDir, 1, 4)[0];
        var zipSize = new FileInfo(Path.Combine(proxyDir, "example.com", "bench", "large", "@v", "v1.0.0.zip")).Length;
        using var proxy = new LoopbackProxy(proxyDir);
        long Peak(ModuleVersion m, string cache)
        {
            var psi = new ProcessStartInfo(DotNet()) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { typeof(FetchCommand).Assembly.Location, "fetch", "--report-memory", "--proxy", proxy.Url, "--modcache", Path.Combine(work, cache), m.ToString() })
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException(output);
            var line = output.Split('\n').First(l => l.StartsWith("peak-rss-kb: ", StringComparison.Ordinal));
            return long.Parse(line["peak-rss-kb: ".Length..], CultureInfo.InvariantCulture);
        }
        var baseline = Peak(small, "small");
        var clock = Stopwatch.StartNew();
        var peak = Peak(large, "large");
        Console.WriteLine($"large module: zip {zipSize / 1048576.0:F0} MiB, downloaded+verified+extracted in {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"peak RSS: tiny module {baseline / 1024.0:F0} MiB, large module {peak / 1024.0:F0} MiB, added {(peak - baseline) / 1024.0:F0} MiB");
        await Task.CompletedTask;
        return 0;
    }

    private static double Time(string file, IEnumerable<string> args, string dir, IReadOnlyDictionary<string, string?> env)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env)
        {
            if (v is null) psi.Environment.Remove(k);
            else psi.Environment[k] = v;
        }
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        clock.Stop();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} failed ({p.ExitCode}):\n{stdout.Result}\n{stderr}");
        return clock.Elapsed.TotalMilliseconds;
    }

    private static string DotNet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";

    private static string? FindGo()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "go"))) return Path.Combine(dir, "go");
        return File.Exists("/usr/lib/go-1.19/bin/go") ? "/usr/lib/go-1.19/bin/go" : null;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static void DeleteTree(string path)
    {
        if (!Directory.Exists(path)) return;
        foreach (var d in Directory.EnumerateDirectories(path, "*", SearchOption.AllDirectories))
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(d, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.Delete(path, recursive: true);
    }
}
