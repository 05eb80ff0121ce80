using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using GoMod.Core.Restore;

namespace GoMod.Benchmarks.Vendor;

/// <summary>
/// <c>vendor --proxy DIR --main DIR --work DIR [--runs N]</c>: our <c>GoVendor=true</c> restore against <c>go mod
/// vendor</c> on the same main module and proxy (a corpus from the <c>corpus</c> command), both with a warm module
/// cache and no vendor/ at the start of each run: package load plus the whole tree written. Prints the median of each,
/// the ratio, and whether the two trees are identical (paths and bytes). Also the package-loading figure: the same
/// restore without GoVendor (build list and package load of ./...) against <c>go list -deps ./...</c>. Ours runs
/// inside this process (after a warm-up restore), go as a fresh process each time: figures for tuning, not what a
/// user waits for (that is <c>user --rows vendor,packages</c>).
/// <para><c>vendor-restore --mod FILE --proxy URL --modcache DIR</c>: one restore with GoVendor=true (the child process of
/// the reproducibility tests, run under different umasks). Exit code 0 when it succeeded.</para>
/// </summary>
public static class VendorBenchmark
{
    public static async Task<int> RestoreAsync(string[] args)
    {
        string modFile = "", proxy = "", modCache = "";
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--mod": modFile = args[++i]; break;
                case "--proxy": proxy = args[++i]; break;
                case "--modcache": modCache = args[++i]; break;
                default: Console.Error.WriteLine($"vendor-restore: unknown argument {args[i]}"); return 2;
            }
        }
        var result = await Restore(modFile, proxy, modCache);
        foreach (var d in result.Diagnostics) Console.Error.WriteLine(d);
        return result.Succeeded ? 0 : 1;
    }

    private static Task<RestoreResult> Restore(string modFile, string proxy, string modCache, bool vendor = true) =>
        new ModuleRestorer().RestoreAsync(new RestoreOptions
        {
            ModFile = Path.GetFullPath(modFile),
            WriteVendor = vendor,
            Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = modCache, ["GOPROXY"] = proxy, ["GOSUMDB"] = "off", ["GOFLAGS"] = "-mod=readonly" },
            GetEnvironmentVariable = name => name switch { "GOENV" => "off", "CGO_ENABLED" => "0", "GOMOD_PHASE_LOG" => Environment.GetEnvironmentVariable(name), _ => null },
        }, CancellationToken.None);

    public static async Task<int> RunAsync(string[] args)
    {
        string proxyDir = "", main = "", work = "";
        int runs = 3;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--proxy": proxyDir = args[++i]; break;
                case "--main": main = args[++i]; break;
                case "--work": work = args[++i]; break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"vendor: unknown argument {args[i]}"); return 2;
            }
        }
        if (proxyDir.Length == 0 || main.Length == 0 || work.Length == 0)
        {
            Console.Error.WriteLine("usage: vendor --proxy DIR --main DIR --work DIR [--runs N]");
            return 2;
        }
        var proxy = new Uri(Path.GetFullPath(proxyDir) + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
        Directory.CreateDirectory(work);
        var goMain = Path.Combine(work, "gomain");
        var ourMain = Path.Combine(work, "ourmain");
        Copy(main, goMain);
        Copy(main, ourMain);
        var home = Path.Combine(work, "gohome");
        var ourCache = Path.Combine(work, "ourcache");
        var env = new Dictionary<string, string?>
        {
            ["HOME"] = home, ["GOPATH"] = Path.Combine(home, "gopath"), ["GOMODCACHE"] = Path.Combine(home, "gopath", "pkg", "mod"),
            ["GOCACHE"] = Path.Combine(home, "gocache"), ["GOENV"] = "off", ["GOFLAGS"] = "-modcacherw", ["GOPROXY"] = proxy,
            ["GOSUMDB"] = "off", ["GONOSUMDB"] = "*", ["GOTOOLCHAIN"] = "local", ["GO111MODULE"] = "on", ["GOWORK"] = "off", ["CGO_ENABLED"] = "0",
        };

        // Warm both module caches first: the step measured is the vendoring, not the download.
        if (Go(goMain, env, "mod", "download") != 0) return 1;
        var warm = await Restore(Path.Combine(ourMain, "go.mod"), proxy, ourCache);
        if (!warm.Succeeded)
        {
            foreach (var d in warm.Diagnostics.Take(20)) Console.Error.WriteLine(d);
            return 1;
        }

        var goTimes = new List<double>();
        var ourTimes = new List<double>();
        var plainTimes = new List<double>();
        var listTimes = new List<double>();
        for (int r = 0; r < runs; r++)
        {
            var sw0 = Stopwatch.StartNew();
            if (Go(goMain, env, "list", "-deps", "./...") != 0) return 1;
            listTimes.Add(sw0.Elapsed.TotalSeconds);

            Remove(Path.Combine(goMain, "vendor"));
            var sw = Stopwatch.StartNew();
            if (Go(goMain, env, "mod", "vendor") != 0) return 1;
            goTimes.Add(sw.Elapsed.TotalSeconds);

            // The same restore without GoVendor (vendor/ absent, so readonly): what the vendor step adds is the difference.
            Remove(Path.Combine(ourMain, "vendor"));
            sw.Restart();
            var plain = await Restore(Path.Combine(ourMain, "go.mod"), proxy, ourCache, vendor: false);
            plainTimes.Add(sw.Elapsed.TotalSeconds);
            if (!plain.Succeeded) return 1;

            sw.Restart();
            var result = await Restore(Path.Combine(ourMain, "go.mod"), proxy, ourCache);
            ourTimes.Add(sw.Elapsed.TotalSeconds);
            if (!result.Succeeded)
            {
                foreach (var d in result.Diagnostics.Take(20)) Console.Error.WriteLine(d);
                return 1;
            }
        }
        var goTree = Tree(Path.Combine(goMain, "vendor"));
        var ourTree = Tree(Path.Combine(ourMain, "vendor"));
        var same = goTree.Count == ourTree.Count && goTree.All(kv => ourTree.TryGetValue(kv.Key, out var v) && v == kv.Value);
        double goMedian = Median(goTimes), ourMedian = Median(ourTimes);
        Console.WriteLine(FormattableString.Invariant(
            $"vendor: {goTree.Count} paths; go mod vendor {goMedian:F2} s, ours (restore + vendor) {ourMedian:F2} s, ratio {ourMedian / goMedian:F2}; trees identical: {same}"));
        Console.WriteLine(FormattableString.Invariant($"  go:   {string.Join(" ", goTimes.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))}"));
        Console.WriteLine(FormattableString.Invariant($"  ours: {string.Join(" ", ourTimes.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))}"));
        Console.WriteLine(FormattableString.Invariant(
            $"  ours without GoVendor (same warm restore: build list, package load of ./..., no vendor/): median {Median(plainTimes):F2} s; the vendor step itself: {ourMedian - Median(plainTimes):F2} s, {(ourMedian - Median(plainTimes)) / goMedian:F2} of go mod vendor"));
        Console.WriteLine(FormattableString.Invariant(
            $"packages: ours (restore without GoVendor) {Median(plainTimes):F2} s, go list -deps ./... {Median(listTimes):F2} s, ratio {Median(plainTimes) / Median(listTimes):F2}"));
        Console.WriteLine(FormattableString.Invariant($"  go list: {string.Join(" ", listTimes.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))}"));
        Console.WriteLine(FormattableString.Invariant($"  ours:    {string.Join(" ", plainTimes.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))}"));
        return same ? 0 : 1;
    }

    private static int Go(string dir, Dictionary<string, string?> env, params string[] args)
    {
        var psi = new ProcessStartInfo("go") { WorkingDirectory = dir, UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var err = p.StandardError.ReadToEnd();
        output.Wait();
        p.WaitForExit();
        if (p.ExitCode != 0) Console.Error.WriteLine($"go {string.Join(' ', args)}: {err}");
        return p.ExitCode;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    private static Dictionary<string, string> Tree(string root)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(root, f)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)));
        return result;
    }

    private static void Remove(string dir)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    private static void Copy(string from, string to)
    {
        Remove(to);
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
    }
}
