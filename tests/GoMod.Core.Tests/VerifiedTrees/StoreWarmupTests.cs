using GoMod.Testing;
using GoMod.Core.GraphCache;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Mvs;
using GoMod.Core.Tests.Restore;
using GoMod.Core.VerifiedTrees;

namespace GoMod.Core.Tests.VerifiedTrees;

/// <summary>
/// The stores' stamps taken ahead on another thread (<c>StoreWarmup</c>) belong to one run: a caller that keeps the
/// summary store and the tree record across runs sees a cache file changed between two runs, as fresh ones would.
/// </summary>
public sealed class StoreWarmupTests : IDisposable
{
    private readonly TempDirectory _dir = new("store-warmup");
    private readonly string _proxy;
    private readonly string _main;

    public StoreWarmupTests() => (_proxy, _main) = ProxyScenario.Parse(RetractionWarningTests.Scenario).Materialize(_dir.Path);

    public void Dispose() => _dir.Dispose();

    private string ModFile => Path.Combine(_main, "go.mod");

    private string ModCache => _dir.Combine("modcache");

    private string FileProxy => new Uri(_proxy + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');

    private RestoreResult Restore(string proxy, ModSummaryStore summaries, VerifiedTreeRecord trees) =>
        ProxyTreeRestore.Run(ProxyTreeRestore.Options(ModFile, ModCache, proxy) with { Summaries = summaries, Trees = trees });

    private string CacheFile(string path, string file) => Path.Combine(ModCache, "cache", "download", path, "@v", file);

    private void Age(RestoreResult r)
    {
        var past = DateTime.UtcNow.AddHours(-1);
        foreach (var m in r.Modules.Where(m => !m.Main))
        {
            File.SetLastWriteTimeUtc(CacheFile(m.Path, m.Version + ".ziphash"), past);
            Directory.SetLastWriteTimeUtc(Path.GetDirectoryName(CacheFile(m.Path, "x"))!, past);
            Directory.SetLastWriteTimeUtc(m.Dir, past);
        }
    }

    [Fact]
    public void Stores_kept_across_runs_stamp_each_run_anew()
    {
        var summaries = ModSummaryStore.InMemory();
        var trees = VerifiedTreeRecord.InMemory();
        var first = Restore(FileProxy, summaries, trees);
        first.Succeeded.ShouldBeTrue(string.Join("\n", first.Diagnostics));
        Age(first);
        Restore("off", summaries, trees).Succeeded.ShouldBeTrue();
        var modules = first.Modules.Count - 1;
        trees.Added.ShouldBe(modules);
        var third = Restore("off", summaries, trees);
        third.Succeeded.ShouldBeTrue();
        trees.Hits.ShouldBe(modules);

        // Between two runs: a .partial marker beside one tree.
        var partial = CacheFile("example.com/ok", "v1.0.0.partial");
        File.WriteAllBytes(partial, []);

        var fourth = Restore("off", summaries, trees);

        // The record's stamp of ok was taken in this run: the marker is seen and the tree extracted again.
        fourth.Succeeded.ShouldBeTrue(string.Join("\n", fourth.Diagnostics));
        trees.Misses.ShouldBe(1);
        File.Exists(partial).ShouldBeFalse();

        // Then one dependency go.mod changed in the cache: the store's stamp of it is this run's too.
        var mod = CacheFile("example.com/n", "v1.0.0.mod");
        File.AppendAllText(mod, "// changed\n");
        var misses = summaries.Misses;

        var fifth = Restore("off", summaries, trees);

        summaries.Misses.ShouldBeGreaterThan(misses);
        fifth.Succeeded.ShouldBeFalse();
        fifth.Diagnostics.Single(d => d.IsError).Message.ShouldContain("SECURITY ERROR");
    }
}
