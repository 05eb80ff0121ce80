using GoMod.Testing;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.ModCache;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.ModCache;

public class CacheVerifierTests
{
    private static readonly TestModule A = TestModule.Simple("example.com/a", "v1.0.0");
    private static readonly TestModule Upper = TestModule.Simple("example.com/Upper", "v1.1.0", package: "upper");
    private static readonly TestModule[] Both = [A, Upper];

    private static async Task<(FetchSandbox Box, string Main)> FilledAsync(TestProxyServer server)
    {
        var box = new FetchSandbox();
        box.Dir.Write("main/go.mod", "module example.com/main\n\ngo 1.17\n\nrequire (\n\texample.com/Upper v1.1.0\n\texample.com/a v1.0.0\n)\n");
        var sums = await GoSumChecker.LoadAsync(box.Dir.Combine("main", "go.sum"), ModMode.Mod, default);
        using var d = new ModuleDownloader(box.Env(server.Url), sums, FetchSandbox.FastOptions);
        (await d.DownloadAsync(Both.Select(m => m.ModuleVersion), DownloadParts.All)).ShouldAllBe(r => r.Error == null);
        await d.SaveGoSumAsync();
        return (box, box.Dir.Combine("main"));
    }

    private static void MakeWritable(string dir)
    {
        if (OperatingSystem.IsWindows()) return;
        foreach (var d in Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories).Append(dir))
            File.SetUnixFileMode(d, File.GetUnixFileMode(d) | UnixFileMode.UserWrite);
        foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            File.SetUnixFileMode(f, File.GetUnixFileMode(f) | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task An_intact_cache_is_all_verified()
    {
        await using var server = TestProxyServer.For(Both);
        var (box, _) = await FilledAsync(server);
        using (box)
        {
            var cache = new ModuleCache(box.ModCache);
            cache.EnumerateDownloaded().ShouldBe(Both.Select(m => m.ModuleVersion).OrderBy(m => m.Path, StringComparer.Ordinal));
            var result = await ModuleCacheVerifier.VerifyAllAsync(cache);
            result.Output.ShouldBe("all modules verified\n");
            result.Checked.ShouldBe(2);
        }
    }

    [GoFact]
    public async Task Modified_zips_dirs_and_missing_ziphashes_are_reported_like_go_mod_verify()
    {
        await using var server = TestProxyServer.For(Both);
        var (box, main) = await FilledAsync(server);
        using (box)
        {
            var cache = new ModuleCache(box.ModCache);
            // Tamper: an extra file in a's tree, a rewritten zip for Upper.
            var aDir = cache.ModuleDir(A.ModuleVersion);
            MakeWritable(aDir);
            File.WriteAllText(Path.Combine(aDir, "extra.go"), "package a\n");
            var other = Upper with { Files = new Dictionary<string, string> { ["p.go"] = "package upper\n" } };
            File.WriteAllBytes(cache.ZipPath(Upper.ModuleVersion), other.Zip());

            var go = GoOracle.Run(main, box.Dir.Path, new Dictionary<string, string?> { ["GOPROXY"] = "off" }, "mod", "verify");
            go.ExitCode.ShouldBe(1);
            var ours = await ModuleCacheVerifier.VerifyAsync(cache, [Upper.ModuleVersion, A.ModuleVersion]);
            ours.AllVerified.ShouldBeFalse();
            ours.Output.ShouldBe(go.StdErr);

            File.Delete(cache.CachePath(A.ModuleVersion, "ziphash"));
            go = GoOracle.Run(main, box.Dir.Path, new Dictionary<string, string?> { ["GOPROXY"] = "off" }, "mod", "verify");
            ours = await ModuleCacheVerifier.VerifyAsync(cache, [Upper.ModuleVersion, A.ModuleVersion]);
            ours.Output.ShouldBe(go.StdErr);
        }
    }

    [Fact]
    public async Task A_cached_go_mod_that_disagrees_with_go_sum_is_a_security_error()
    {
        await using var server = TestProxyServer.For(Both);
        var (box, main) = await FilledAsync(server);
        using (box)
        {
            var cache = new ModuleCache(box.ModCache);
            await ModuleCache.WriteAtomicAsync(cache.CachePath(A.ModuleVersion, "mod"), "module example.com/a\n\ngo 1.20\n"u8.ToArray(), default);
            var sums = await GoSumChecker.LoadAsync(Path.Combine(main, "go.sum"), ModMode.ReadOnly, default);
            var result = await ModuleCacheVerifier.VerifyAsync(cache, Both.Select(m => m.ModuleVersion), sums);
            result.Errors.ShouldHaveSingleItem().ShouldStartWith("verifying example.com/a@v1.0.0/go.mod: checksum mismatch");
        }
    }

    [Fact]
    public async Task Versions_never_downloaded_and_half_extracted_trees_are_skipped()
    {
        using var box = new FetchSandbox();
        var cache = new ModuleCache(box.ModCache);
        var result = await ModuleCacheVerifier.VerifyAsync(cache, [A.ModuleVersion]);
        result.AllVerified.ShouldBeTrue();
    }
}
