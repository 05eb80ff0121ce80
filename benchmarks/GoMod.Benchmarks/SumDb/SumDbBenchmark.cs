using System.Diagnostics;
using System.Text;
using GoMod.Benchmarks.Download;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.SumDb;
using GoMod.Core.SumDb.Note;
using GoMod.Core.SumDb.Tlog;

namespace GoMod.Benchmarks.SumDb;

/// <summary>
/// <c>sumdb [--modules N] [--size KB] [--filler F] [--repeat R] [--no-go]</c>: generates N modules and a checksum
/// database whose log holds their go.sum records among F unrelated ones (tiles, lookups and a signed tree written as
/// static files below the loopback proxy's <c>/sumdb/&lt;name&gt;/</c>, which answers <c>supported</c>), then times
/// adding the go.sum lines of all N modules with every new line verified against that database: by our downloader
/// with <see cref="ChecksumDatabase"/> (in process, after a warm-up) and by <c>go mod download</c> with the same
/// GOPROXY and GOSUMDB, both from empty caches (cold) and with the modules already in the module cache but no
/// checksum database cache (verification only).
/// </summary>
public static class SumDbBenchmark
{
    private const string DbName = "sum.bench.test";

    public static async Task<int> RunAsync(string[] args)
    {
        int count = 500, sizeKb = 4, filler = 20000, repeat = 3;
        var runGo = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--modules": count = int.Parse(args[++i]); break;
                case "--size": sizeKb = int.Parse(args[++i]); break;
                case "--filler": filler = int.Parse(args[++i]); break;
                case "--repeat": repeat = int.Parse(args[++i]); break;
                case "--no-go": runGo = false; break;
                default:
                    Console.Error.WriteLine($"sumdb: unknown option {args[i]}");
                    return 2;
            }
        }
        var work = Path.Combine(Path.GetTempPath(), "gomod-bench-sumdb-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            var proxyDir = Path.Combine(work, "proxy");
            var modules = SyntheticModules.Write(proxyDir, count, sizeKb);
            var vkey = await WriteDatabaseAsync(proxyDir, modules, filler);
            using var proxy = new LoopbackProxy(proxyDir);
            var main = Path.Combine(work, "main");
            Directory.CreateDirectory(main);
            File.WriteAllText(Path.Combine(main, "go.mod"), "module example.com/main\n\ngo 1.17\n");
            var go = runGo ? FindGo() : null;
            Console.WriteLine($"sumdb: {count} modules of ~{sizeKb} KiB, log of {count + filler} records, {repeat} runs, {Environment.ProcessorCount} cores" +
                              (go is null ? ", go not found" : $", {go}"));

            await OursAsync(work, main, proxy.Url, vkey, modules.Take(3).ToList(), "warmup", clearSumDb: true);
            var results = new Dictionary<string, List<double>>();
            void Add(string key, double ms)
            {
                if (!results.TryGetValue(key, out var l)) results[key] = l = [];
                l.Add(ms);
            }
            for (var r = 0; r < repeat; r++)
            {
                var before = proxy.Requests;
                Add("ours cold", await OursAsync(work, main, proxy.Url, vkey, modules, "ours-" + r, clearSumDb: true));
                var coldRequests = proxy.Requests - before;
                before = proxy.Requests;
                Add("ours verify only", await OursAsync(work, main, proxy.Url, vkey, modules, "ours-" + r, clearSumDb: true));
                var verifyRequests = proxy.Requests - before;
                if (r == 0) Console.WriteLine($"ours: requests cold {coldRequests}, verify only {verifyRequests}");
                if (go is not null)
                {
                    before = proxy.Requests;
                    Add("go cold", GoRun(go, work, main, proxy.Url, vkey, modules, "go-" + r));
                    coldRequests = proxy.Requests - before;
                    before = proxy.Requests;
                    Add("go verify only", GoRun(go, work, main, proxy.Url, vkey, modules, "go-" + r));
                    if (r == 0) Console.WriteLine($"go:   requests cold {coldRequests}, verify only {proxy.Requests - before}");
                }
            }
            Console.WriteLine();
            Console.WriteLine($"{"",-20} {"median ms",10} {"min ms",10}");
            foreach (var (key, values) in results)
                Console.WriteLine($"{key,-20} {Median(values),10:F0} {values.Min(),10:F0}");
            if (go is not null)
            {
                Console.WriteLine();
                Console.WriteLine($"ratio go/ours cold:        {Median(results["go cold"]) / Median(results["ours cold"]):F2}x");
                Console.WriteLine($"ratio go/ours verify only: {Median(results["go verify only"]) / Median(results["ours verify only"]):F2}x");
            }
            return 0;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>An in-memory log: the stored hashes of every record appended.</summary>
    private sealed class Hashes : IHashReader
    {
        public List<TlogHash> All { get; } = [];

        public ValueTask<TlogHash[]> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken ct) =>
            ValueTask.FromResult(indexes.Select(i => All[(int)i]).ToArray());
    }

    /// <summary>Writes the database below <c>proxyDir/sumdb/name/</c> and returns its verifier key.</summary>
    private static async Task<string> WriteDatabaseAsync(string proxyDir, List<ModuleVersion> modules, int filler)
    {
        var (skey, vkey) = NoteKeys.Generate(DbName);
        var signer = NoteSigner.Parse(skey);
        var root = Path.Combine(proxyDir, "sumdb", DbName);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "supported"), "");
        var hashes = new Hashes();
        var records = new List<(ModuleVersion? Module, byte[] Text)>();
        var rng = new Random(7);
        var next = 0;
        // Modules spread through the log, as in a real database.
        for (var i = 0; i < modules.Count + filler; i++)
        {
            var wantModule = next < modules.Count && rng.Next(modules.Count + filler - i) < modules.Count - next;
            if (wantModule)
            {
                var m = modules[next++];
                var dir = Path.Combine(proxyDir, ModulePath.EscapePath(m.Path), "@v");
                var zip = DirHash.HashZip(Path.Combine(dir, "v1.0.0.zip"));
                var mod = DirHash.HashGoMod(File.ReadAllBytes(Path.Combine(dir, "v1.0.0.mod")));
                records.Add((m, Encoding.UTF8.GetBytes($"{m.Path} {m.Version} {zip}\n{m.Path} {m.Version}/go.mod {mod}\n")));
            }
            else
            {
                records.Add((null, Encoding.UTF8.GetBytes($"filler.example/f{i} v1.0.0 h1:{Convert.ToBase64String(new byte[32])}\n")));
            }
        }
        for (var n = 0; n < records.Count; n++)
            hashes.All.AddRange(await MerkleTree.StoredHashesAsync(n, MerkleTree.RecordHash(records[n].Text), hashes, default));
        var size = records.Count;
        var tree = new LogTree(size, await MerkleTree.TreeHashAsync(size, hashes, default));
        var note = SignedNote.Sign(tree.Format(), signer);
        for (var id = 0; id < records.Count; id++)
        {
            if (records[id].Module is not { } m) continue;
            var file = Path.Combine(root, "lookup", ModulePath.EscapePath(m.Path) + "@" + ModulePath.EscapeVersion(m.Version));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, [.. LogRecord.Format(id, records[id].Text), .. note]);
        }
        foreach (var tile in Tile.NewTiles(8, 0, size))
        {
            var file = Path.Combine(root, tile.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, await tile.ReadDataAsync(hashes, default));
        }
        return vkey;
    }

    private static Dictionary<string, string?> Variables(string work, string proxy, string vkey, string cacheName) => new()
    {
        ["HOME"] = work,
        ["GOPATH"] = Path.Combine(work, cacheName, "gopath"),
        ["GOMODCACHE"] = Path.Combine(work, cacheName, "gopath", "pkg", "mod"),
        ["GOCACHE"] = Path.Combine(work, "gocache"),
        ["GOENV"] = "off",
        ["GOFLAGS"] = "-mod=mod",
        ["GOPROXY"] = proxy,
        ["GOSUMDB"] = vkey,
        ["GOTOOLCHAIN"] = "local",
        ["GONOSUMDB"] = null,
        ["GOPRIVATE"] = null,
        ["GONOPROXY"] = null,
    };

    /// <summary>Removes go.sum, the latest tree and the lookup/tile cache (the module cache stays).</summary>
    private static void ForgetSums(string work, string main, string cacheName)
    {
        File.Delete(Path.Combine(main, "go.sum"));
        foreach (var dir in new[] { Path.Combine(work, cacheName, "gopath", "pkg", "sumdb"), Path.Combine(work, cacheName, "gopath", "pkg", "mod", "cache", "download", "sumdb") })
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    private static async Task<double> OursAsync(string work, string main, string proxy, string vkey, List<ModuleVersion> modules, string cacheName, bool clearSumDb)
    {
        if (clearSumDb) ForgetSums(work, main, cacheName);
        var vars = Variables(work, proxy, vkey, cacheName);
        var env = GoEnvironment.FromVariables(vars);
        var clock = Stopwatch.StartNew();
        var sums = await GoSumChecker.LoadAsync(Path.Combine(main, "go.sum"), ModMode.Mod, default);
        using var db = ChecksumDatabase.Create(env);
        using var d = new ModuleDownloader(env, sums, new FetchOptions(), db);
        var results = await d.DownloadAsync(modules, DownloadParts.All);
        await d.SaveGoSumAsync();
        clock.Stop();
        if (results.FirstOrDefault(r => r.Error is not null) is { } failed) throw new InvalidOperationException(failed.Error);
        var lines = File.ReadAllLines(Path.Combine(main, "go.sum")).Length;
        if (lines != 2 * modules.Count) throw new InvalidOperationException($"go.sum has {lines} lines, expected {2 * modules.Count}");
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double GoRun(string go, string work, string main, string proxy, string vkey, List<ModuleVersion> modules, string cacheName)
    {
        ForgetSums(work, main, cacheName);
        var psi = new ProcessStartInfo(go) { WorkingDirectory = main, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "mod", "download" }.Concat(modules.Select(m => m.ToString()))) psi.ArgumentList.Add(a);
        foreach (var (k, v) in Variables(work, proxy, vkey, cacheName))
        {
            if (v is null) psi.Environment.Remove(k);
            else psi.Environment[k] = v;
        }
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        clock.Stop();
        if (p.ExitCode != 0) throw new InvalidOperationException("go mod download failed: " + stderr.Result);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var s = values.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    private static string? FindGo()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "go"))) return Path.Combine(dir, "go");
        return File.Exists("/usr/lib/go/bin/go") ? "/usr/lib/go/bin/go" : null;
    }
}
