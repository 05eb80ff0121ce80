using GoMod.Testing;
using GoMod.Core.GraphCache;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Mvs;

namespace GoMod.Core.Tests.Restore;

/// <summary>
/// The warm checks of the download phase do what go does and nothing more: a <c>.mod</c> the build list already
/// checked against go.sum (read, or answered by the summary store) is not opened again; a tree with a <c>.partial</c>
/// marker beside it or a torn <c>.ziphash</c> is not trusted; the modules published are the same either way.
/// </summary>
public sealed class WarmCacheCheckCountTests : IDisposable
{
    private readonly TempDirectory _dir = new("warm-count");
    private readonly string _proxy;
    private readonly string _main;

    public WarmCacheCheckCountTests() => (_proxy, _main) = ProxyScenario.Parse(RetractionWarningTests.Scenario).Materialize(_dir.Path);

    public void Dispose() => _dir.Dispose();

    private string ModFile => Path.Combine(_main, "go.mod");

    private string ModCache => _dir.Combine("modcache");

    private string FileProxy => new Uri(_proxy + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');

    /// <summary>One restore; also how many <c>.mod</c> files its module cache read.</summary>
    private (RestoreResult Result, int GoModReads) Restore(string proxy, ModSummaryStore? store)
    {
        var options = ProxyTreeRestore.Options(ModFile, ModCache, proxy) with { Summaries = store };
        var (setup, failures) = RestoreSetup.CreateAsync(options, CancellationToken.None).GetAwaiter().GetResult();
        failures.ShouldBeEmpty();
        var result = new ModuleRestorer().RestoreAsync(setup!, CancellationToken.None).GetAwaiter().GetResult();
        return (result, setup!.Cache.GoModReads);
    }

    private static List<string> Modules(RestoreResult r) => r.Modules.Select(m => $"{m.Path}@{m.Version} {m.Dir} {m.Sum} {m.GoModSum}").ToList();

    private string CacheFile(string path, string file) => Path.Combine(ModCache, "cache", "download", path, "@v", file);

    [Fact]
    public void After_a_go_mod_edit_a_warm_restore_opens_no_mod_file_and_publishes_the_same_modules()
    {
        var (first, _) = Restore(FileProxy, null);
        first.Succeeded.ShouldBeTrue(string.Join("\n", first.Diagnostics.Where(d => d.IsError)));
        File.WriteAllText(ModFile, File.ReadAllText(ModFile) + "// edited\n");

        var store = ModSummaryStore.Open(ModSummaryStore.DefaultFile(ModCache, ModFile));
        var (second, reads) = Restore("off", store);

        second.Succeeded.ShouldBeTrue(string.Join("\n", second.Diagnostics.Where(d => d.IsError)));
        store.Misses.ShouldBe(0);
        // The graph took every go.mod from the store after go.sum's check; the download step trusts that check.
        reads.ShouldBe(0);
        Modules(second).ShouldBe(Modules(first));
        second.Modules.Where(m => !m.Main).ShouldAllBe(m => m.GoModSum.StartsWith("h1:", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_store_each_mod_file_is_opened_once_in_the_whole_restore()
    {
        var (first, _) = Restore(FileProxy, null);
        first.Succeeded.ShouldBeTrue(string.Join("\n", first.Diagnostics.Where(d => d.IsError)));

        var store = ModSummaryStore.InMemory();
        var (second, reads) = Restore("off", store);

        second.Succeeded.ShouldBeTrue(string.Join("\n", second.Diagnostics.Where(d => d.IsError)));
        store.Read.Count.ShouldBeGreaterThan(0);
        reads.ShouldBe(store.Read.Distinct().Count());
        Modules(second).ShouldBe(Modules(first));
    }

    [Fact]
    public void A_partial_marker_or_a_torn_ziphash_beside_a_tree_is_not_trusted_and_is_repaired_from_the_zip()
    {
        var (first, _) = Restore(FileProxy, null);
        first.Succeeded.ShouldBeTrue(string.Join("\n", first.Diagnostics.Where(d => d.IsError)));
        var dir = first.Modules.Single(m => m.Path == "example.com/ok").Dir;
        var marker = Path.Combine(dir, "canary");
        var partial = CacheFile("example.com/ok", "v1.0.0.partial");
        File.WriteAllBytes(partial, []);
        // A file added to the read-only tree: only a fresh extraction (which the marker forces) removes it.
        MakeWritable(dir, true);
        File.WriteAllText(marker, "left over");
        MakeWritable(dir, false);
        var ziphash = CacheFile("example.com/n", "v1.0.0.ziphash");
        var hash = File.ReadAllText(ziphash);
        File.WriteAllText(ziphash, hash[..10] + new string('\0', hash.Length - 10));

        var (second, _) = Restore("off", ModSummaryStore.InMemory());

        second.Succeeded.ShouldBeTrue(string.Join("\n", second.Diagnostics.Where(d => d.IsError)));
        File.Exists(partial).ShouldBeFalse();
        File.Exists(marker).ShouldBeFalse();
        File.ReadAllText(ziphash).ShouldBe(hash);
        Modules(second).ShouldBe(Modules(first));
    }

    private static void MakeWritable(string dir, bool writable)
    {
        if (OperatingSystem.IsWindows()) return;
        var mode = File.GetUnixFileMode(dir);
        File.SetUnixFileMode(dir, writable ? mode | UnixFileMode.UserWrite : mode & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
    }
}
