using System.Diagnostics;
using GoMod.Testing;
using GoMod.Core.ModCache;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.Fetch;

/// <summary>Several processes share one module cache (and one go.sum), and a killed download never poisons it.</summary>
public class MultiProcessTests
{
    private static TestModule Bulky(int i, int kb) => new($"example.com/bulk/m{i}", "v1.0.0", new Dictionary<string, string>
    {
        ["p.go"] = $"package m{i}\n\nconst Version = \"v1.0.0\"\n",
        // Incompressible text, so the zip really is about this big on the wire.
        ["data.txt"] = Convert.ToBase64String(RandomBytes(i, kb * 768)),
    }, $"module example.com/bulk/m{i}\n\ngo 1.17\n");

    private static byte[] RandomBytes(int seed, int n)
    {
        var b = new byte[n];
        new Random(seed).NextBytes(b);
        return b;
    }

    private static void WriteMain(FetchSandbox box, IEnumerable<TestModule> modules) =>
        box.Dir.Write("main/go.mod", "module example.com/main\n\ngo 1.17\n\nrequire (\n" + string.Concat(modules.Select(m => $"\t{m.Path} {m.Version}\n")) + ")\n");

    /// <summary>
    /// No extraction marker and no half-downloaded zip is left. (A killed process may leave a <c>.info</c> or
    /// <c>.mod</c> temporary file, as go does: nobody reads those, and only their final names count.)
    /// </summary>
    private static void AssertNothingHalfDone(string modCache)
    {
        Directory.EnumerateFiles(modCache, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".partial", StringComparison.Ordinal) || (f.EndsWith(".tmp", StringComparison.Ordinal) && f.Contains(".zip", StringComparison.Ordinal)))
            .ShouldBeEmpty();
        Directory.EnumerateDirectories(modCache, "*.tmp-*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [GoFact]
    public async Task Eight_processes_sharing_one_cache_and_go_sum_all_succeed_and_each_zip_is_fetched_once()
    {
        var modules = Enumerable.Range(0, 12).Select(i => Bulky(i, 8)).ToArray();
        await using var server = TestProxyServer.For(modules);
        using var box = new FetchSandbox();
        WriteMain(box, modules);
        var goSum = box.Dir.Combine("main", "go.sum");
        var children = Enumerable.Range(0, 8)
            .Select(i => FetchChild.Start(server.Url, box.ModCache, goSum, i % 2 == 0 ? modules : modules.Reverse(), "--parallel", "4"))
            .ToList();
        foreach (var c in children)
        {
            (await Task.Run(() => c.WaitForExit(120_000))).ShouldBeTrue("a fetch process hung");
            c.ExitCode.ShouldBe(0);
            c.Dispose();
        }

        server.Paths.Count(p => p.EndsWith(".zip", StringComparison.Ordinal)).ShouldBe(modules.Length);
        File.ReadAllLines(goSum).Length.ShouldBe(2 * modules.Length);
        AssertNothingHalfDone(box.ModCache);
        (await ModuleCacheVerifier.VerifyAllAsync(new ModuleCache(box.ModCache))).Output.ShouldBe("all modules verified\n");
        GoOracle.Run(box.Dir.Combine("main"), box.Dir.Path, new Dictionary<string, string?> { ["GOPROXY"] = "off" }, "mod", "verify")
            .EnsureSuccess("go mod verify").StdOut.ShouldBe("all modules verified\n");
    }

    [GoFact]
    public async Task A_download_killed_at_any_point_leaves_nothing_a_later_run_trusts()
    {
        var modules = Enumerable.Range(0, 8).Select(i => Bulky(i, 96)).ToArray();
        await using var server = TestProxyServer.For(modules);
        server.ThrottleChunk = 8 * 1024;
        server.ThrottleDelay = TimeSpan.FromMilliseconds(5);
        using var box = new FetchSandbox();
        WriteMain(box, modules);
        var goSum = box.Dir.Combine("main", "go.sum");

        // Kill the process at different moments: before, during and after zip transfers and extraction.
        var kills = 0;
        foreach (var zipsSeen in new[] { 1, 2, 1, 3, 2 })
        {
            var before = server.Paths.Count(p => p.EndsWith(".zip", StringComparison.Ordinal));
            using var child = FetchChild.Start(server.Url, box.ModCache, goSum, modules, "--parallel", "2");
            var clock = Stopwatch.StartNew();
            while (server.Paths.Count(p => p.EndsWith(".zip", StringComparison.Ordinal)) - before < zipsSeen && !child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
                await Task.Delay(5);
            await Task.Delay(zipsSeen * 37 % 120);
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
                kills++;
            }
            child.WaitForExit();
        }
        kills.ShouldBeGreaterThan(2, "the downloads finished before they could be killed");

        server.ThrottleChunk = 0;
        var final = FetchChild.Run(server.Url, box.ModCache, goSum, modules, "--verify");
        final.EnsureSuccess("fetch after kills");
        final.StdOut.ShouldContain("verify: all modules verified");
        AssertNothingHalfDone(box.ModCache);
        GoOracle.Run(box.Dir.Combine("main"), box.Dir.Path, new Dictionary<string, string?> { ["GOPROXY"] = "off" }, "mod", "verify")
            .EnsureSuccess("go mod verify").StdOut.ShouldBe("all modules verified\n");
        GoOracle.Run(box.Dir.Combine("main"), box.Dir.Path, new Dictionary<string, string?> { ["GOPROXY"] = "off" }, "list", "-m", "all")
            .EnsureSuccess("go list -m all");
    }
}
