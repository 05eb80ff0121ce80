using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Module;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.Fetch;

/// <summary>
/// "downloaded N" counts only the zips this process fetched and stored: a zip another downloader (another process,
/// sharing the module cache and its locks) stored while this one was busy is not counted, even when this one fetched
/// the module's go.mod from the network itself.
/// </summary>
public class DownloadCountTests
{
    private static readonly TestModule X = TestModule.Simple("example.com/x", "v1.0.0");
    private static readonly TestModule Y = TestModule.Simple("example.com/y", "v1.0.0");

    [Fact]
    public async Task A_zip_stored_by_another_downloader_is_not_counted_as_downloaded()
    {
        await using var server = TestProxyServer.For(X, Y);
        using var box = new FetchSandbox();
        using var mine = box.Downloader(server.Url);
        using var other = box.Downloader(server.Url);
        await mine.GoModAsync(X.ModuleVersion); // this downloader used the network for x
        await other.DownloadZipAsync(X.ModuleVersion); // and the other one stored x's zip

        var results = await mine.DownloadAsync([X.ModuleVersion, Y.ModuleVersion], DownloadParts.Build);
        results.ShouldAllBe(r => r.Error == null);
        results[0].FromCache.ShouldBeFalse("the .mod came from the network");
        results[0].Downloaded.ShouldBeFalse("the zip was stored by the other downloader");
        results[1].Downloaded.ShouldBeTrue();
        mine.StoredZip(X.ModuleVersion).ShouldBeFalse();
        other.StoredZip(X.ModuleVersion).ShouldBeTrue();
    }

    [Fact]
    public async Task A_restore_counts_only_what_it_downloaded_when_another_process_fetches_concurrently()
    {
        await using var server = TestProxyServer.For(X, Y);
        using var box = new FetchSandbox();
        using var other = box.Downloader(server.Url);
        var raced = 0;
        // While the restore loads the graph (x's go.mod), "another process" downloads x's zip into the same cache.
        server.Handler = r =>
        {
            if (r.Path == "/example.com/x/@v/v1.0.0.mod" && Interlocked.Exchange(ref raced, 1) == 0)
                Task.Run(() => other.DownloadZipAsync(X.ModuleVersion)).GetAwaiter().GetResult();
            return null;
        };
        var main = box.Dir.Write("main/go.mod", "module example.com/main\n\ngo 1.17\n\nrequire (\n\texample.com/x v1.0.0\n\texample.com/y v1.0.0\n)\n");
        var result = await new ModuleRestorer().RestoreAsync(new RestoreOptions
        {
            ModFile = main,
            ModMode = "mod",
            Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = box.ModCache, ["GOPROXY"] = server.Url, ["GOSUMDB"] = "off", ["GOFLAGS"] = "" },
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : name == "HOME" ? box.Dir.Path : null,
            Fetch = FetchSandbox.FastOptions,
        }, CancellationToken.None);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        raced.ShouldBe(1);
        server.Paths.Count(p => p == "/example.com/x/@v/v1.0.0.zip").ShouldBe(1, "only the other downloader fetched x's zip");
        result.Downloaded.ShouldBe(1);
        result.Modules.Single(m => m.Path == "example.com/x").Dir.ShouldNotBeNullOrEmpty();
    }
}
