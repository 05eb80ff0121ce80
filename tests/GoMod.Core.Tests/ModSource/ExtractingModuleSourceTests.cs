using GoMod.Core.Fetch;
using GoMod.Core.ModCache;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Mvs;
using GoMod.Core.Tests.Restore;

namespace GoMod.Core.Tests.ModSource;

/// <summary>
/// The capability a module source declares when it can extract a module into its module cache before the loader reads
/// it (<see cref="IExtractingModuleSource"/>), over a real downloader and a loopback proxy: a module new to the cache
/// is extracted; a stored zip whose entries may not be extracted is not a failure (the loader reads the zip, the
/// restore's extraction reports it); anything else fails as the source reports it.
/// </summary>
public sealed class ExtractingModuleSourceTests : IDisposable
{
    private const string Scenario = """
        -- go.mod --
        module example.com/m

        go 1.19
        -- example.com/a@v1.0.0 --
        go 1.19
        -- example.com/a@v1.0.0/a.go --
        package a
        -- example.com/clash@v1.0.0 --
        go 1.19
        -- example.com/clash@v1.0.0/x.go --
        package clash
        -- example.com/clash@v1.0.0/X.go --
        package clash
        """;

    private readonly FetchSandbox _sandbox = new("extracting-source");
    private readonly string _proxy;

    public ExtractingModuleSourceTests() => (_proxy, _) = ProxyScenario.Parse(Scenario).Materialize(_sandbox.Dir.Combine("scenario"));

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task A_module_new_to_the_cache_is_extracted_before_it_is_read()
    {
        await using var server = ProxyTreeRestore.Serve(_proxy);
        using var downloader = _sandbox.Downloader(server.Url);
        IModuleSource source = new DownloaderModuleSource(downloader);
        var m = new ModuleVersion("example.com/a", "v1.0.0");

        var extracting = source.ShouldBeAssignableTo<IExtractingModuleSource>();
        await extracting!.ExtractBeforeReadAsync(m.Path, m.Version, CancellationToken.None);

        downloader.Cache.GetExtractedState(m).ShouldBe(ExtractedState.Complete);
        File.ReadAllText(Path.Combine(downloader.Cache.ModuleDir(m), "a.go")).ShouldBe("package a\n");
        downloader.Cache.HasZip(m).ShouldBeTrue();
    }

    [Fact]
    public async Task A_stored_zip_whose_entries_may_not_be_extracted_is_left_for_the_loader_to_read()
    {
        await using var server = ProxyTreeRestore.Serve(_proxy);
        using var downloader = _sandbox.Downloader(server.Url);
        var source = new DownloaderModuleSource(downloader);
        var m = new ModuleVersion("example.com/clash", "v1.0.0");

        await source.ExtractBeforeReadAsync(m.Path, m.Version, CancellationToken.None);

        downloader.Cache.HasZip(m).ShouldBeTrue("the zip matched go.sum and is stored");
        downloader.Cache.GetExtractedState(m).ShouldNotBe(ExtractedState.Complete);
        // Extracting it is still a failure for whoever needs the tree (the restore's batch reports it).
        var e = await Should.ThrowAsync<InvalidModuleZipException>(() => source.ExtractAsync(m.Path, m.Version, CancellationToken.None));
        e.Path.ShouldBe(m.Path);
    }

    [Fact]
    public async Task A_version_the_proxy_does_not_have_fails_as_the_source_reports_it()
    {
        await using var server = ProxyTreeRestore.Serve(_proxy);
        using var downloader = _sandbox.Downloader(server.Url);
        var source = new DownloaderModuleSource(downloader);

        var e = await Should.ThrowAsync<ModuleNotFoundException>(() => source.ExtractBeforeReadAsync("example.com/a", "v9.9.9", CancellationToken.None));
        e.Version.ShouldBe("v9.9.9");
    }

    [Fact]
    public void A_directory_in_proxy_layout_does_not_declare_extraction()
    {
        IModuleSource source = new DirectoryModuleSource(_proxy);
        source.ShouldNotBeAssignableTo<IExtractingModuleSource>();
    }
}
