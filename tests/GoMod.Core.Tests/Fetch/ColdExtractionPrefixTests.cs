using GoMod.Core.Fetch;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.Fetch;

/// <summary>
/// The cold single-pass path checks go's path prefix rule on the reader it then extracts with: a zip holding a file
/// outside <c>path@version/</c> fails with go's message before anything is inflated, and leaves no zip, no temporary
/// file, no tree and no <c>.partial</c> behind, as the zip-only download does.
/// </summary>
public sealed class ColdExtractionPrefixTests
{
    private static readonly TestModule A = TestModule.Simple("example.com/a", "v1.0.0");

    [Fact]
    public async Task A_zip_with_a_file_outside_the_prefix_is_refused_before_extraction_and_leaves_nothing()
    {
        await using var server = TestProxyServer.For(A);
        server.Files["/example.com/a/@v/v1.0.0.zip"] = (A with { Path = "example.com/b" }).Zip();
        using var box = new FetchSandbox();
        var inflated = 0;
        using var d = box.Downloader(server.Url, options: FetchSandbox.FastOptions with { EntryStreamWrapper = (_, s) => { Interlocked.Increment(ref inflated); return s; } });

        var result = (await d.DownloadAsync([A.ModuleVersion], DownloadParts.Build)).Single();

        result.Exception.ShouldBeOfType<InvalidModuleZipException>();
        result.Error.ShouldBe("example.com/a@v1.0.0: zip for example.com/a@v1.0.0 has unexpected file example.com/b@v1.0.0/go.mod");
        inflated.ShouldBe(0, "nothing inflated");
        File.Exists(d.Cache.ZipPath(A.ModuleVersion)).ShouldBeFalse("no zip");
        Directory.Exists(d.Cache.ModuleDir(A.ModuleVersion)).ShouldBeFalse("no tree");
        File.Exists(d.Cache.CachePath(A.ModuleVersion, "partial")).ShouldBeFalse("no .partial");
        Directory.EnumerateFiles(box.ModCache, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty("no temporary zip");
        Directory.EnumerateDirectories(box.ModCache, "*.tmp-*", SearchOption.AllDirectories).ShouldBeEmpty("no temporary tree");
    }
}
