using GoMod.Testing;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.ModCache;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.Fetch;

/// <summary>The module cache and go.sum we write are interchangeable with the go command's, and vice versa.</summary>
public class GoInteropTests
{
    private static readonly TestModule A = TestModule.Simple("example.com/a", "v1.0.0");
    private static readonly TestModule Upper = TestModule.Simple("example.com/Upper", "v1.1.0-RC1", package: "upper");
    private static readonly TestModule[] Both = [A, Upper];

    private const string MainGoMod = "module example.com/main\n\ngo 1.17\n\nrequire (\n\texample.com/Upper v1.1.0-RC1\n\texample.com/a v1.0.0\n)\n";

    private const string MainGo = """
        package main

        import (
        	"fmt"

        	upper "example.com/Upper"
        	"example.com/a"
        )

        func main() { fmt.Println(a.Version, upper.Version) }
        """;

    private static string WriteMain(FetchSandbox box, string name = "main")
    {
        box.Dir.Write(name + "/go.mod", MainGoMod);
        box.Dir.Write(name + "/main.go", MainGo);
        return box.Dir.Combine(name);
    }

    private static Dictionary<string, string?> Offline => new() { ["GOPROXY"] = "off", ["GOFLAGS"] = "-mod=mod" };

    [GoFact]
    public async Task Go_builds_offline_and_verifies_a_cache_we_filled()
    {
        await using var server = TestProxyServer.For(Both);
        using var box = new FetchSandbox();
        var main = WriteMain(box);
        var sums = await GoSumChecker.LoadAsync(Path.Combine(main, "go.sum"), ModMode.Mod, default);
        using (var d = new ModuleDownloader(box.Env(server.Url), sums, FetchSandbox.FastOptions))
        {
            var results = await d.DownloadAsync(Both.Select(m => m.ModuleVersion), DownloadParts.Build);
            results.ShouldAllBe(r => r.Error == null);
            await d.SaveGoSumAsync();
        }

        GoOracle.Run(main, box.Dir.Path, Offline, "list", "-m", "all").EnsureSuccess("go list -m all")
            .StdOut.ShouldBe("example.com/main\nexample.com/Upper v1.1.0-RC1\nexample.com/a v1.0.0\n");
        GoOracle.Run(main, box.Dir.Path, Offline, "build", "-o", "app", ".").EnsureSuccess("go build");
        ProcessRunner.Run(Path.Combine(main, "app"), [], main).EnsureSuccess("app").StdOut.ShouldBe("v1.0.0 v1.1.0-RC1\n");
        GoOracle.Run(main, box.Dir.Path, new Dictionary<string, string?> { ["GOPROXY"] = "off" }, "mod", "verify")
            .EnsureSuccess("go mod verify").StdOut.ShouldBe("all modules verified\n");
    }

    [GoFact]
    public async Task We_use_a_cache_go_filled_without_any_request()
    {
        using var box = new FetchSandbox();
        var proxy = ProxyContent.WriteTree(box.Dir.Combine("proxy"), Both);
        var main = WriteMain(box);
        GoOracle.Run(main, box.Dir.Path, new Dictionary<string, string?> { ["GOPROXY"] = proxy }, "mod", "download", "example.com/a", "example.com/Upper")
            .EnsureSuccess("go mod download");

        await using var server = new TestProxyServer();
        var sums = await GoSumChecker.LoadAsync(Path.Combine(main, "go.sum"), ModMode.ReadOnly, default);
        using var d = new ModuleDownloader(box.Env(server.Url), sums, FetchSandbox.FastOptions);
        var results = await d.DownloadAsync(Both.Select(m => m.ModuleVersion), DownloadParts.All);
        results.ShouldAllBe(r => r.Error == null && r.FromCache);
        server.RequestCount.ShouldBe(0);
        results[1].Dir.ShouldBe(Path.Combine(box.ModCache, "example.com", "!upper@v1.1.0-!r!c1"));
    }

    [GoFact]
    public async Task The_go_sum_we_write_is_byte_identical_to_the_one_go_mod_download_writes()
    {
        using var box = new FetchSandbox();
        var proxy = ProxyContent.WriteTree(box.Dir.Combine("proxy"), Both);
        var goMain = WriteMain(box, "go-main");
        GoOracle.Run(goMain, box.Dir.Path, new Dictionary<string, string?> { ["GOPROXY"] = proxy, ["GOMODCACHE"] = box.Dir.Combine("go-cache") },
            "mod", "download", "example.com/a", "example.com/Upper").EnsureSuccess("go mod download");

        var ourMain = WriteMain(box, "our-main");
        var sums = await GoSumChecker.LoadAsync(Path.Combine(ourMain, "go.sum"), ModMode.Mod, default);
        using (var d = new ModuleDownloader(box.Env(proxy), sums, FetchSandbox.FastOptions))
        {
            (await d.DownloadAsync(Both.Select(m => m.ModuleVersion), DownloadParts.All)).ShouldAllBe(r => r.Error == null);
            await d.SaveGoSumAsync();
        }
        File.ReadAllBytes(Path.Combine(ourMain, "go.sum")).ShouldBe(File.ReadAllBytes(Path.Combine(goMain, "go.sum")));
    }

    [GoFact]
    public async Task Our_cache_files_are_byte_identical_to_gos()
    {
        using var box = new FetchSandbox();
        var proxyDir = box.Dir.Combine("proxy");
        var proxy = ProxyContent.WriteTree(proxyDir, Both);
        // A proxy's .info may be in any JSON form; both clients store go's canonical form.
        File.WriteAllText(Path.Combine(proxyDir, "example.com", "a", "@v", "v1.0.0.info"),
            "{\n  \"Time\": \"2023-04-05T06:07:08.120+00:00\",\n  \"Version\": \"v1.0.0\",\n  \"Name\": \"abc\"\n}\n");
        var goCache = box.Dir.Combine("go-cache");
        var main = WriteMain(box);
        GoOracle.Run(main, box.Dir.Path, new Dictionary<string, string?> { ["GOPROXY"] = proxy, ["GOMODCACHE"] = goCache, ["GOFLAGS"] = "" },
            "mod", "download", "example.com/a", "example.com/Upper").EnsureSuccess("go mod download");
        using (var d = new ModuleDownloader(box.Env(proxy), null, FetchSandbox.FastOptions))
            (await d.DownloadAsync(Both.Select(m => m.ModuleVersion), DownloadParts.All)).ShouldAllBe(r => r.Error == null);

        var goFiles = Snapshot(goCache);
        var ourFiles = Snapshot(box.ModCache);
        ourFiles.Keys.ShouldBe(goFiles.Keys);
        foreach (var (name, (content, mode)) in goFiles)
        {
            ourFiles[name].Content.ShouldBe(content, name);
            ourFiles[name].Mode.ShouldBe(mode, name);
        }
    }

    /// <summary>Every file (content and permission bits) and directory (permission bits) below a cache.</summary>
    private static SortedDictionary<string, (byte[] Content, UnixFileMode Mode)> Snapshot(string root)
    {
        var result = new SortedDictionary<string, (byte[], UnixFileMode)>(StringComparer.Ordinal);
        if (OperatingSystem.IsWindows()) return result;
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(root, entry.FullName);
            if (rel.StartsWith("cache" + Path.DirectorySeparatorChar + "download", StringComparison.Ordinal) && entry is DirectoryInfo) continue;
            // go takes the side lock only to write go.sum, which this comparison does not do.
            if (rel == Path.Combine("cache", "lock")) continue;
            result[rel] = (entry is FileInfo f ? File.ReadAllBytes(f.FullName) : [], entry.UnixFileMode);
        }
        return result;
    }

    [GoFact]
    public async Task Go_waits_for_our_version_lock_so_the_locks_are_compatible()
    {
        using var box = new FetchSandbox();
        var proxy = ProxyContent.WriteTree(box.Dir.Combine("proxy"), [A]);
        var main = WriteMain(box);
        var cache = new ModuleCache(box.ModCache);
        var held = await cache.LockVersionAsync(A.ModuleVersion, default);
        var go = Task.Run(() => GoOracle.Run(main, box.Dir.Path, new Dictionary<string, string?> { ["GOPROXY"] = proxy }, "mod", "download", "example.com/a"));
        await Task.Delay(1500);
        go.IsCompleted.ShouldBeFalse("go did not wait for the flock we hold on v1.0.0.lock");
        File.Exists(cache.ZipPath(A.ModuleVersion)).ShouldBeFalse();
        held.Dispose();
        (await go).EnsureSuccess("go mod download");
        File.Exists(cache.ZipPath(A.ModuleVersion)).ShouldBeTrue();
    }

    [GoFact]
    public async Task We_wait_for_gos_version_lock_and_use_the_zip_go_downloaded()
    {
        var big = new TestModule("example.com/big", "v1.0.0", new Dictionary<string, string>
        {
            ["big.go"] = "package big\n",
            ["data.txt"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(96 * 1024)),
        });
        await using var server = TestProxyServer.For(big);
        server.ThrottleChunk = 4096;
        server.ThrottleDelay = TimeSpan.FromMilliseconds(20);
        using var box = new FetchSandbox();
        box.Dir.Write("empty/go.mod", "module example.com/empty\n\ngo 1.17\n");
        var go = Task.Run(() => GoOracle.Run(box.Dir.Combine("empty"), box.Dir.Path, new Dictionary<string, string?> { ["GOPROXY"] = server.Url },
            "mod", "download", "example.com/big@v1.0.0"));
        while (!server.Paths.Any(p => p.EndsWith(".zip", StringComparison.Ordinal)) && !go.IsCompleted) await Task.Delay(10);
        using (var d = new ModuleDownloader(box.Env(server.Url), null, FetchSandbox.FastOptions))
            await d.DownloadAsync(big.ModuleVersion);
        (await go).EnsureSuccess("go mod download");
        server.Paths.Count(p => p.EndsWith(".zip", StringComparison.Ordinal)).ShouldBe(1);
    }

    [GoFact]
    public async Task Proxy_errors_read_exactly_like_gos()
    {
        await using var server = new TestProxyServer
        {
            Handler = r => r.Path.Contains("/a/")
                ? TestResponse.Text(404, "not found: example.com/a@v1.0.0: no such tag\nsecond line\n\nhidden")
                : TestResponse.Text(500, "boom"),
        };
        using var box = new FetchSandbox();
        box.Dir.Write("empty/go.mod", "module example.com/empty\n\ngo 1.17\n");
        foreach (var m in new[] { A, Upper })
        {
            var go = GoOracle.Run(box.Dir.Combine("empty"), box.Dir.Path, new Dictionary<string, string?> { ["GOPROXY"] = server.Url },
                "mod", "download", m.ToString());
            go.ExitCode.ShouldBe(1);
            using var d = new ModuleDownloader(box.Env(server.Url), null, FetchSandbox.NoRetry);
            var e = await Should.ThrowAsync<ModuleFetchException>(() => d.StatAsync(m.ModuleVersion));
            ("go: " + e.Message + "\n").ShouldBe(go.StdErr);
        }
    }

    [GoTheory]
    [InlineData(404, ',')]
    [InlineData(410, ',')]
    [InlineData(500, ',')]
    [InlineData(500, '|')]
    [InlineData(403, '|')]
    public async Task Go_and_we_walk_the_proxy_list_the_same_way(int status, char separator)
    {
        await using var first = new TestProxyServer { Handler = _ => TestResponse.Text(status, "no") };
        await using var second = TestProxyServer.For(A);
        var goproxy = first.Url + separator + second.Url;
        using var box = new FetchSandbox();
        box.Dir.Write("empty/go.mod", "module example.com/empty\n\ngo 1.17\n");
        var go = GoOracle.Run(box.Dir.Combine("empty"), box.Dir.Path, new Dictionary<string, string?> { ["GOPROXY"] = goproxy, ["GOMODCACHE"] = box.Dir.Combine("go-cache") },
            "mod", "download", "example.com/a@v1.0.0");
        var goFirst = first.Paths.ToList();
        var goSecond = second.Paths.ToList();

        await using var first2 = new TestProxyServer { Handler = _ => TestResponse.Text(status, "no") };
        await using var second2 = TestProxyServer.For(A);
        using var d = new ModuleDownloader(box.Env(first2.Url + separator + second2.Url), null, FetchSandbox.NoRetry);
        var r = (await d.DownloadAsync([A.ModuleVersion], DownloadParts.All))[0];
        (r.Error is null).ShouldBe(go.ExitCode == 0, go.StdErr);
        first2.Paths.ShouldBe(goFirst);
        second2.Paths.ShouldBe(goSecond);
    }
}
