using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Zip;

namespace GoMod.Benchmarks;

/// <summary>
/// <c>ziphash</c>: generates module zips of mixed content (source-like text, random binary, zeros), then measures
/// DirHash.HashZip and ModuleZip.Unzip beside <c>sha256sum</c> on the same zip file, each measured operation in a child
/// process of its own so that its peak working set is its own.
/// </summary>
internal static class ZipHashBenchmark
{
    private const string ModulePathName = "example.com/bench";
    private const string Version = "v1.0.0";

    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "--child") return Child(args[1..]);

        var sizes = new List<int> { 200, 500 };
        var work = Path.Combine(Path.GetTempPath(), "gomod-bench-ziphash");
        var repeat = 3;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sizes": sizes = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(); break;
                case "--work": work = args[++i]; break;
                case "--repeat": repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--keep": keep = true; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        Console.WriteLine($"ziphash: {Environment.ProcessorCount} cpus, .NET {Environment.Version}, best of {repeat} runs, MB = 10^6 bytes");
        Console.WriteLine("wall = elapsed seconds; cpu = user+sys seconds of the operation (less sensitive to other load on the machine)");
        Console.WriteLine($"{"content",8} {"zip",8} {"operation",-28} {"wall s",7} {"cpu s",7} {"MB/s(zip)",10} {"MB/s(content)",13} {"peak WS MB",10} {"alloc MB",9}");
        foreach (var mib in sizes)
        {
            var root = Path.Combine(work, $"{mib}MiB");
            DeleteTree(root);
            Directory.CreateDirectory(root);
            try
            {
                var dir = Path.Combine(root, "src");
                var content = Generate(dir, (long)mib << 20);
                var zip = Path.Combine(root, "m.zip");
                var sw = Stopwatch.StartNew();
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                using (var f = File.Create(zip)) ModuleZip.Create(f, new ModuleVersion(ModulePathName, Version), dir);
                var createSeconds = sw.Elapsed.TotalSeconds;
                var createCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
                var zipBytes = new FileInfo(zip).Length;
                DeleteTree(dir); // the source tree is not needed any more; keep the disk footprint small

                void Row(string op, double seconds, double cpu, long peak = -1, long alloc = -1) => Console.WriteLine(
                    $"{mib,5}MiB {zipBytes / 1e6,7:F0}M {op,-28} {seconds,7:F3} {cpu,7:F3} {zipBytes / 1e6 / seconds,10:F0} {content / 1e6 / seconds,13:F0} " +
                    $"{(peak < 0 ? "-" : (peak / 1e6).ToString("F0", CultureInfo.InvariantCulture)),10} {(alloc < 0 ? "-" : (alloc / 1e6).ToString("F1", CultureInfo.InvariantCulture)),9}");

                Row("ModuleZip.Create", createSeconds, createCpu);
                var (sha, shaCpu) = Best(repeat, () => TimeProcess("sha256sum", zip));
                Row("sha256sum (zip file)", sha, shaCpu);
                string? hash = null;
                var ratios = new List<string>();
                foreach (var (label, mode) in new[] { ("DirHash.HashZip", "hash"), ("DirHash.HashZip (2 threads)", "hash2") })
                {
                    ChildResult best = Best(repeat, () => RunChild(mode, zip));
                    hash ??= best.Hash;
                    if (best.Hash != hash) throw new InvalidOperationException("hashes differ between runs");
                    Row(label, best.Seconds, best.Cpu, best.PeakWorkingSet, best.Allocated);
                    ratios.Add($"{label}: {sha / best.Seconds * 100:F0}% of sha256sum's speed (wall), {shaCpu / best.Cpu * 100:F0}% per cpu second");
                }
                ChildResult unzip = Best(repeat, () =>
                {
                    var target = Path.Combine(root, "out");
                    DeleteTree(target);
                    return RunChild("unzip", zip, target);
                });
                Row("ModuleZip.Unzip", unzip.Seconds, unzip.Cpu, unzip.PeakWorkingSet, unzip.Allocated);
                if (File.Exists("/usr/bin/unzip"))
                {
                    var (uz, uzCpu) = Best(repeat, () =>
                    {
                        var target = Path.Combine(root, "out");
                        DeleteTree(target);
                        return TimeProcess("unzip", "-qd", target, zip);
                    });
                    Row("Info-ZIP unzip (reference)", uz, uzCpu);
                }
                Console.WriteLine($"{"",18}{hash}");
                foreach (var r in ratios) Console.WriteLine($"{"",18}{r}");
            }
            finally
            {
                if (!keep) DeleteTree(root);
            }
        }
        return 0;
    }

    private sealed record ChildResult(double Seconds, double Cpu, long PeakWorkingSet, long Allocated, string? Hash);

    private static (double Wall, double Cpu) Best(int repeat, Func<(double, double)> run)
        => Enumerable.Range(0, repeat).Select(_ => run()).MinBy(r => r.Item1);

    private static ChildResult Best(int repeat, Func<ChildResult> run)
        => Enumerable.Range(0, repeat).Select(_ => run()).MinBy(r => r.Seconds)!;

    /// <summary>Wall and cpu seconds of a command; bash's <c>times</c> reports the cpu its children used.</summary>
    private static (double Wall, double Cpu) TimeProcess(string file, params string[] args)
    {
        var psi = new ProcessStartInfo("bash", ["-c", "\"$0\" \"$@\" >/dev/null && times", file, .. args]) { RedirectStandardOutput = true, UseShellExecute = false };
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var wall = sw.Elapsed.TotalSeconds;
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} failed");
        // "0m0.001s 0m0.002s\n0m2.020s 0m0.068s": the second line is the children's user and system time.
        var children = output.Trim().Split('\n')[^1].Split(' ');
        return (wall, children.Sum(ParseTimes));
    }

    private static double ParseTimes(string t)
    {
        var m = t.IndexOf('m');
        return double.Parse(t[..m], CultureInfo.InvariantCulture) * 60 + double.Parse(t[(m + 1)..^1], CultureInfo.InvariantCulture);
    }

    private static ChildResult RunChild(params string[] args)
    {
        var self = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) is "dotnet") psi.ArgumentList.Add(typeof(ZipHashBenchmark).Assembly.Location);
        foreach (var a in new[] { "ziphash", "--child" }.Concat(args)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"child {string.Join(' ', args)} failed:\n{output}");
        return JsonSerializer.Deserialize<ChildResult>(output.Trim().Split('\n')[^1])!;
    }

    /// <summary>One measured operation in a fresh process: prints its time, peak working set and allocations as JSON.</summary>
    private static int Child(string[] args)
    {
        var m = new ModuleVersion(ModulePathName, Version);
        string? Operation() => args[0] switch
        {
            "hash" => DirHash.HashZip(args[1]),
            "hash2" => DirHash.HashZip(args[1], 2, default),
            "unzip" => Unzip(),
            _ => throw new ArgumentException(args[0]),
        };
        string? Unzip()
        {
            DeleteTree(args[2]);
            ModuleZip.Unzip(args[2], m, args[1]);
            return null;
        }

        // The first run compiles the code (a long-lived build process pays that once) and warms the page cache;
        // the second one is measured.
        Operation();
        using var self = Process.GetCurrentProcess();
        var cpu0 = self.TotalProcessorTime;
        var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        var hash = Operation();
        var seconds = sw.Elapsed.TotalSeconds;
        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpu0).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated0;
        Console.WriteLine(JsonSerializer.Serialize(new ChildResult(seconds, cpu, self.PeakWorkingSet64, allocated, hash)));
        return 0;
    }

    /// <summary>
    /// Writes a module of about <paramref name="total"/> bytes: 45% source-like text in 4–64 KiB files, 40% random
    /// bytes in 1–8 MiB files, 15% zeros in 1–16 MiB files, all from a fixed seed. Returns the bytes written.
    /// </summary>
    private static long Generate(string dir, long total)
    {
        var rng = new Random(20240601);
        Directory.CreateDirectory(dir);
        var goMod = $"module {ModulePathName}\n\ngo 1.21\n";
        File.WriteAllText(Path.Combine(dir, "go.mod"), goMod);
        long written = goMod.Length;
        var budget = total - written - 4096;
        string[] words = ["func", "return", "if", "err", "nil", "package", "import", "type", "struct", "interface", "for", "range",
            "var", ":=", "{", "}", "(", ")", "ctx", "context.Context", "string", "int64", "[]byte", "fmt.Errorf", "//", "\n", "\t"];

        long Fill(string kind, long share, int minSize, int maxSize)
        {
            long done = 0;
            var i = 0;
            var buffer = new byte[maxSize];
            while (done < share)
            {
                var size = (int)Math.Min(rng.Next(minSize, maxSize + 1), share - done);
                var path = Path.Combine(dir, kind, $"d{i / 50:D3}", $"f{i:D5}" + (kind == "text" ? ".go" : ".bin"));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                if (kind == "text")
                {
                    var sb = new StringBuilder(size + 32);
                    while (sb.Length < size) sb.Append(words[rng.Next(words.Length)]).Append(' ');
                    File.WriteAllBytes(path, Encoding.ASCII.GetBytes(sb.ToString(0, size)));
                }
                else
                {
                    var span = buffer.AsSpan(0, size);
                    if (kind == "random") rng.NextBytes(span);
                    else span.Clear();
                    using var f = File.Create(path);
                    f.Write(span);
                }
                done += size;
                i++;
            }
            return done;
        }

        written += Fill("text", budget * 45 / 100, 4 << 10, 64 << 10);
        written += Fill("random", budget * 40 / 100, 1 << 20, 8 << 20);
        written += Fill("zeros", budget - budget * 45 / 100 - budget * 40 / 100, 1 << 20, 16 << 20);
        return written;
    }

    private static void DeleteTree(string path)
    {
        if (!Directory.Exists(path)) return;
        Directory.Delete(path, recursive: true); // read-only files go with their writable directories on Unix
    }
}
