using GoMod.Core.Fetch;
using GoMod.Core.Module;
using GoMod.Core.GoEnv;
using GoMod.Core.ModGet;
using GoMod.Core.ModLoad;
using GoMod.Core.Reports;
using GoMod.Core.ModSource;
using GoMod.Core.Sum;
using GoMod.Core.Tests.Vcs.Infrastructure;
using GoMod.Testing;

namespace GoMod.Core.Tests.Vcs;

/// <summary>
/// The module cache direct mode fills is go's: go builds offline (GOPROXY=off) from the cache we filled with the
/// go.sum h1: lines we computed, we work offline from the cache go filled, and both reuse each other's git mirrors
/// under cache/vcs without cloning again.
/// </summary>
public sealed class DirectModeCacheTests(GitRepoFixture repos) : IClassFixture<GitRepoFixture>
{
    private static readonly string[] GetArgs =
    [
        "github.com/acme/lib@v1.1.0", "github.com/acme/lib/sub@v0.2.0", "github.com/acme/lib/v2@v2.0.0",
        "github.com/acme/modv2/v2@main", "github.com/acme/old@latest",
    ];

    private const string MainGo = """
        package main

        import (
        	"fmt"

        	"github.com/acme/lib"
        	"github.com/acme/lib/sub"
        	libv2 "github.com/acme/lib/v2"
        	"github.com/acme/modv2/v2"
        	"github.com/acme/old"
        )

        func main() { fmt.Println(lib.V, sub.S, libv2.V, modv2.A, old.O) }

        """;

    private static string NewMain(string dir)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "go.mod"), "module example.com/main\n\ngo 1.19\n");
        File.WriteAllText(Path.Combine(dir, "main.go"), MainGo);
        return dir;
    }

    private static Dictionary<string, string?> GoEnv(string modCache, string proxy) => new()
    {
        ["GOPROXY"] = proxy,
        ["GOSUMDB"] = "off",
        ["GOFLAGS"] = "-modcacherw -mod=mod",
        ["GOMODCACHE"] = modCache,
    };

    private ModuleDownloader OurDownloader(string home, string modCache, string proxy) =>
        new(GoEnvironment.FromVariables(new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["GOENV"] = "off",
            ["GOPATH"] = Path.Combine(home, "gopath"),
            ["GOMODCACHE"] = modCache,
            ["GOPROXY"] = proxy,
            ["GOSUMDB"] = "off",
        }), null, Fetch.Infrastructure.FetchSandbox.FastOptions);

    private static string[] VcsDirs(string modCache) =>
        Directory.Exists(Path.Combine(modCache, "cache", "vcs"))
            ? [.. Directory.GetDirectories(Path.Combine(modCache, "cache", "vcs")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!]
            : [];

    [GoFact]
    public async Task Go_builds_offline_from_our_cache_and_we_work_offline_from_gos()
    {
        using var tmp = new TempDirectory("vcscache");
        var goHome = tmp.Combine("gohome");
        var ourHome = tmp.Combine("ourhome");
        repos.WriteGitConfig(goHome);
        repos.WriteGitConfig(ourHome);
        var goCache = tmp.Combine("gocache");
        var ourCache = tmp.Combine("ourcache");

        // go fills its cache in direct mode and builds.
        var goMain = NewMain(tmp.Combine("gomain"));
        GoOracle.Run(goMain, goHome, GoEnv(goCache, "direct"), ["get", .. GetArgs]).EnsureSuccess("go get");
        GoOracle.Run(goMain, goHome, GoEnv(goCache, "direct"), "build", "-o", tmp.Combine("go.out"), ".").EnsureSuccess("go build");
        var goList = GoOracle.Run(goMain, goHome, GoEnv(goCache, "off"), "list", "-m", "all").EnsureSuccess("go list -m all").StdOut;
        var goSum = File.ReadAllText(Path.Combine(goMain, "go.sum"));

        // We fill ours in direct mode: the same requirements, the same build list.
        var ourMain = NewMain(tmp.Combine("ourmain"));
        using (var downloader = OurDownloader(ourHome, ourCache, "direct"))
        {
            var source = new DownloaderModuleSource(downloader);
            var get = await GoGet.RunAsync(ourMain, source, GetArgs);
            get.ExitCode.ShouldBe(0, get.StdErr);
            File.WriteAllText(Path.Combine(ourMain, "go.mod"), get.GoMod);
            // Our go get resolves modules, not packages, so it marks every requirement "// indirect" (see GoGet);
            // the versions must be go's.
            File.ReadAllText(Path.Combine(ourMain, "go.mod")).Replace(" // indirect", "", StringComparison.Ordinal)
                .ShouldBe(File.ReadAllText(Path.Combine(goMain, "go.mod")));
            var list = await ModuleReports.ListAsync(ourMain, source, ["all"], new ListOptions { Mvs = new LoadOptions() });
            list.StdOut.ShouldBe(goList);
            // Every go.sum line go wrote has the hash we compute for the same module version.
            foreach (var line in goSum.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var f = line.Split(' ');
                var isMod = f[1].EndsWith("/go.mod", StringComparison.Ordinal);
                var m = new ModuleVersion(f[0], isMod ? f[1][..^"/go.mod".Length] : f[1]);
                var ours = isMod ? DirHash.HashGoMod(await downloader.GoModAsync(m)) : DirHash.HashZip(await downloader.DownloadZipAsync(m));
                ours.ShouldBe(f[2], line);
                if (!isMod) await downloader.DownloadAsync(m);
            }
        }

        // go, offline, from our cache: builds and lists the same modules.
        File.Delete(Path.Combine(ourMain, "go.sum"));
        GoOracle.Run(ourMain, goHome, GoEnv(ourCache, "off"), "build", "-o", tmp.Combine("ours.out"), ".").EnsureSuccess("go build offline from our cache");
        GoOracle.Run(ourMain, goHome, GoEnv(ourCache, "off"), "list", "-m", "all").EnsureSuccess("go list offline").StdOut.ShouldBe(goList);
        File.ReadAllText(Path.Combine(ourMain, "go.sum")).ShouldBe(goSum);

        // We, offline, from go's cache.
        using (var offline = OurDownloader(ourHome, goCache, "off"))
        {
            var source = new DownloaderModuleSource(offline);
            var list = await ModuleReports.ListAsync(goMain, source, ["all"], new ListOptions { Mvs = new LoadOptions() });
            list.StdOut.ShouldBe(goList);
            foreach (var line in goList.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
            {
                var f = line.Split(' ');
                await offline.DownloadAsync(new ModuleVersion(f[0], f[1]));
            }
        }

        // Each side reuses the other's git mirrors (cache/vcs): direct-mode queries add no new mirror.
        var goMirrors = VcsDirs(goCache);
        goMirrors.ShouldNotBeEmpty();
        VcsDirs(ourCache).ShouldBe(goMirrors);
        using (var direct = OurDownloader(ourHome, goCache, "direct"))
        {
            (await direct.StatAsync("github.com/acme/lib", "feature")).Version.ShouldStartWith("v1.1.1-0.");
        }
        VcsDirs(goCache).ShouldBe(goMirrors);
        var again = NewMain(tmp.Combine("again"));
        GoOracle.Run(again, goHome, GoEnv(ourCache, "direct"), "get", "github.com/acme/lib@feature").EnsureSuccess("go get on our mirrors");
        VcsDirs(ourCache).ShouldBe(goMirrors);
    }

    /// <summary>go and we fill one module cache at the same time: each waits on the other's locks (cache/vcs included).</summary>
    [GoFact]
    public async Task Go_and_we_share_one_cache_concurrently()
    {
        using var tmp = new TempDirectory("vcsconc");
        var home = tmp.Combine("home");
        repos.WriteGitConfig(home);
        var cache = tmp.Combine("cache");
        string[] args = ["github.com/acme/lib@feature", "github.com/acme/lib/sub@v0.2.0", "github.com/acme/modv2/v2@v2.1.0", "github.com/acme/old@v3.1.0+incompatible"];
        var goMain = NewMain(tmp.Combine("gomain"));
        var go = Task.Run(() => GoOracle.Run(goMain, home, GoEnv(cache, "direct"), ["mod", "download", "-json", .. args]));
        using (var d = OurDownloader(home, cache, "direct"))
        {
            await Task.WhenAll(args.Select(async a =>
            {
                var path = a[..a.IndexOf('@')];
                var info = await d.StatAsync(path, a[(a.IndexOf('@') + 1)..]);
                await d.DownloadAsync(new ModuleVersion(path, info.Version));
            }));
        }
        var result = await go;
        result.EnsureSuccess("go mod download alongside us");
        // Afterwards the cache is whole for go, offline.
        GoOracle.Run(goMain, home, GoEnv(cache, "off"), ["mod", "download", "-json", .. args.Select(a => a.Replace("@feature", "@" + repos.LibFeature, StringComparison.Ordinal))])
            .EnsureSuccess("go mod download offline afterwards");
        VcsDirs(cache).Length.ShouldBe(3);
    }
}
