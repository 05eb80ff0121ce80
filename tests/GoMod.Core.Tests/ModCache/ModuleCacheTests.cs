using System.Text;
using GoMod.Core.Fetch;
using GoMod.Core.ModCache;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.ModCache;

public class ModuleCacheTests
{
    private static readonly TestModule A = TestModule.Simple("example.com/a", "v1.0.0");
    private static readonly TestModule A2 = TestModule.Simple("example.com/a", "v1.2.0");
    private static readonly TestModule A10 = TestModule.Simple("example.com/a", "v1.10.0");

    [Fact]
    public async Task A_download_leaves_gos_layout_and_nothing_temporary()
    {
        await using var server = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url);
        var r = (await d.DownloadAsync([A.ModuleVersion], DownloadParts.All))[0];
        r.Error.ShouldBeNull();
        var v = Path.Combine(box.ModCache, "cache", "download", "example.com", "a", "@v");
        Directory.EnumerateFiles(v).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["list", "v1.0.0.info", "v1.0.0.lock", "v1.0.0.mod", "v1.0.0.zip", "v1.0.0.ziphash"]);
        File.ReadAllText(Path.Combine(v, "list")).ShouldBe("v1.0.0\n");
        File.ReadAllBytes(Path.Combine(v, "v1.0.0.mod")).ShouldBe(A.GoModBytes);
        File.ReadAllText(Path.Combine(v, "v1.0.0.ziphash")).ShouldBe(DirHash.HashZip(Path.Combine(v, "v1.0.0.zip")));
        r.Sum.ShouldBe(File.ReadAllText(Path.Combine(v, "v1.0.0.ziphash")));
        r.GoModSum.ShouldBe(DirHash.HashGoMod(A.GoModBytes));
        r.Dir.ShouldBe(Path.Combine(box.ModCache, "example.com", "a@v1.0.0"));
        File.ReadAllText(Path.Combine(r.Dir!, "p.go")).ShouldBe(A.Files["p.go"]);
        Directory.EnumerateFiles(box.ModCache, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".tmp") || f.EndsWith(".partial")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Extracted_trees_are_read_only_unless_modcacherw()
    {
        if (OperatingSystem.IsWindows()) return;
        await using var server = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        using (var d = box.Downloader(server.Url))
        {
            var dir = await d.DownloadAsync(A.ModuleVersion);
            (File.GetUnixFileMode(dir) & UnixFileMode.UserWrite).ShouldBe((UnixFileMode)0);
            (File.GetUnixFileMode(Path.Combine(dir, "p.go")) & UnixFileMode.UserWrite).ShouldBe((UnixFileMode)0);
        }
        using var box2 = new FetchSandbox();
        using var rw = box2.Downloader(server.Url, goFlags: "-modcacherw");
        var dir2 = await rw.DownloadAsync(A.ModuleVersion);
        (File.GetUnixFileMode(dir2) & UnixFileMode.UserWrite).ShouldBe(UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task The_version_list_holds_every_cached_go_mod_in_semver_order()
    {
        await using var server = TestProxyServer.For(A10, A, A2);
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url);
        foreach (var m in new[] { A10, A, A2 }) await d.GoModAsync(m.ModuleVersion);
        File.ReadAllText(Path.Combine(d.Cache.VersionDir("example.com/a"), "list")).ShouldBe("v1.0.0\nv1.2.0\nv1.10.0\n");
    }

    [Fact]
    public async Task A_warm_cache_needs_no_network_at_all()
    {
        await using var server = TestProxyServer.For(A, A2);
        using var box = new FetchSandbox();
        using (var cold = box.Downloader(server.Url))
            (await cold.DownloadAsync([A.ModuleVersion, A2.ModuleVersion], DownloadParts.All)).ShouldAllBe(r => r.Error == null && !r.FromCache);
        var before = server.RequestCount;
        using (var warm = box.Downloader(server.Url))
            (await warm.DownloadAsync([A.ModuleVersion, A2.ModuleVersion], DownloadParts.All)).ShouldAllBe(r => r.Error == null && r.FromCache);
        using (var offline = box.Downloader("off"))
            (await offline.DownloadAsync([A.ModuleVersion, A2.ModuleVersion], DownloadParts.All)).ShouldAllBe(r => r.Error == null);
        using (var badProxy = box.Downloader("not a proxy"))
            (await badProxy.DownloadAsync([A.ModuleVersion], DownloadParts.All)).ShouldAllBe(r => r.Error == null);
        server.RequestCount.ShouldBe(before);
    }

    [Fact]
    public async Task The_same_module_is_fetched_once_however_often_it_is_asked_for()
    {
        await using var server = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => d.DownloadAsync(A.ModuleVersion)));
        await d.DownloadAsync([A.ModuleVersion, A.ModuleVersion], DownloadParts.All);
        server.Paths.Count(p => p.EndsWith(".zip")).ShouldBe(1);
        server.Paths.Count(p => p.EndsWith(".mod")).ShouldBe(1);
    }

    [Fact]
    public async Task A_tree_marked_partial_is_extracted_again()
    {
        await using var server = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        using (var d = box.Downloader(server.Url, goFlags: "-modcacherw"))
            await d.DownloadAsync(A.ModuleVersion);
        var cache = new ModuleCache(box.ModCache);
        var dir = cache.ModuleDir(A.ModuleVersion);
        File.Delete(Path.Combine(dir, "p.go"));
        File.WriteAllText(Path.Combine(dir, "junk.go"), "package junk\n");
        File.WriteAllBytes(cache.CachePath(A.ModuleVersion, "partial"), []);
        cache.GetExtractedState(A.ModuleVersion).ShouldBe(ExtractedState.Partial);
        var requests = server.RequestCount;
        using (var d = box.Downloader(server.Url))
            await d.DownloadAsync(A.ModuleVersion);
        File.Exists(Path.Combine(dir, "p.go")).ShouldBeTrue();
        File.Exists(Path.Combine(dir, "junk.go")).ShouldBeFalse();
        File.Exists(cache.CachePath(A.ModuleVersion, "partial")).ShouldBeFalse();
        server.RequestCount.ShouldBe(requests);
    }

    [Fact]
    public async Task A_torn_or_missing_ziphash_is_rebuilt_from_the_zip_without_downloading()
    {
        await using var server = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        using (var d = box.Downloader(server.Url))
            await d.DownloadZipAsync(A.ModuleVersion);
        var cache = new ModuleCache(box.ModCache);
        var ziphash = cache.CachePath(A.ModuleVersion, "ziphash");
        var good = File.ReadAllText(ziphash);
        File.WriteAllBytes(ziphash, new byte[47]);
        using (var d = box.Downloader(server.Url))
            await d.DownloadZipAsync(A.ModuleVersion);
        File.ReadAllText(ziphash).ShouldBe(good);
        File.Delete(ziphash);
        using (var d = box.Downloader(server.Url))
            await d.DownloadZipAsync(A.ModuleVersion);
        File.ReadAllText(ziphash).ShouldBe(good);
        server.Paths.Count(p => p.EndsWith(".zip")).ShouldBe(1);
    }

    [Fact]
    public async Task A_ziphash_without_its_zip_means_the_zip_is_downloaded_again()
    {
        await using var server = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        using (var d = box.Downloader(server.Url))
            await d.DownloadZipAsync(A.ModuleVersion);
        var cache = new ModuleCache(box.ModCache);
        File.Delete(cache.ZipPath(A.ModuleVersion));
        cache.GetExtractedState(A.ModuleVersion).ShouldBe(ExtractedState.Missing);
        using (var d = box.Downloader(server.Url))
            await d.DownloadAsync(A.ModuleVersion);
        server.Paths.Count(p => p.EndsWith(".zip")).ShouldBe(2);
    }

    [Fact]
    public async Task Stale_temporary_files_are_removed_under_the_lock()
    {
        await using var server = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        var cache = new ModuleCache(box.ModCache);
        var zip = cache.ZipPath(A.ModuleVersion);
        Directory.CreateDirectory(Path.GetDirectoryName(zip)!);
        File.WriteAllText(zip + "12345.tmp", "half a zip");
        using var d = box.Downloader(server.Url);
        await d.DownloadZipAsync(A.ModuleVersion);
        File.Exists(zip + "12345.tmp").ShouldBeFalse();
    }

    [Fact]
    public async Task Zips_with_files_outside_the_module_prefix_are_rejected_and_not_kept()
    {
        var evil = A with { Path = "example.com/a" };
        await using var server = TestProxyServer.For(A);
        server.Files["/example.com/a/@v/v1.0.0.zip"] = (A with { Path = "example.com/b" }).Zip();
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url);
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.DownloadZipAsync(evil.ModuleVersion));
        e.Message.ShouldBe("example.com/a@v1.0.0: zip for example.com/a@v1.0.0 has unexpected file example.com/b@v1.0.0/go.mod");
        File.Exists(d.Cache.ZipPath(A.ModuleVersion)).ShouldBeFalse();
        Directory.EnumerateFiles(box.ModCache, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("v1.0", "non-canonical module version \"v1.0\"")]
    [InlineData("master", "non-semver module version \"master\"")]
    public void Only_canonical_versions_have_cache_paths(string version, string message)
    {
        using var box = new FetchSandbox();
        var cache = new ModuleCache(box.ModCache);
        Should.Throw<ModuleFetchException>(() => cache.CachePath(new ModuleVersion("example.com/a", version), "zip"))
            .Message.ShouldBe($"example.com/a@{version}: {message}");
    }

    [Fact]
    public async Task A_cached_go_mod_from_old_vgo_is_ignored_and_fetched_again()
    {
        await using var server = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        var cache = new ModuleCache(box.ModCache);
        await ModuleCache.WriteAtomicAsync(cache.CachePath(A.ModuleVersion, "mod"), Encoding.UTF8.GetBytes("//vgo 0.0.4\n\nmodule example.com/a\n"), default);
        using var d = box.Downloader(server.Url);
        (await d.GoModAsync(A.ModuleVersion)).ShouldBe(A.GoModBytes);
        server.RequestCount.ShouldBe(1);
    }
}
