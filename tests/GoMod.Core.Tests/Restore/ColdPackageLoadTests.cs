using System.Collections.Concurrent;
using GoMod.Core.Restore;
using GoMod.Core.SourceStore;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Mvs;
using GoMod.Core.Zip;
using GoMod.Testing;

namespace GoMod.Core.Tests.Restore;

/// <summary>
/// A cold restore that loads packages extracts each module it looks into before reading it, as go's <c>fetch</c>
/// does: every entry of every zip is inflated once, in the single pass that hashes and writes it (the load used to hash
/// the zip and read it, and the batch then inflated it again); the load reads the extracted files, so the source facts
/// store is written by this first restore; the requests and the outcome are those of a restore through a warm cache.
/// </summary>
public sealed class ColdPackageLoadTests : IDisposable
{
    private const string Scenario = """
        -- go.mod --
        module example.com/m

        go 1.19

        require (
        	example.com/a v1.0.0
        	example.com/b v1.0.0
        	example.com/c v1.0.0
        )
        -- main.go --
        package main

        import (
        	_ "example.com/a"
        	_ "example.com/b/sub"
        )

        func main() {}
        -- example.com/a@v1.0.0 --
        go 1.19
        -- example.com/a@v1.0.0/a.go --
        package a

        import _ "example.com/c"
        -- example.com/a@v1.0.0/README --
        not Go
        -- example.com/b@v1.0.0 --
        go 1.19
        -- example.com/b@v1.0.0/b.go --
        package b
        -- example.com/b@v1.0.0/sub/sub.go --
        package sub

        import "fmt"

        var _ = fmt.Sprint
        -- example.com/c@v1.0.0 --
        go 1.19
        -- example.com/c@v1.0.0/c.go --
        package c
        -- example.com/c@v1.0.0/data/big.txt --
        data
        """;

    private readonly TempDirectory _dir = new("cold-pkgload");
    private readonly string _proxy;
    private readonly string _main;

    public ColdPackageLoadTests() => (_proxy, _main) = ProxyScenario.Parse(Scenario).Materialize(_dir.Path);

    public void Dispose() => _dir.Dispose();

    private string ModFile => Path.Combine(_main, "go.mod");

    private RestoreOptions Options(string proxy, string modCache, Func<string, Stream, Stream>? wrap = null) =>
        ProxyTreeRestore.Options(ModFile, modCache, proxy) with { Fetch = FetchSandbox.FastOptions with { EntryStreamWrapper = wrap } };

    private static List<string> Outcome(RestoreResult r, string modCache) =>
        [.. r.Diagnostics.Select(d => $"{d.Code} {d.File}:{d.Line}:{d.Column} {d.Message}"),
         .. r.Modules.Select(m => $"{m.Path}@{m.Version} {Path.GetRelativePath(modCache, m.Dir.Length == 0 ? modCache : m.Dir)} {m.Sum} {m.GoModSum}")];

    private static List<string> CacheFiles(string modCache) =>
        [.. Directory.EnumerateFileSystemEntries(modCache, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(modCache, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("cache/gomod-sdk/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_cold_restore_inflates_each_entry_of_the_modules_it_loads_once()
    {
        await using var server = ProxyTreeRestore.Serve(_proxy);
        var cache = _dir.Combine("modcache");
        var opened = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var result = ProxyTreeRestore.Run(Options(server.Url, cache, (name, s) =>
        {
            opened.AddOrUpdate(name, 1, (_, n) => n + 1);
            return s;
        }));

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        var expected = new List<string>();
        foreach (var zip in Directory.EnumerateFiles(Path.Combine(cache, "cache", "download"), "*.zip", SearchOption.AllDirectories))
        {
            using var reader = ZipReader.Open(zip);
            expected.AddRange(reader.Entries.Select(e => e.Name));
        }
        expected.Count.ShouldBe(9, "the zips of a, b and c: three entries each, go.mod included");
        opened.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal));
        foreach (var (name, n) in opened) n.ShouldBe(1, name + " inflated once in the whole restore");
        server.Paths.Count(p => p.EndsWith(".zip", StringComparison.Ordinal)).ShouldBe(3);
    }

    [Fact]
    public async Task The_cold_restore_stores_the_source_facts_and_gives_what_a_warm_one_gives()
    {
        await using var server = ProxyTreeRestore.Serve(_proxy);
        var cache = _dir.Combine("modcache");
        var cold = ProxyTreeRestore.Run(Options(server.Url, cache));
        cold.Succeeded.ShouldBeTrue(string.Join("\n", cold.Diagnostics));
        var goMod = File.ReadAllText(ModFile);
        var goSum = File.ReadAllText(Path.Combine(_main, "go.sum"));
        var coldRequests = server.Paths.Order(StringComparer.Ordinal).ToList();
        var storeFile = SourceFactsStore.DefaultFile(cache, ModFile);
        File.Exists(storeFile).ShouldBeTrue("the first restore read extracted trees, so it keeps their facts");

        // The next restore answers every dependency file from the store, offline.
        var store = SourceFactsStore.Open(storeFile);
        var warm = ProxyTreeRestore.Run(Options("off", cache) with { SourceFacts = store });
        warm.Succeeded.ShouldBeTrue(string.Join("\n", warm.Diagnostics));
        store.WasCorrupt.ShouldBeFalse();
        store.FilesRead.ShouldBeEmpty();
        store.FilesAnswered.ShouldBe(3); // a.go, b/sub/sub.go, c.go
        Outcome(warm, cache).ShouldBe(Outcome(cold, cache));
        File.ReadAllText(ModFile).ShouldBe(goMod);
        File.ReadAllText(Path.Combine(_main, "go.sum")).ShouldBe(goSum);

        // A second cold restore, with no store at all, makes the same requests and leaves the same module cache.
        var cache2 = _dir.Combine("modcache2");
        await using var server2 = ProxyTreeRestore.Serve(_proxy);
        var none = SourceFactsStore.InMemory();
        var again = ProxyTreeRestore.Run(Options(server2.Url, cache2) with { SourceFacts = none });
        Outcome(again, cache2).ShouldBe(Outcome(cold, cache));
        server2.Paths.Order(StringComparer.Ordinal).ShouldBe(coldRequests);
        CacheFiles(cache2).ShouldBe(CacheFiles(cache));
    }
}
