using GoMod.Testing;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.ModCache;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.Fetch;

/// <summary>
/// A proxy that resets connections, truncates bodies, answers 500/503/429 and corrupts zips at random: every module
/// either arrives intact or fails with a clear error, and the cache never holds anything corrupt.
/// </summary>
public class FaultInjectionTests
{
    private static readonly TestModule[] Modules = Enumerable.Range(0, 16)
        .Select(i => TestModule.Simple($"example.com/faulty/m{i:D2}", $"v1.{i % 3}.0")).ToArray();

    private static string GoSum()
    {
        using var dir = new TempDirectory("zs");
        return string.Concat(Modules.OrderBy(m => m.Path, StringComparer.Ordinal).Select(m =>
        {
            var zip = dir.Combine(m.Path.Replace('/', '_') + ".zip");
            File.WriteAllBytes(zip, m.Zip());
            return $"{m.Path} {m.Version} {DirHash.HashZip(zip)}\n{m.Path} {m.Version}/go.mod {DirHash.HashGoMod(m.GoModBytes)}\n";
        }));
    }

    [GoTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Downloads_through_a_faulty_proxy_succeed_or_fail_clearly_and_leave_nothing_corrupt(int seed)
    {
        await using var server = TestProxyServer.For(Modules);
        var faults = new FaultInjector(seed)
        {
            ResetRate = 0.06, TruncateRate = 0.06, ServerErrorRate = 0.06, UnavailableRate = 0.06, TooManyRequestsRate = 0.06,
            CorruptZipRate = 0.15, MaxFaults = 40,
        };
        server.Faults = faults;
        using var box = new FetchSandbox();
        box.Dir.Write("main/go.mod", "module example.com/main\n\ngo 1.17\n\nrequire (\n" + string.Concat(Modules.Select(m => $"\t{m.Path} {m.Version}\n")) + ")\n");
        var goSum = box.Dir.Write("main/go.sum", GoSum());
        var sums = await GoSumChecker.LoadAsync(goSum, ModMode.ReadOnly, default);

        IReadOnlyList<ModuleDownloadResult> results;
        using (var d = new ModuleDownloader(box.Env(server.Url), sums, FetchSandbox.FastOptions with { MaxParallelDownloads = 4 }))
            results = await d.DownloadAsync(Modules.Select(m => m.ModuleVersion), DownloadParts.All);

        faults.FaultCount.ShouldBeGreaterThan(0);
        foreach (var r in results.Where(r => r.Error is not null))
        {
            // A failure names the module and says what went wrong: a mismatch as go's SECURITY ERROR, anything else
            // with the URL and the last answer.
            r.Error!.ShouldContain(r.Module.ToString());
            (r.Exception is ChecksumMismatchException ? r.Error!.Contains("SECURITY ERROR") : r.Error!.Contains(server.Url)).ShouldBeTrue(r.Error);
        }
        var cache = new ModuleCache(box.ModCache);
        (await ModuleCacheVerifier.VerifyAllAsync(cache)).Output.ShouldBe("all modules verified\n");
        Directory.EnumerateFiles(box.ModCache, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();

        // Once the proxy behaves, everything that failed downloads and go agrees that the cache is sound.
        server.Faults = null;
        using (var d = new ModuleDownloader(box.Env(server.Url), sums, FetchSandbox.FastOptions))
            (await d.DownloadAsync(Modules.Select(m => m.ModuleVersion), DownloadParts.All)).ShouldAllBe(r => r.Error == null);
        GoOracle.Run(box.Dir.Combine("main"), box.Dir.Path, new Dictionary<string, string?> { ["GOPROXY"] = "off" }, "mod", "verify")
            .EnsureSuccess("go mod verify").StdOut.ShouldBe("all modules verified\n");
    }
}
