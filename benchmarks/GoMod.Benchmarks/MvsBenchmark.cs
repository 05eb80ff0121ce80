using System.Diagnostics;
using System.Globalization;
using System.Text;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Mvs;
using GoMod.Core.Reports;
using GoMod.Core.Semver;

namespace GoMod.Benchmarks;

/// <summary>
/// <c>mvs</c>: our build list (<c>go list -m all</c>) against the go command's on generated requirement graphs of
/// 1,000 and 10,000 modules (5–10 versions each), both reading the same warm module cache.
/// </summary>
/// <remarks>
/// Options: <c>--modules 1000,10000</c>, <c>--runs 5</c>, <c>--seed 1</c>, <c>--dir DIR</c> (work directory, kept),
/// <c>--go PATH</c>. Each size: write a file:// proxy and a tidy main module (go 1.17, every build-list module
/// required, the first ones directly), fill GOMODCACHE with one <c>go list -m all</c>, then time go with
/// <c>GOPROXY=off</c> (everything from the cache) and ours reading <c>GOMODCACHE/cache/download</c> (after warm-up
/// runs in the same process, as a build node that stays alive would be).
/// </remarks>
public static class MvsBenchmark
{
    public static int Run(string[] args)
    {
        var sizes = new List<int> { 1000, 10000 };
        int runs = 5, seed = 1;
        string? dir = null, goPath = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--modules": sizes = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--dir": dir = args[++i]; break;
                case "--go": goPath = args[++i]; break;
                default:
                    Console.Error.WriteLine($"mvs: unknown option {args[i]}");
                    return 2;
            }
        }
        goPath ??= FindGo();
        if (goPath is null)
        {
            Console.Error.WriteLine("mvs: go not found on PATH (apt-get install golang-go)");
            return 2;
        }

        bool temp = dir is null;
        dir ??= Path.Combine(Path.GetTempPath(), "gomod-bench-mvs-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Console.WriteLine($"go: {RunGo(goPath, dir, Directory.GetCurrentDirectory(), null, "version").StdOut.Trim()}; runs per size: {runs}; {Environment.ProcessorCount} CPUs");
            Console.WriteLine("Times are wall (cpu) in ms: go is `go list -m all` as a process (median, min); ours is ModuleReports.ListAsync in-process: the first run (JIT), then after two more warm-up runs (median, min).");
            Console.WriteLine("modules  versions  go.mod read | go median       go min         | ours first     ours median    ours min       | ratio median (min)");
            foreach (var n in sizes)
            {
                var r = RunSize(goPath, Path.Combine(dir, n.ToString(CultureInfo.InvariantCulture)), n, runs, seed);
                static string T(Sample x) => $"{x.Wall.TotalMilliseconds,6:F0} ({x.Cpu.TotalMilliseconds,5:F0})";
                Console.WriteLine($"{r.Modules,7}  {r.Versions,8}  {r.GoModsRead,11} | {T(r.GoMedian)}  {T(r.GoMin)} | {T(r.OursCold)}  {T(r.OursMedian)}  {T(r.OursMin)} | {r.OursMedian.Wall / r.GoMedian.Wall,5:F2}x ({r.OursMin.Wall / r.GoMin.Wall:F2}x)");
            }
            return 0;
        }
        finally
        {
            if (temp) DeleteTree(dir);
        }
    }

    private readonly record struct Sample(TimeSpan Wall, TimeSpan Cpu);

    private sealed record Result(int Modules, int Versions, int GoModsRead, Sample GoMedian, Sample GoMin, Sample OursCold, Sample OursMedian, Sample OursMin);

    private static Result RunSize(string goPath, string root, int n, int runs, int seed)
    {
        var proxy = Path.Combine(root, "proxy");
        var main = Path.Combine(root, "main");
        var home = Path.Combine(root, "home");
        var modCache = Path.Combine(home, "gopath", "pkg", "mod");
        if (Directory.Exists(root)) DeleteTree(root);
        var (modules, versions) = GenerateGraph(proxy, main, n, seed);

        // Warm go's cache (and write go.sum) once through the file:// proxy.
        var warm = RunGo(goPath, home, main, new Uri(proxy + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/'), "list", "-m", "all");
        if (warm.ExitCode != 0) throw new InvalidOperationException("go list -m all failed:\n" + warm.StdErr);

        var goTimes = new List<Sample>();
        string goOut = "";
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            var r = RunGo(goPath, home, main, "off", "list", "-m", "all");
            sw.Stop();
            if (r.ExitCode != 0) throw new InvalidOperationException("go list -m all (warm) failed:\n" + r.StdErr);
            goOut = r.StdOut;
            goTimes.Add(new Sample(sw.Elapsed, r.Cpu));
        }

        var source = new CountingSource(new DirectoryModuleSource(Path.Combine(modCache, "cache", "download")));
        var oursTimes = new List<Sample>();
        Sample cold = default;
        var self = Process.GetCurrentProcess();
        // The first run pays for JIT; two more let tiered compilation settle, as in a long-lived build node.
        const int warmups = 3;
        for (int i = 0; i < runs + warmups; i++)
        {
            self.Refresh();
            var cpu0 = self.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var ours = ModuleReports.ListAsync(main, source).GetAwaiter().GetResult();
            sw.Stop();
            self.Refresh();
            var sample = new Sample(sw.Elapsed, self.TotalProcessorTime - cpu0);
            if (ours.ExitCode != 0 || ours.StdOut != goOut)
                throw new InvalidOperationException("our build list differs from go's:\n" + ours.StdErr);
            if (i == 0) cold = sample;
            else if (i >= warmups) oursTimes.Add(sample);
        }
        int goModsRead = source.GoMods / (runs + warmups);
        return new Result(goOut.Count(c => c == '\n') - 1, versions, goModsRead, Median(goTimes), Min(goTimes), cold, Median(oursTimes), Min(oursTimes));
    }

    private static Sample Median(List<Sample> samples) => samples.OrderBy(s => s.Wall).ElementAt(samples.Count / 2);

    private static Sample Min(List<Sample> samples) => samples.MinBy(s => s.Wall);

    /// <summary>
    /// Writes a file:// proxy of <paramref name="n"/> modules with 5–10 versions each. Module i's versions require
    /// modules after it (a few near, a few far; about four per go.mod), later versions requiring later versions;
    /// three in four module versions are at go 1.17 or later (pruned), the rest at 1.16 or with no go line.
    /// The main module requires the unpruned build list at its selected versions (as a tidy go 1.17 module lists it).
    /// </summary>
    internal static (int Modules, int Versions) GenerateGraph(string proxy, string main, int n, int seed)
    {
        var rng = new Random(seed);
        var paths = Enumerable.Range(0, n).Select(i => $"example.com/bench/m{i:D5}").ToArray();
        var versionCount = Enumerable.Range(0, n).Select(_ => rng.Next(5, 11)).ToArray();
        static string Version(int k) => $"v1.{k}.0";

        var requires = new Dictionary<ModuleVersion, List<ModuleVersion>>();
        var goLines = new Dictionary<ModuleVersion, string>();
        string[] pruned = ["1.17", "1.18", "1.19"];
        int totalVersions = 0;
        for (int i = 0; i < n; i++)
        {
            // The module's dependency set grows a little with each version; each dependency's version grows too.
            var deps = new List<(int Module, int FirstVersion)>();
            int fanOut = Math.Min(n - i - 1, 1 + Geometric(rng, 0.3));
            for (int d = 0; d < fanOut; d++)
            {
                int j = rng.NextDouble() < 0.7 ? i + 1 + rng.Next(Math.Min(50, n - i - 1)) : i + 1 + rng.Next(n - i - 1);
                if (deps.Any(x => x.Module == j)) continue;
                deps.Add((j, rng.Next(versionCount[i])));
            }
            for (int k = 0; k < versionCount[i]; k++)
            {
                var m = new ModuleVersion(paths[i], Version(k));
                totalVersions++;
                var reqs = new List<ModuleVersion>();
                foreach (var (j, first) in deps)
                {
                    if (k < first) continue;
                    int vj = Math.Min(versionCount[j] - 1, (k * versionCount[j]) / versionCount[i] + rng.Next(2));
                    reqs.Add(new ModuleVersion(paths[j], Version(vj)));
                }
                requires[m] = reqs;
                double r = rng.NextDouble();
                goLines[m] = r < 0.75 ? pruned[rng.Next(pruned.Length)] : r < 0.95 ? "1.16" : "";
            }
        }

        // The main module requires every module nothing else requires (and the first few) at their latest versions.
        var required = new HashSet<string>(requires.Values.SelectMany(v => v).Select(m => m.Path));
        var roots = new List<ModuleVersion>();
        for (int i = 0; i < n; i++)
            if (i < 30 || !required.Contains(paths[i])) roots.Add(new ModuleVersion(paths[i], Version(versionCount[i] - 1)));
        var directPaths = new HashSet<string>(roots.Select(r => r.Path));

        // Full MVS over the unpruned graph gives the versions a tidy go 1.17 main module lists.
        var mainVersion = new ModuleVersion("example.com/bench/main", "");
        var buildList = MinimalVersionSelection.BuildListAsync([mainVersion],
            (m, _) => ValueTask.FromResult<IReadOnlyList<ModuleVersion>>(m == mainVersion ? roots : requires[m]),
            (a, b) => b.Length == 0 ? (a.Length == 0 ? 0 : -1) : a.Length == 0 ? 1 : SemVer.Compare(a, b)).GetAwaiter().GetResult();

        foreach (var group in requires.GroupBy(kv => kv.Key.Path))
        {
            var dir = Path.Combine([proxy, .. ModulePath.EscapePath(group.Key).Split('/'), "@v"]);
            Directory.CreateDirectory(dir);
            var list = new StringBuilder();
            foreach (var (m, reqs) in group)
            {
                var gomod = new StringBuilder().Append("module ").Append(m.Path).Append("\n\n");
                if (goLines[m].Length != 0) gomod.Append("go ").Append(goLines[m]).Append("\n\n");
                if (reqs.Count > 0)
                {
                    gomod.Append("require (\n");
                    foreach (var r in reqs) gomod.Append('\t').Append(r.Path).Append(' ').Append(r.Version).Append('\n');
                    gomod.Append(")\n");
                }
                File.WriteAllText(Path.Combine(dir, m.Version + ".mod"), gomod.ToString());
                File.WriteAllText(Path.Combine(dir, m.Version + ".info"), $"{{\"Version\":\"{m.Version}\",\"Time\":\"2020-01-01T00:00:00Z\"}}\n");
                list.Append(m.Version).Append('\n');
            }
            File.WriteAllText(Path.Combine(dir, "list"), list.ToString());
        }

        Directory.CreateDirectory(main);
        var mainMod = new StringBuilder("module example.com/bench/main\n\ngo 1.17\n\nrequire (\n");
        foreach (var m in buildList.Skip(1).Where(m => directPaths.Contains(m.Path))) mainMod.Append('\t').Append(m.Path).Append(' ').Append(m.Version).Append('\n');
        mainMod.Append(")\n\nrequire (\n");
        foreach (var m in buildList.Skip(1).Where(m => !directPaths.Contains(m.Path))) mainMod.Append('\t').Append(m.Path).Append(' ').Append(m.Version).Append(" // indirect\n");
        mainMod.Append(")\n");
        File.WriteAllText(Path.Combine(main, "go.mod"), mainMod.ToString());
        return (buildList.Count - 1, totalVersions);
    }

    private static int Geometric(Random rng, double p)
    {
        int k = 0;
        while (rng.NextDouble() > p && k < 20) k++;
        return k;
    }

    private sealed class CountingSource(IModuleSource inner) : IModuleSource
    {
        private int _goMods;

        public int GoMods => _goMods;

        public Task<byte[]> GetGoModAsync(string path, string version, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _goMods);
            return inner.GetGoModAsync(path, version, cancellationToken);
        }

        public Task<IReadOnlyList<string>> GetVersionListAsync(string path, CancellationToken cancellationToken) => inner.GetVersionListAsync(path, cancellationToken);

        public Task<ResolvedRevision> StatAsync(string path, string revision, CancellationToken cancellationToken) => inner.StatAsync(path, revision, cancellationToken);

        public Task<ResolvedRevision> LatestAsync(string path, CancellationToken cancellationToken) => inner.LatestAsync(path, cancellationToken);

        public Task<string> DownloadZipAsync(string path, string version, CancellationToken cancellationToken) => inner.DownloadZipAsync(path, version, cancellationToken);
    }

    private sealed record GoResult(int ExitCode, string StdOut, string StdErr, TimeSpan Cpu);

    private const string TimeTool = "/usr/bin/time";

    /// <summary>Runs go; its cpu time (user + system) comes from /usr/bin/time when that is installed.</summary>
    private static GoResult RunGo(string goPath, string home, string workDir, string? proxy, params string[] args)
    {
        bool timed = File.Exists(TimeTool);
        var psi = new ProcessStartInfo(timed ? TimeTool : goPath)
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (timed)
        {
            psi.ArgumentList.Add("-f");
            psi.ArgumentList.Add("@cpu %U %S");
            psi.ArgumentList.Add(goPath);
        }
        foreach (var a in args) psi.ArgumentList.Add(a);
        var env = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["GOPATH"] = Path.Combine(home, "gopath"),
            ["GOMODCACHE"] = Path.Combine(home, "gopath", "pkg", "mod"),
            ["GOCACHE"] = Path.Combine(home, "gocache"),
            ["GOENV"] = "off",
            ["GOFLAGS"] = "-modcacherw -mod=mod",
            ["GOPROXY"] = proxy ?? "off",
            ["GOSUMDB"] = "off",
            ["GONOSUMDB"] = "*",
            ["GOTOOLCHAIN"] = "local",
            ["GO111MODULE"] = "on",
            ["GOWORK"] = "off",
        };
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        var err = stderr.Result;
        var cpu = TimeSpan.Zero;
        int at = err.LastIndexOf("@cpu ", StringComparison.Ordinal);
        if (timed && at >= 0)
        {
            var f = err[(at + 5)..].Trim().Split(' ');
            cpu = TimeSpan.FromSeconds(double.Parse(f[0], CultureInfo.InvariantCulture) + double.Parse(f[1], CultureInfo.InvariantCulture));
            err = err[..at];
        }
        return new GoResult(p.ExitCode, stdout.Result, err, cpu);
    }

    private static string? FindGo()
    {
        foreach (var d in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            if (d.Length > 0 && File.Exists(Path.Combine(d, "go"))) return Path.Combine(d, "go");
        return File.Exists("/usr/lib/go-1.19/bin/go") ? "/usr/lib/go-1.19/bin/go" : null;
    }

    private static void DeleteTree(string path)
    {
        if (!Directory.Exists(path)) return;
        foreach (var f in Directory.EnumerateFileSystemEntries(path, "*", SearchOption.AllDirectories))
        {
            try
            {
                File.SetAttributes(f, FileAttributes.Normal);
                if (!OperatingSystem.IsWindows() && Directory.Exists(f))
                    File.SetUnixFileMode(f, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            catch (IOException) { }
        }
        Directory.Delete(path, true);
    }
}
