using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace GoMod.Benchmarks.User;

/// <summary>
/// <c>user</c>: GoMod.Sdk through <c>dotnet build</c> against the go command, both as whole processes the way users run
/// them, alternating, several runs each; prints median (min–max) and ratios for every row of issue 15's table. Started by
/// benchmarks/run.sh, which prepares the corpus, nginx, the relay and the SDK package; see benchmarks/README.md.
/// </summary>
/// <remarks>
/// Options: <c>--corpus DIR</c> (GoCorpus output: proxy/, main/), <c>--proxy URL</c> (nginx serving proxy/),
/// <c>--relay URL</c> (the same through the 10 ms relay; row skipped without it), <c>--feed DIR</c> and
/// <c>--sdk-version V</c> (the packed GoMod.Sdk), <c>--work DIR</c>, <c>--runs N</c> (3), <c>--noop-runs N</c> (7),
/// <c>--mvs-modules N</c> (10000), <c>--rows cold,relay,floor,cold-mem,relay-mem,floor-mem,noop,noop-tree,noop-installed,noop-server,list,changed,changed-list,verify,vendor,packages,tidy</c>,
/// <c>--mem-dir DIR</c> (where the rows cold-mem, relay-mem and floor-mem put both module caches and the floor's
/// output: a tmpfs, /dev/shm by default, so the disk is out of those rows), <c>--no-settle</c> (skip the <c>sync</c> before each cold and floor run; tables before session 13 were measured
/// without it, so each cold run paid for the write-back of the runs before it). Times and peak memory come
/// from <c>/usr/bin/time -f "%e %M %U %S"</c> (elapsed seconds; largest resident set of the process tree's largest process;
/// user and system CPU seconds of the process and the children it waited for: MSBuild nodes left running by node reuse
/// are not counted, and a cold `dotnet build` here runs in one process).
/// </remarks>
public static class UserBenchmark
{
    /// <summary>
    /// One timed process: elapsed seconds, peak resident KiB, CPU seconds (user+system of it and the children it waited
    /// for), and of those the system (kernel) seconds.
    /// </summary>
    private sealed record Sample(double Seconds, long PeakKiB, double CpuSeconds = double.NaN, double SystemSeconds = double.NaN);

    private sealed class Options
    {
        public string Corpus = "", Proxy = "", Relay = "", Feed = "", SdkVersion = "", Work = "";
        public int Runs = 3, NoopRuns = 7, MvsModules = 10000;
        public bool Settle = true;
        public string MemDir = Directory.Exists("/dev/shm") ? "/dev/shm" : "";
        public HashSet<string> Rows = ["cold", "relay", "floor", "cold-mem", "relay-mem", "floor-mem", "noop", "noop-tree", "noop-installed", "noop-server", "list", "changed", "changed-list", "verify", "vendor", "packages", "tidy"];
    }

    public static int Run(string[] args)
    {
        var o = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--corpus": o.Corpus = Path.GetFullPath(args[++i]); break;
                case "--proxy": o.Proxy = args[++i]; break;
                case "--relay": o.Relay = args[++i]; break;
                case "--feed": o.Feed = Path.GetFullPath(args[++i]); break;
                case "--sdk-version": o.SdkVersion = args[++i]; break;
                case "--work": o.Work = Path.GetFullPath(args[++i]); break;
                case "--runs": o.Runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--noop-runs": o.NoopRuns = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--mvs-modules": o.MvsModules = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rows": o.Rows = args[++i].Split(',').ToHashSet(); break;
                case "--no-settle": o.Settle = false; break;
                case "--mem-dir": o.MemDir = args[++i]; break;
                default: Console.Error.WriteLine($"user: unknown argument {args[i]}"); return 2;
            }
        }
        if (o.Corpus.Length == 0 || o.Proxy.Length == 0 || o.Feed.Length == 0 || o.SdkVersion.Length == 0 || o.Work.Length == 0)
        {
            Console.Error.WriteLine("usage: user --corpus DIR --proxy URL [--relay URL] --feed DIR --sdk-version V --work DIR [--runs N] [--rows …]");
            return 2;
        }
        if (!File.Exists("/usr/bin/time"))
        {
            Console.Error.WriteLine("user: /usr/bin/time is needed (apt-get install time)");
            return 2;
        }
        Directory.CreateDirectory(o.Work);
        var table = new List<string>();
        var bench = new UserBenchmarkRun(o.Corpus, o.Feed, o.SdkVersion, o.Work, o.Settle);
        bench.Prepare(o.Proxy, restoreCorpus: o.Rows.Overlaps(["cold", "relay", "cold-mem", "relay-mem", "noop", "noop-tree", "noop-installed", "noop-server", "changed-list", "verify", "vendor", "packages", "tidy"]));
        Console.WriteLine($"corpus: {bench.CorpusSummary}; {o.Runs} runs per row, alternating; {Environment.ProcessorCount} CPUs; " +
            (o.Settle ? "`sync` before each cold and floor run (not timed)" : "no `sync` between cold runs"));

        List<Sample>? oursCold = null;
        if (o.Rows.Contains("cold"))
        {
            var (ours, go) = bench.Cold(o.Proxy, o.Runs, memDir: null);
            oursCold = ours;
            table.Add(Row("cold `dotnet build` vs cold `go mod download`, zero latency", ours, go));
            table.Add(CpuRow("CPU (user+system) of those runs", ours, go));
            table.Add(CpuRow(SystemCpu, ours, go, s => s.SystemSeconds));
            table.Add(MemoryRow("peak memory of that run", ours, go));
        }
        if (o.Rows.Contains("relay") && o.Relay.Length > 0)
        {
            var (ours, go) = bench.Cold(o.Relay, o.Runs, memDir: null);
            table.Add(Row("the same with 10 ms added each way by a relay", ours, go));
            table.Add(CpuRow("CPU (user+system) of those runs", ours, go));
            table.Add(CpuRow(SystemCpu, ours, go, s => s.SystemSeconds));
        }
        List<Sample>? floorDisk = null, floorMem = null;
        if (o.Rows.Contains("floor"))
        {
            var floor = floorDisk = bench.Floor(o.Runs, memDir: null);
            table.Add($"| physical floor: one pass over the same zips, inflate + hash + write each file once, {Environment.ProcessorCount} threads | {Stat(floor)} | — | " +
                (oursCold is null ? "—" : $"ours/floor {Median(oursCold) / Median(floor):F2}×") + " |");
        }
        // The same three rows with both module caches (and the floor's output) in memory: the disk taken out, so the
        // rows show the work each side does rather than how this machine's disk absorbs 1.2 GB of writes.
        var mem = o.MemDir.Length > 0 && Directory.Exists(o.MemDir) ? o.MemDir : null;
        if (mem is null && o.Rows.Overlaps(["cold-mem", "relay-mem", "floor-mem"]))
            Console.WriteLine("  (rows cold-mem, relay-mem, floor-mem skipped: no --mem-dir and no /dev/shm)");
        List<Sample>? oursMem = null;
        if (mem is not null && o.Rows.Contains("cold-mem"))
        {
            var (ours, go) = bench.Cold(o.Proxy, o.Runs, mem);
            oursMem = ours;
            table.Add(Row($"cold, zero latency, both module caches on tmpfs ({mem})", ours, go));
            table.Add(CpuRow("CPU (user+system) of those runs", ours, go));
            table.Add(CpuRow(SystemCpu, ours, go, s => s.SystemSeconds));
        }
        if (mem is not null && o.Rows.Contains("relay-mem") && o.Relay.Length > 0)
        {
            var (ours, go) = bench.Cold(o.Relay, o.Runs, mem);
            table.Add(Row($"cold through the relay, both module caches on tmpfs ({mem})", ours, go));
            table.Add(CpuRow("CPU (user+system) of those runs", ours, go));
            table.Add(CpuRow(SystemCpu, ours, go, s => s.SystemSeconds));
        }
        if (mem is not null && o.Rows.Contains("floor-mem"))
        {
            var floor = floorMem = bench.Floor(o.Runs, mem);
            table.Add($"| physical floor, output on tmpfs ({mem}) | {Stat(floor)} | — | " +
                (oursMem is null ? "—" : $"ours/floor {Median(oursMem) / Median(floor):F2}×") + " |");
        }
        if (o.Rows.Contains("noop"))
        {
            var (with, byPackage, without) = bench.NoOp(o.NoopRuns);
            table.Add(Row("no-op `dotnet build`, C# console project with `<Sdk Name=\"GoMod.Sdk\">` and the corpus go.mod vs without the SDK", with, without, Added(with, without)));
            table.Add(Row("the same with `<PackageReference Include=\"GoMod.Sdk\">` instead (no SDK resolver) vs without the SDK", byPackage, without, Added(byPackage, without)));
            if (oursCold is not null)
                table.Add($"| restore peak memory above the no-op build's | {(MedianKiB(oursCold) - MedianKiB(with)) / 1024.0:F0} MiB | — | — |");
            // The floor does no `dotnet build`: the cold build minus the no-op build is the restore's own time.
            foreach (var (what, cold, floor) in new[] { ("on disk", oursCold, floorDisk), ("on tmpfs", oursMem, floorMem) })
                if (cold is not null && floor is not null)
                    table.Add($"| the cold build's restore share (minus the median no-op build, {Median(with):F2} s) over the floor, {what} | " +
                              $"{Median(cold) - Median(with):F2} s | — | restore/floor {(Median(cold) - Median(with)) / Median(floor):F2}× |");
        }
        if (o.Rows.Contains("noop-tree"))
        {
            var (with, byPackage, without) = bench.NoOpTree(o.NoopRuns);
            var tree = $"in a working tree (a `.git` of {UserBenchmarkRun.TreeGitObjects:N0} loose objects, a `node_modules` of {UserBenchmarkRun.TreeNodeFiles:N0} files that go.mod ignores)";
            table.Add(Row($"no-op `dotnet build` {tree}: `<Sdk Name=\"GoMod.Sdk\">` vs without the SDK", with, without, Added(with, without)));
            table.Add(Row($"the same with `<PackageReference Include=\"GoMod.Sdk\">` vs without the SDK, same tree", byPackage, without, Added(byPackage, without)));
        }
        if (o.Rows.Contains("noop-installed"))
        {
            var (with, without) = bench.NoOpInstalled(o.NoopRuns);
            table.Add(Row("no-op `dotnet build`, `<Sdk Name=\"GoMod.Sdk\">` with the SDK installed into the .NET SDK (`-t:GoModInstallSdk`, no SDK resolver loads) vs without the SDK, same .NET copy", with, without, Added(with, without)));
        }
        if (o.Rows.Contains("noop-server"))
        {
            // The same three projects with the MSBuild server on (DOTNET_CLI_USE_MSBUILD_SERVER=1, node reuse allowed):
            // the process that evaluates, and so runs the SDK resolvers, outlives each `dotnet build`, as an IDE's does.
            var (with, byPackage, without) = bench.NoOp(o.NoopRuns, msbuildServer: true);
            table.Add(Row("no-op `dotnet build` with the MSBuild server (`DOTNET_CLI_USE_MSBUILD_SERVER=1`): `<Sdk Name=\"GoMod.Sdk\">` vs without the SDK", with, without, Added(with, without)));
            table.Add(Row("the same with `<PackageReference Include=\"GoMod.Sdk\">` vs without the SDK, MSBuild server", byPackage, without, Added(byPackage, without)));
        }
        if (o.Rows.Contains("list"))
        {
            var (ours, go) = bench.List(o.MvsModules, o.Runs);
            table.Add(Row($"`dotnet build -t:GoModList` vs `go list -m all`, warm, {o.MvsModules:N0}-module synthetic graph", ours, go));
        }
        if (o.Rows.Contains("changed"))
        {
            var (changed, noop, go) = bench.Changed(o.MvsModules, o.Runs);
            var restore = changed.Zip(noop, (c, n) => new Sample(c.Seconds - n.Seconds, c.PeakKiB)).ToList();
            table.Add(Row($"warm build after a go.mod edit minus a no-op build (the restore's share) vs `go list -m all`, {o.MvsModules:N0}-module synthetic graph", restore, go));
            table.Add($"| (the builds themselves: after the edit {Stat(changed)}, no-op {Stat(noop)}) | | | |");
        }
        if (o.Rows.Contains("changed-list"))
        {
            var (changed, noop, go) = bench.ChangedList(o.Runs);
            var restore = changed.Zip(noop, (c, n) => new Sample(c.Seconds - n.Seconds, c.PeakKiB)).ToList();
            table.Add(Row("warm build after a go.mod edit that changes the build list (a requirement dropped or put back) minus a no-op build vs `go list -m all` after the same edit, the corpus C# project", restore, go));
            table.Add($"| (the builds themselves: after the edit {Stat(changed)}, no-op {Stat(noop)}) | | | |");
        }
        if (o.Rows.Contains("verify"))
        {
            var (ours, go) = bench.Verify(o.Runs);
            table.Add(Row("`dotnet build -t:GoModVerify` vs `go mod verify` on the corpus", ours, go));
        }

        if (o.Rows.Contains("vendor"))
        {
            var (ours, noop, go) = bench.Vendor(o.Runs);
            table.Add(Row("`dotnet build` with GoVendor=true (restore forced, vendor/ absent, warm cache) vs `go mod vendor`", ours, go));
            table.Add(ShareRow("the same, the restore's share (minus the median no-op build of that project)", ours, noop, go));
        }
        if (o.Rows.Contains("tidy"))
        {
            var (ours, go) = bench.Tidy(o.Proxy, o.Runs);
            table.Add(Row("`dotnet build -t:GoModTidy -p:GoTidyErrors=true` vs `go mod tidy -e`, warm, the corpus main module (tests and every file's imports; imports nobody serves looked up at the proxy)", ours, go));
        }
        if (o.Rows.Contains("packages"))
        {
            var (ours, noop, go) = bench.Packages(o.Runs);
            table.Add(Row("`dotnet build` (restore forced: build list, package load of ./..., warm cache) vs `go list -deps ./...`", ours, go));
            table.Add(ShareRow("the same, the restore's share (minus the median no-op build of that project)", ours, noop, go));
        }

        bench.EmptyTrash();
        Console.WriteLine();
        Console.WriteLine("Whole processes, as users run them: median (min–max) in seconds; ratio = ours/go median (min–max of the per-run ratios).");
        Console.WriteLine();
        Console.WriteLine("| what | GoMod.Sdk | go | ratio |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var line in table) Console.WriteLine(line);
        return 0;
    }

    private static double Median(List<Sample> s) => MedianOf(s.Select(x => x.Seconds));

    private static double MedianKiB(List<Sample> s) => MedianOf(s.Select(x => (double)x.PeakKiB));

    private static double MedianOf(IEnumerable<double> values)
    {
        var v = values.Order().ToList();
        return v.Count == 0 ? double.NaN : v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2;
    }

    private static string Stat(List<Sample> s) =>
        string.Create(CultureInfo.InvariantCulture, $"{Median(s):F2} s ({s.Min(x => x.Seconds):F2}–{s.Max(x => x.Seconds):F2})");

    private static string Row(string what, List<Sample> ours, List<Sample> go, string? ratio = null)
    {
        var ratios = ours.Zip(go, (a, b) => a.Seconds / b.Seconds).ToList();
        ratio ??= string.Create(CultureInfo.InvariantCulture, $"{Median(ours) / Median(go):F2}× ({ratios.Min():F2}–{ratios.Max():F2})");
        return $"| {what} | {Stat(ours)} | {Stat(go)} | {ratio} |";
    }

    /// <summary>What <paramref name="with"/> adds to <paramref name="without"/>: the difference of the medians and the median of the per-round differences.</summary>
    private static string Added(List<Sample> with, List<Sample> without)
    {
        var paired = with.Zip(without, (a, b) => a.Seconds - b.Seconds).Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{(Median(with) - Median(without)) * 1000:+0;-0} ms (paired {paired[paired.Count / 2] * 1000:+0;-0} ms)");
    }

    /// <summary>A row of <paramref name="ours"/> minus the median of <paramref name="noop"/> (what the restore adds to a build) against go.</summary>
    private static string ShareRow(string what, List<Sample> ours, List<Sample> noop, List<Sample> go)
    {
        var baseline = Median(noop);
        var share = ours.Select(s => s with { Seconds = s.Seconds - baseline }).ToList();
        return Row(what, share, go);
    }

    /// <summary>
    /// The row of the system (kernel) share of the CPU: where the file system's state shows. On a disk it moves by
    /// seconds from one cold run to the next for either side (session 25: go 5.6–10.7 s, ours 3.5–19 s, the most right
    /// after a few GB of files were removed: ext4's inode allocation and write-back), so a disk row's spread is read
    /// here before it is read as a change of ours.
    /// </summary>
    private const string SystemCpu = "of which system (kernel) CPU";

    /// <summary>
    /// CPU seconds (user+system, or what <paramref name="seconds"/> picks) of the same samples: what the work cost (on a
    /// slow disk it grows with the disk's write-back too, so the tmpfs rows are the cleaner comparison).
    /// </summary>
    private static string CpuRow(string what, List<Sample> ours, List<Sample> go, Func<Sample, double>? seconds = null)
    {
        seconds ??= x => x.CpuSeconds;
        var o = ours.Select(seconds).Order().ToList();
        var g = go.Select(seconds).Order().ToList();
        var ratios = ours.Zip(go, (a, b) => seconds(a) / seconds(b)).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {what} | {MedianOf(o):F2} s ({o[0]:F2}–{o[^1]:F2}) | {MedianOf(g):F2} s ({g[0]:F2}–{g[^1]:F2}) | {MedianOf(o) / MedianOf(g):F2}× ({ratios.Min():F2}–{ratios.Max():F2}) |");
    }

    private static string MemoryRow(string what, List<Sample> ours, List<Sample> go) =>
        string.Create(CultureInfo.InvariantCulture, $"| {what} | {MedianKiB(ours) / 1024:F0} MiB ({ours.Min(x => x.PeakKiB) / 1024}–{ours.Max(x => x.PeakKiB) / 1024}) | {MedianKiB(go) / 1024:F0} MiB ({go.Min(x => x.PeakKiB) / 1024}–{go.Max(x => x.PeakKiB) / 1024}) | {MedianKiB(ours) / MedianKiB(go):F1}× |");

    /// <summary>The projects, caches and commands of one benchmark run.</summary>
    private sealed class UserBenchmarkRun(string corpus, string feed, string sdkVersion, string work, bool settle)
    {
        private readonly string _appSdk = Path.Combine(work, "app-sdk");
        private readonly string _appPlain = Path.Combine(work, "app-plain");
        private readonly string _appPackage = Path.Combine(work, "app-package");
        private readonly string _goMain = Path.Combine(work, "go-main");
        private readonly string _cacheOurs = Path.Combine(work, "cache-ours");
        private readonly string _cacheGo = Path.Combine(work, "cache-go");
        private readonly string _benchDll = typeof(UserBenchmark).Assembly.Location;
        private int _moved;

        public string CorpusSummary { get; private set; } = "";

        public void Prepare(string proxy, bool restoreCorpus)
        {
            var main = Path.Combine(corpus, "main");
            var modules = File.ReadAllLines(Path.Combine(main, "go.sum")).Count(l => !l.Contains("/go.mod ", StringComparison.Ordinal));
            var zipBytes = Directory.EnumerateFiles(Path.Combine(corpus, "proxy"), "*.zip", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            CorpusSummary = $"{modules} modules, {zipBytes / 1048576.0:F0} MiB of zips";
            foreach (var d in new[] { _appSdk, _appPlain, _appPackage, _goMain }) Directory.CreateDirectory(d);
            var nugetConfig = $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources><clear /><add key="gomod-bench" value="{feed}" /></packageSources>
                  <config><add key="globalPackagesFolder" value="{Path.Combine(work, "packages")}" /></config>
                </configuration>
                """;
            const string program = "System.Console.WriteLine(\"hello\");\n";
            const string props = "<OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable>";
            File.WriteAllText(Path.Combine(_appPlain, "app.csproj"), $"<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>{props}</PropertyGroup>\n</Project>\n");
            File.WriteAllText(Path.Combine(_appSdk, "app.csproj"), $"<Project Sdk=\"Microsoft.NET.Sdk\">\n  <Sdk Name=\"GoMod.Sdk\" Version=\"{sdkVersion}\" />\n  <PropertyGroup>{props}</PropertyGroup>\n</Project>\n");
            File.WriteAllText(Path.Combine(_appPackage, "app.csproj"), $"<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>{props}</PropertyGroup>\n  <ItemGroup><PackageReference Include=\"GoMod.Sdk\" Version=\"{sdkVersion}\" PrivateAssets=\"all\" /></ItemGroup>\n</Project>\n");
            foreach (var d in new[] { _appSdk, _appPlain, _appPackage })
            {
                File.WriteAllText(Path.Combine(d, "Program.cs"), program);
                File.WriteAllText(Path.Combine(d, "NuGet.config"), nugetConfig);
            }
            foreach (var f in new[] { "go.mod", "go.sum" })
                foreach (var d in new[] { _appSdk, _appPackage }) File.Copy(Path.Combine(main, f), Path.Combine(d, f), true);
            foreach (var f in new[] { "go.mod", "go.sum", "main.go" }) File.Copy(Path.Combine(main, f), Path.Combine(_goMain, f), true);

            // What an interrupted invocation left in the trash goes before the preparing builds, not between timed runs.
            RemoveTree(Path.Combine(work, "trash"));
            if (!restoreCorpus) return;
            Console.WriteLine("preparing: first builds (restore into both caches)…");
            Timed(_appPlain, "dotnet build app.csproj -nologo -v:q", Env(proxy, _cacheOurs));
            Timed(_appSdk, "dotnet build app.csproj -nologo -v:q", Env(proxy, _cacheOurs));
            Timed(_goMain, "go mod download", Env(proxy, _cacheGo));
        }

        /// <summary>Cold restore: the old cache moved aside inside the timing; ours must restore (its no-op stamp removed first).</summary>
        public (List<Sample> Ours, List<Sample> Go) Cold(string proxy, int runs, string? memDir)
        {
            var ours = new List<Sample>();
            var go = new List<Sample>();
            var cacheOurs = memDir is null ? _cacheOurs : Path.Combine(memDir, "gomod-bench-cache-ours");
            var cacheGo = memDir is null ? _cacheGo : Path.Combine(memDir, "gomod-bench-cache-go");
            // One untimed run of each side first: the first cold build of a row used to pay a warm-up of the machine
            // (session 16: CPU 9.7 s against 7.1-7.6 s in the runs after it on tmpfs), and ours always ran first.
            for (int i = -1; i < runs; i++)
            {
                void Ours()
                {
                    File.Delete(Path.Combine(_appSdk, "obj", "app.csproj.gomod.cache"));
                    Settle();
                    var old = cacheOurs + ".old-" + Interlocked.Increment(ref _moved);
                    ours.Add(Timed(_appSdk, $"if [ -d '{cacheOurs}' ]; then mv '{cacheOurs}' '{old}'; fi; dotnet build app.csproj -nologo -v:q", Env(proxy, cacheOurs)));
                    Discard(old, memDir is null);
                }
                void Go()
                {
                    Settle();
                    var old = cacheGo + ".old-" + Interlocked.Increment(ref _moved);
                    go.Add(Timed(_goMain, $"if [ -d '{cacheGo}' ]; then mv '{cacheGo}' '{old}'; fi; go mod download", Env(proxy, cacheGo)));
                    Discard(old, memDir is null);
                }
                if (i % 2 == 0) { Ours(); Go(); } else { Go(); Ours(); }
                if (i < 0)
                {
                    Console.WriteLine($"  cold via {proxy}: warm-up (not counted): ours {ours[^1].Seconds:F2} s, go {go[^1].Seconds:F2} s");
                    ours.Clear();
                    go.Clear();
                    continue;
                }
                Console.WriteLine($"  cold via {proxy}{(memDir is null ? "" : " (caches in " + memDir + ")")}: run {i + 1}: ours {ours[^1].Seconds:F2} s (CPU {ours[^1].CpuSeconds:F2} s, system {ours[^1].SystemSeconds:F2} s) {ours[^1].PeakKiB / 1024} MiB, go {go[^1].Seconds:F2} s (CPU {go[^1].CpuSeconds:F2} s, system {go[^1].SystemSeconds:F2} s) {go[^1].PeakKiB / 1024} MiB");
            }
            if (memDir is not null)
            {
                // Give the memory back; the caches on disk stay for the other rows.
                RemoveTree(cacheOurs);
                RemoveTree(cacheGo);
            }
            return (ours, go);
        }

        public List<Sample> Floor(int runs, string? memDir)
        {
            var result = new List<Sample>();
            var output = Path.Combine(memDir ?? work, memDir is null ? "floor-out" : "gomod-bench-floor-out");
            for (int i = 0; i < runs; i++)
            {
                Discard(output, memDir is null);
                Settle();
                result.Add(Timed(work, $"dotnet '{_benchDll}' floor --proxy '{Path.Combine(corpus, "proxy")}' --out '{output}'", Env("off", _cacheOurs)));
                Console.WriteLine($"  floor: run {i + 1}: {result[^1].Seconds:F2} s");
            }
            Discard(output, memDir is null);
            return result;
        }

        /// <summary>
        /// No-op builds of the corpus project with the SDK through <c>&lt;Sdk&gt;</c>, through a PackageReference, and
        /// without it, each up to date; the order rotates every round. With <paramref name="msbuildServer"/>, every
        /// build goes through the MSBuild server (started by the first build, shut down afterwards).
        /// </summary>
        public (List<Sample> With, List<Sample> ByPackage, List<Sample> Without) NoOp(int runs, bool msbuildServer = false, string[]? projects = null)
        {
            var env = Env("off", _cacheOurs);
            if (msbuildServer)
            {
                env["DOTNET_CLI_USE_MSBUILD_SERVER"] = "1";
                env["MSBUILDDISABLENODEREUSE"] = null;
            }
            projects ??= [_appSdk, _appPackage, _appPlain];
            var samples = projects.Select(_ => new List<Sample>()).ToArray();
            // One build each first, so all are up to date.
            foreach (var d in projects) Timed(d, "dotnet build app.csproj -nologo -v:q", env);
            for (int i = 0; i < runs; i++)
                for (int k = 0; k < projects.Length; k++)
                {
                    var j = (i + k) % projects.Length;
                    samples[j].Add(Timed(projects[j], "dotnet build app.csproj -nologo -v:q", env));
                }
            if (msbuildServer) Run(work, "dotnet build-server shutdown --msbuild", env);
            Console.WriteLine($"  no-op{(msbuildServer ? " (MSBuild server)" : "")}{(projects[0] == _appSdk ? "" : " (working tree)")}: <Sdk> {Median(samples[0]):F3} s, PackageReference {Median(samples[1]):F3} s, without {Median(samples[2]):F3} s");
            return (samples[0], samples[1], samples[2]);
        }

        /// <summary>
        /// The noop-installed row: the no-op row's <c>&lt;Sdk&gt;</c> project and the project without the SDK, built by a
        /// copy of the .NET installation (hard links where the file system allows) into which
        /// <c>dotnet build -t:GoModInstallSdk</c> installed the SDK, so MSBuild finds it in the .NET SDK's Sdks folder
        /// and NuGet's SDK resolver never loads. Both projects are copies of their own (another .NET root rebuilds them).
        /// </summary>
        public (List<Sample> With, List<Sample> Without) NoOpInstalled(int runs)
        {
            var env = Env("off", _cacheOurs);
            var dotnetRoot = Path.Combine(work, "dotnet-installed");
            Exec("/", "rm", ["-rf", dotnetRoot], []);
            var source = Exec("/", "bash", ["-c", "dirname \"$(readlink -f \"$(command -v dotnet)\")\""], [], stdoutOnly: true).Output.Trim();
            if (Exec("/", "cp", ["-al", source, dotnetRoot], []).Exit != 0)
            {
                Exec("/", "rm", ["-rf", dotnetRoot], []);
                if (Exec("/", "cp", ["-a", source, dotnetRoot], []) is { Exit: not 0 } copy)
                    throw new InvalidOperationException($"cp -a {source} {dotnetRoot}: {Tail(copy.Output)}");
            }
            try
            {
                var dotnet = Path.Combine(dotnetRoot, "dotnet");
                var projects = new[] { _appSdk, _appPlain }.Select(d =>
                {
                    var copy = d + "-installed";
                    RemoveTree(copy);
                    Directory.CreateDirectory(copy);
                    foreach (var f in Directory.EnumerateFiles(d)) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
                    return copy;
                }).ToArray();
                Timed(projects[0], $"'{dotnet}' build app.csproj -t:GoModInstallSdk -nologo -v:q", env);
                var samples = projects.Select(_ => new List<Sample>()).ToArray();
                foreach (var d in projects) Timed(d, $"'{dotnet}' build app.csproj -nologo -v:q", env);
                for (int i = 0; i < runs; i++)
                    for (int k = 0; k < projects.Length; k++)
                    {
                        var j = (i + k) % projects.Length;
                        samples[j].Add(Timed(projects[j], $"'{dotnet}' build app.csproj -nologo -v:q", env));
                    }
                Console.WriteLine($"  no-op (SDK installed into the .NET SDK): <Sdk> {Median(samples[0]):F3} s, without {Median(samples[1]):F3} s");
                return (samples[0], samples[1]);
            }
            finally
            {
                // rm alone: RemoveTree's chmod would change the modes of the files the copy shares with the real installation.
                Exec("/", "rm", ["-rf", dotnetRoot], []);
            }
        }

        /// <summary>Loose objects in the working tree's <c>.git</c> and files in its <c>node_modules</c> (the noop-tree row).</summary>
        public const int TreeGitObjects = 256 * 20, TreeNodeFiles = 600 * 6 * 6;

        /// <summary>
        /// The noop-tree row: the no-op row's three projects copied into a working tree as a project in a repository
        /// has one: a <c>.git</c> with <see cref="TreeGitObjects"/> loose objects and a <c>node_modules</c> with
        /// <see cref="TreeNodeFiles"/> files, which go.mod ignores (<c>ignore ./node_modules</c>, Go 1.25). Every project
        /// walks the tree for its own default items; the row shows what the SDK's no-op check adds to that.
        /// </summary>
        public (List<Sample> With, List<Sample> ByPackage, List<Sample> Without) NoOpTree(int runs)
        {
            var copies = new[] { _appSdk, _appPackage, _appPlain }.Select(d =>
            {
                var copy = d + "-tree";
                RemoveTree(copy);
                Directory.CreateDirectory(copy);
                foreach (var f in Directory.EnumerateFiles(d)) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
                if (File.Exists(Path.Combine(copy, "go.mod"))) File.AppendAllText(Path.Combine(copy, "go.mod"), "\nignore ./node_modules\n");
                for (int i = 0; i < TreeGitObjects; i++)
                {
                    var dir = Path.Combine(copy, ".git", "objects", (i % 256).ToString("x2", CultureInfo.InvariantCulture));
                    Directory.CreateDirectory(dir);
                    File.WriteAllText(Path.Combine(dir, i.ToString("x38", CultureInfo.InvariantCulture)), "x");
                }
                for (int i = 0; i < TreeNodeFiles; i++)
                {
                    var dir = Path.Combine(copy, "node_modules", "pkg" + (i / 36).ToString(CultureInfo.InvariantCulture), "lib" + (i / 6 % 6).ToString(CultureInfo.InvariantCulture));
                    Directory.CreateDirectory(dir);
                    File.WriteAllText(Path.Combine(dir, "f" + (i % 6).ToString(CultureInfo.InvariantCulture) + ".js"), "x");
                }
                return copy;
            }).ToArray();
            return NoOp(runs, projects: copies);
        }

        /// <summary>
        /// The vendor row: a project with the corpus go.mod, go.sum and main.go and GoVendor=true, built with its restore
        /// forced (no-op stamp and vendor/ removed; module cache warm) against <c>go mod vendor</c> (vendor/ removed),
        /// alternating; and the same project's no-op build. Warns when the two vendor trees differ.
        /// </summary>
        public (List<Sample> Ours, List<Sample> NoOp, List<Sample> Go) Vendor(int runs)
        {
            var app = PrepareApp("app-vendor", "<GoVendor>true</GoVendor>");
            var env = Env("off", _cacheOurs);
            var goEnv = Env("off", _cacheGo);
            var (ours, noop, go) = (new List<Sample>(), new List<Sample>(), new List<Sample>());
            for (int i = 0; i < runs; i++)
            {
                void Ours()
                {
                    File.Delete(Path.Combine(app, "obj", "app.csproj.gomod.cache"));
                    RemoveTree(Path.Combine(app, "vendor"));
                    ours.Add(Timed(app, "dotnet build app.csproj -nologo -v:q", env));
                }
                void Go()
                {
                    RemoveTree(Path.Combine(_goMain, "vendor"));
                    go.Add(Timed(_goMain, "go mod vendor", goEnv));
                }
                if (i % 2 == 0) { Ours(); Go(); } else { Go(); Ours(); }
                noop.Add(Timed(app, "dotnet build app.csproj -nologo -v:q", env));
                Console.WriteLine($"  vendor: run {i + 1}: ours {ours[^1].Seconds:F2} s (no-op {noop[^1].Seconds:F2} s), go {go[^1].Seconds:F2} s");
            }
            if (!SameTree(Path.Combine(app, "vendor"), Path.Combine(_goMain, "vendor")))
                Console.WriteLine("  WARNING: our vendor/ differs from go mod vendor's");
            return (ours, noop, go);
        }

        /// <summary>
        /// The tidy row: a project with the corpus go.mod, go.sum and main.go, <c>-t:GoModTidy</c> with errors allowed,
        /// against <c>go mod tidy -e</c> in a copy of the same files, each starting from the corpus's go.mod and go.sum,
        /// alternating, warm (one untimed tidy each first fills the caches with what tidy reads beyond a build). Warns
        /// when the two tidied go.mod/go.sum differ.
        /// </summary>
        public (List<Sample> Ours, List<Sample> Go) Tidy(string proxy, int runs)
        {
            var app = PrepareApp("app-tidy", "");
            var goDir = Path.Combine(work, "go-tidy");
            Directory.CreateDirectory(goDir);
            var env = Env(proxy, _cacheOurs);
            var goEnv = Env(proxy, _cacheGo);
            var main = Path.Combine(corpus, "main");
            string Reset(string dir) => $"cp '{main}/go.mod' '{main}/go.sum' '{main}/main.go' '{dir}/' && ";
            const string oursCommand = "dotnet build app.csproj -t:GoModTidy -p:GoTidyErrors=true -nologo -v:q > /dev/null";
            const string goCommand = "go mod tidy -e 2> /dev/null";
            Run(app, Reset(app) + oursCommand, env);
            Run(goDir, Reset(goDir) + goCommand, goEnv);
            var (ours, go) = (new List<Sample>(), new List<Sample>());
            for (int i = 0; i < runs; i++)
            {
                void Ours() => ours.Add(Timed(app, Reset(app) + oursCommand, env));
                void Go() => go.Add(Timed(goDir, Reset(goDir) + goCommand, goEnv));
                if (i % 2 == 0) { Ours(); Go(); } else { Go(); Ours(); }
                Console.WriteLine($"  tidy: run {i + 1}: ours {ours[^1].Seconds:F2} s, go {go[^1].Seconds:F2} s");
            }
            foreach (var f in new[] { "go.mod", "go.sum" })
                if (File.ReadAllText(Path.Combine(app, f)) != File.ReadAllText(Path.Combine(goDir, f)))
                    Console.WriteLine($"  WARNING: our tidied {f} differs from go mod tidy's");
            return (ours, go);
        }

        /// <summary>
        /// The package-loading row: the same project without GoVendor, restore forced (build list, package load of ./...
        /// for the host, warm module cache) against <c>go list -deps ./...</c>, alternating; and its no-op build.
        /// </summary>
        public (List<Sample> Ours, List<Sample> NoOp, List<Sample> Go) Packages(int runs)
        {
            var app = PrepareApp("app-packages", "");
            var env = Env("off", _cacheOurs);
            var goEnv = Env("off", _cacheGo);
            var (ours, noop, go) = (new List<Sample>(), new List<Sample>(), new List<Sample>());
            for (int i = 0; i < runs; i++)
            {
                void Ours()
                {
                    File.Delete(Path.Combine(app, "obj", "app.csproj.gomod.cache"));
                    ours.Add(Timed(app, "dotnet build app.csproj -nologo -v:q", env));
                }
                void Go() => go.Add(Timed(_goMain, "go list -deps ./... > /dev/null", goEnv));
                if (i % 2 == 0) { Ours(); Go(); } else { Go(); Ours(); }
                noop.Add(Timed(app, "dotnet build app.csproj -nologo -v:q", env));
                Console.WriteLine($"  packages: run {i + 1}: ours {ours[^1].Seconds:F2} s (no-op {noop[^1].Seconds:F2} s), go {go[^1].Seconds:F2} s");
            }
            return (ours, noop, go);
        }

        /// <summary>A console project like app-sdk with the corpus main module's go.mod, go.sum and main.go (so the restore loads packages), built once.</summary>
        private string PrepareApp(string name, string properties)
        {
            var app = Path.Combine(work, name);
            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(app, "app.csproj"), File.ReadAllText(Path.Combine(_appSdk, "app.csproj"))
                .Replace("<PropertyGroup>", "<PropertyGroup>" + properties, StringComparison.Ordinal));
            foreach (var f in new[] { "Program.cs", "NuGet.config" }) File.Copy(Path.Combine(_appSdk, f), Path.Combine(app, f), true);
            foreach (var f in new[] { "go.mod", "go.sum", "main.go" }) File.Copy(Path.Combine(corpus, "main", f), Path.Combine(app, f), true);
            Timed(app, "dotnet build app.csproj -nologo -v:q", Env("off", _cacheOurs));
            return app;
        }

        private static bool SameTree(string a, string b)
        {
            static Dictionary<string, string> Tree(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
            if (!Directory.Exists(a) || !Directory.Exists(b)) return false;
            var (ta, tb) = (Tree(a), Tree(b));
            return ta.Count == tb.Count && ta.All(kv => tb.TryGetValue(kv.Key, out var h) && h == kv.Value);
        }

        /// <summary>The <c>mvs</c> generator's graph of <paramref name="modules"/> modules, its main module listed once by go (go.sum written, .mod files cached).</summary>
        private (string Root, string Main, string Cache) MvsGraph(int modules)
        {
            var root = Path.Combine(work, "mvs-" + modules.ToString(CultureInfo.InvariantCulture));
            var main = Path.Combine(root, "main");
            var cache = Path.Combine(root, "cache");
            if (!File.Exists(Path.Combine(main, "go.sum")))
            {
                RemoveTree(root);
                MvsBenchmark.GenerateGraph(Path.Combine(root, "proxy"), main, modules, 1);
                var env0 = Env(FileProxy(root), cache);
                env0["GOFLAGS"] = "-mod=mod";
                Timed(main, "go list -m all > /dev/null", env0);
            }
            return (root, main, cache);
        }

        private static string FileProxy(string root) => new Uri(Path.Combine(root, "proxy") + "/").AbsoluteUri.TrimEnd('/');

        /// <summary>
        /// The inner loop after an edit: a C# project with the SDK and the 10,000-module graph's go.mod, every module in
        /// the cache (a tiny zip per selected version, written into the generated proxy, its h1 line added to go.sum, and
        /// restored once). Each run edits go.mod (a comment line: the inputs hash changes, the build list does not) and
        /// times the build, then times a no-op build of the same project; go lists the same graph with `go list -m all`.
        /// </summary>
        public (List<Sample> Changed, List<Sample> NoOp, List<Sample> Go) Changed(int modules, int runs)
        {
            var (root, main, cache) = MvsGraph(modules);
            var app = Path.Combine(root, "changed");
            var goMod = Path.Combine(app, "go.mod");
            var env = Env("off", cache);
            if (!File.Exists(Path.Combine(app, "restored")))
            {
                RemoveTree(app);
                Directory.CreateDirectory(app);
                var listed = Run(main, "go list -m all", env).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1);
                var sums = new StringBuilder(File.ReadAllText(Path.Combine(main, "go.sum")));
                foreach (var line in listed)
                {
                    var parts = line.Split(' ');
                    var zip = WriteTinyZip(Path.Combine(root, "proxy"), parts[0], parts[1]);
                    sums.Append(parts[0]).Append(' ').Append(parts[1]).Append(' ').Append(GoMod.Core.Sum.DirHash.HashZip(zip)).Append('\n');
                }
                File.WriteAllText(Path.Combine(app, "go.sum"), sums.ToString());
                File.Copy(Path.Combine(main, "go.mod"), goMod);
                File.Copy(Path.Combine(_appSdk, "app.csproj"), Path.Combine(app, "app.csproj"));
                File.Copy(Path.Combine(_appSdk, "Program.cs"), Path.Combine(app, "Program.cs"));
                File.Copy(Path.Combine(_appSdk, "NuGet.config"), Path.Combine(app, "NuGet.config"));
                Console.WriteLine($"  changed: first restore of {listed.Count()} modules (tiny zips)…");
                Timed(app, "dotnet build app.csproj -nologo -v:q", Env(FileProxy(root), cache));
                File.WriteAllText(Path.Combine(app, "restored"), "");
            }
            else
            {
                File.Copy(Path.Combine(_appSdk, "app.csproj"), Path.Combine(app, "app.csproj"), true);
            }
            var original = File.ReadAllText(Path.Combine(main, "go.mod"));
            File.WriteAllText(goMod, original);
            Timed(app, "dotnet build app.csproj -nologo -v:q", env);
            var result = EditsTimed("changed", runs, app, env, i => File.WriteAllText(goMod, original + $"// edit {i}\n"), main, env, _ => { });
            File.WriteAllText(goMod, original);
            return result;
        }

        /// <summary>
        /// <paramref name="runs"/> rounds, the sides alternating first: ours applies <paramref name="editOurs"/>, times a
        /// build of <paramref name="app"/> and then the no-op build after it; go applies <paramref name="editGo"/> and
        /// times <c>go list -m all</c> in <paramref name="goDir"/>.
        /// </summary>
        private (List<Sample> Changed, List<Sample> NoOp, List<Sample> Go) EditsTimed(string label, int runs,
            string app, Dictionary<string, string?> env, Action<int> editOurs,
            string goDir, Dictionary<string, string?> goEnv, Action<int> editGo)
        {
            var changed = new List<Sample>();
            var noop = new List<Sample>();
            var go = new List<Sample>();
            for (int i = 0; i < runs; i++)
            {
                void Ours()
                {
                    editOurs(i);
                    changed.Add(Timed(app, "dotnet build app.csproj -nologo -v:q", env));
                    noop.Add(Timed(app, "dotnet build app.csproj -nologo -v:q", env));
                }
                void Go()
                {
                    editGo(i);
                    go.Add(Timed(goDir, "go list -m all > /dev/null", goEnv));
                }
                if (i % 2 == 0) { Ours(); Go(); } else { Go(); Ours(); }
                Console.WriteLine($"  {label}: run {i + 1}: after the edit {changed[^1].Seconds:F2} s, no-op {noop[^1].Seconds:F2} s, go list -m all {go[^1].Seconds:F2} s");
            }
            return (changed, noop, go);
        }

        /// <summary>
        /// The inner loop after an edit that changes the build list, as GoModGet or a hand edit does: the corpus C#
        /// project with the SDK (warm cache, no proxy). Each run writes go.mod alternately without its last requirement
        /// and as it was, times the build, then a no-op build; go lists the graph after the same edit with
        /// `go list -m all`. (The changed row's comment edit leaves the build list, and so the g.props, as they were;
        /// before session 25 a changed g.props also recompiled the C# project, about 2 s here.)
        /// </summary>
        public (List<Sample> Changed, List<Sample> NoOp, List<Sample> Go) ChangedList(int runs)
        {
            var env = Env("off", _cacheOurs);
            var goEnv = Env("off", _cacheGo);
            var ours = Path.Combine(_appSdk, "go.mod");
            var theirs = Path.Combine(_goMain, "go.mod");
            var original = File.ReadAllText(ours);
            var originalGo = File.ReadAllText(theirs);
            var lines = original.Split('\n').ToList();
            var last = lines.FindLastIndex(l => l.StartsWith('\t') && l.Trim().Length > 0 && !l.TrimStart().StartsWith("//", StringComparison.Ordinal));
            if (last < 0) throw new InvalidOperationException($"{ours}: no requirement line to drop");
            lines.RemoveAt(last);
            var less = string.Join('\n', lines);
            string Edit(int i) => i % 2 == 0 ? less : original;
            try
            {
                Timed(_appSdk, "dotnet build app.csproj -nologo -v:q", env);
                return EditsTimed("changed build list", runs, _appSdk, env, i => File.WriteAllText(ours, Edit(i)),
                    _goMain, goEnv, i => File.WriteAllText(theirs, Edit(i)));
            }
            finally
            {
                File.WriteAllText(ours, original);
                File.WriteAllText(theirs, originalGo);
            }
        }

        /// <summary>A module zip holding the version's go.mod (as the proxy serves it) and one Go file; returns its path.</summary>
        private static string WriteTinyZip(string proxy, string path, string version)
        {
            var dir = Path.Combine([proxy, .. GoMod.Core.Module.ModulePath.EscapePath(path).Split('/'), "@v"]);
            var file = Path.Combine(dir, GoMod.Core.Module.ModulePath.EscapeVersion(version) + ".zip");
            if (File.Exists(file)) return file;
            var goModText = File.ReadAllBytes(Path.Combine(dir, GoMod.Core.Module.ModulePath.EscapeVersion(version) + ".mod"));
            var name = path[(path.LastIndexOf('/') + 1)..];
            using (var zip = System.IO.Compression.ZipFile.Open(file + ".tmp", System.IO.Compression.ZipArchiveMode.Create))
            {
                var prefix = path + "@" + version + "/";
                using (var s = zip.CreateEntry(prefix + "go.mod").Open()) s.Write(goModText);
                using (var s = zip.CreateEntry(prefix + name + ".go").Open()) s.Write(Encoding.UTF8.GetBytes($"package {name}\n"));
            }
            File.Move(file + ".tmp", file);
            return file;
        }

        public (List<Sample> Ours, List<Sample> Go) List(int modules, int runs)
        {
            var (_, main, cache) = MvsGraph(modules);
            File.WriteAllText(Path.Combine(main, "app.csproj"), $"<Project Sdk=\"GoMod.Sdk/{sdkVersion}\" />\n");
            File.Copy(Path.Combine(_appSdk, "NuGet.config"), Path.Combine(main, "NuGet.config"), true);
            var env = Env("off", cache);
            var ours = new List<Sample>();
            var go = new List<Sample>();
            Timed(main, "dotnet build app.csproj -t:GoModList -p:GoModListOutput=list.txt -nologo -v:q", env);
            for (int i = 0; i < runs; i++)
            {
                void Ours() => ours.Add(Timed(main, "dotnet build app.csproj -t:GoModList -p:GoModListOutput=list.txt -nologo -v:q > /dev/null", env));
                void Go() => go.Add(Timed(main, "go list -m all > /dev/null", env));
                if (i % 2 == 0) { Ours(); Go(); } else { Go(); Ours(); }
            }
            var theirs = Run(main, "go list -m all", env);
            if (File.ReadAllText(Path.Combine(main, "list.txt")) != theirs)
                Console.WriteLine("  WARNING: GoModList output differs from go list -m all");
            Console.WriteLine($"  list: ours {Median(ours):F2} s, go {Median(go):F2} s");
            return (ours, go);
        }

        public (List<Sample> Ours, List<Sample> Go) Verify(int runs)
        {
            var ours = new List<Sample>();
            var go = new List<Sample>();
            var oursEnv = Env("off", _cacheOurs);
            var goEnv = Env("off", _cacheGo);
            for (int i = 0; i < runs; i++)
            {
                void Ours() => ours.Add(Timed(_appSdk, "dotnet build app.csproj -t:GoModVerify -nologo -v:q", oursEnv));
                void Go() => go.Add(Timed(_goMain, "go mod verify", goEnv));
                if (i % 2 == 0) { Ours(); Go(); } else { Go(); Ours(); }
            }
            Console.WriteLine($"  verify: ours {Median(ours):F2} s, go {Median(go):F2} s");
            return (ours, go);
        }

        private Dictionary<string, string?> Env(string proxy, string modCache) => new()
        {
            ["GOPROXY"] = proxy,
            ["GOSUMDB"] = "off",
            ["GOMODCACHE"] = modCache,
            ["GOPATH"] = Path.Combine(work, "gopath"),
            ["GOCACHE"] = Path.Combine(work, "gocache"),
            ["GOFLAGS"] = "",
            ["GOENV"] = "off",
            ["GOTOOLCHAIN"] = "local",
            ["GONOSUMDB"] = null,
            ["GONOPROXY"] = null,
            ["GOPRIVATE"] = null,
            ["GOINSECURE"] = null,
            ["CGO_ENABLED"] = "0",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };

        /// <summary>Runs <paramref name="command"/> with bash under /usr/bin/time; fails on a non-zero exit.</summary>
        private Sample Timed(string dir, string command, Dictionary<string, string?> env)
        {
            var timeFile = Path.Combine(work, "time.txt");
            var (exit, output) = Exec(dir, "/usr/bin/time", ["-f", "%e %M %U %S", "-o", timeFile, "bash", "-c", command], env);
            if (exit != 0) throw new InvalidOperationException($"`{command}` in {dir} failed ({exit}):\n{Tail(output)}");
            var parts = File.ReadAllLines(timeFile).Last(l => l.Trim().Length > 0).Split(' ');
            return new Sample(double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture),
                double.Parse(parts[2], CultureInfo.InvariantCulture) + double.Parse(parts[3], CultureInfo.InvariantCulture),
                double.Parse(parts[3], CultureInfo.InvariantCulture));
        }

        private static string Run(string dir, string command, Dictionary<string, string?> env)
        {
            var (exit, output) = Exec(dir, "bash", ["-c", command], env, stdoutOnly: true);
            if (exit != 0) throw new InvalidOperationException($"`{command}` failed ({exit}):\n{Tail(output)}");
            return output;
        }

        private static (int Exit, string Output) Exec(string dir, string file, string[] args, Dictionary<string, string?> env, bool stdoutOnly = false)
        {
            var psi = new ProcessStartInfo(file) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) psi.ArgumentList.Add(a);
            foreach (var (k, v) in env)
                if (v is null) psi.Environment.Remove(k);
                else psi.Environment[k] = v;
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stdoutOnly ? stdout : stdout + stderr.Result);
        }

        private static string Tail(string s) => s.Length > 4000 ? s[^4000..] : s;

        /// <summary>
        /// Outside the timing: <c>sync</c>, so a cold or floor run starts with no earlier run's gigabyte still being
        /// written back (which made later runs 2–3× slower than the first and the ratios mostly noise).
        /// </summary>
        private void Settle()
        {
            if (settle) Exec("/", "sync", [], []);
        }

        private readonly List<string> _trash = [];

        /// <summary>
        /// Takes a tree a run wrote out of the way. On disk it is only renamed into work/trash, and <see cref="EmptyTrash"/>
        /// deletes the lot after the last row: on this machine's ext4, files created soon after a large tree was deleted
        /// cost the creating process kernel time in inode allocation (the allocator checks each recently freed inode it
        /// passes; up to a minute of system time in one cold restore after 85,000 files were deleted), so a tree deleted
        /// between two timed runs slowed whichever side ran next. A tmpfs tree is deleted at once (memory), as is a disk
        /// tree when the work directory's file system has less than 8 GB free.
        /// </summary>
        private void Discard(string path, bool onDisk)
        {
            if (!Directory.Exists(path)) return;
            if (!onDisk || new DriveInfo(work).AvailableFreeSpace < 8L << 30)
            {
                RemoveTree(path);
                return;
            }
            var trash = Path.Combine(work, "trash");
            Directory.CreateDirectory(trash);
            var target = Path.Combine(trash, $"{_trash.Count}-{Path.GetFileName(path)}");
            Directory.Move(path, target);
            _trash.Add(target);
        }

        /// <summary>Deletes what <see cref="Discard"/> kept (after the last row, outside any timing).</summary>
        public void EmptyTrash()
        {
            foreach (var path in _trash) RemoveTree(path);
            _trash.Clear();
        }

        private static void RemoveTree(string path)
        {
            if (!Directory.Exists(path)) return;
            // Module caches are read-only like go's.
            Exec("/", "bash", ["-c", $"chmod -R u+w '{path}' && rm -rf '{path}'"], []);
        }
    }
}
