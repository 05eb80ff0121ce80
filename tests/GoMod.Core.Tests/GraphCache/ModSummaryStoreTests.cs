using GoMod.Testing;
using GoMod.Core.GraphCache;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Mvs;
using GoMod.Core.Tests.Restore;

namespace GoMod.Core.Tests.GraphCache;

/// <summary>
/// The store of parsed dependency go.mod summaries (<see cref="ModSummaryStore"/>): a second restore after a go.mod
/// edit reads no dependency go.mod again, and nothing in the store is trusted beyond what a read would have given —
/// a damaged store file is ignored and rewritten, a changed cache file is read again (with go's SECURITY ERROR when it
/// no longer matches go.sum), and a directory replacement's go.mod is always read.
/// </summary>
public sealed class ModSummaryStoreTests : IDisposable
{
    // a is unpruned (go 1.16), so b and c are read below it; d is pruned; local is a directory replacement.
    private const string Scenario = """
        -- go.mod --
        module example.com/m

        go 1.19

        require (
        	example.com/a v1.0.0
        	example.com/b v1.1.0
        	example.com/c v1.1.0
        	example.com/d v1.0.0
        	example.com/local v0.0.0
        )

        replace example.com/local => ./local
        -- main.go --
        package main

        import (
        	_ "example.com/a"
        	_ "example.com/b"
        	_ "example.com/c"
        	_ "example.com/d"
        	_ "example.com/local"
        )

        func main() {}
        -- example.com/a@v1.0.0 --
        go 1.16

        require example.com/b v1.1.0
        -- example.com/a@v1.0.0/a.go --
        package a
        -- example.com/b@v1.0.0 --
        go 1.16
        -- example.com/b@v1.0.0/b.go --
        package b
        -- example.com/b@v1.1.0 --
        go 1.16

        require example.com/c v1.1.0
        -- example.com/b@v1.1.0/b.go --
        package b
        -- example.com/c@v1.0.0 --
        go 1.19
        -- example.com/c@v1.0.0/c.go --
        package c
        -- example.com/c@v1.1.0 --
        go 1.19
        -- example.com/c@v1.1.0/c.go --
        package c
        -- example.com/d@v1.0.0 --
        go 1.19

        require example.com/c v1.0.0
        -- example.com/d@v1.0.0/d.go --
        package d
        """;

    private readonly TempDirectory _dir = new("modsum-store");
    private readonly string _proxy;
    private readonly string _main;

    public ModSummaryStoreTests()
    {
        (_proxy, _main) = ProxyScenario.Parse(Scenario).Materialize(_dir.Path);
        Directory.CreateDirectory(Path.Combine(_main, "local"));
        File.WriteAllText(Path.Combine(_main, "local", "go.mod"), "module example.com/local\n\ngo 1.19\n");
        File.WriteAllText(Path.Combine(_main, "local", "local.go"), "package local\n");
    }

    public void Dispose() => _dir.Dispose();

    private string ModFile => Path.Combine(_main, "go.mod");

    private string ModCache => _dir.Combine("modcache");

    private string StoreFile => ModSummaryStore.DefaultFile(ModCache, ModFile);

    private TestProxyServer Server() => ProxyTreeRestore.Serve(_proxy);

    private RestoreResult Restore(string proxy, ModSummaryStore? store) =>
        ProxyTreeRestore.Run(ProxyTreeRestore.Options(ModFile, ModCache, proxy) with { Summaries = store });

    private static List<string> Modules(RestoreResult r) => r.Modules.Select(m => $"{m.Path}@{m.Version} {m.Dir} {m.Sum} {m.GoModSum} {m.Replace}").ToList();

    private string CachedMod(string path, string version) => Path.Combine(ModCache, "cache", "download", path, "@v", version + ".mod");

    [Fact]
    public async Task A_restore_after_a_go_mod_edit_reads_no_dependency_go_mod_again_and_gives_the_same_modules()
    {
        await using var server = Server();
        var first = Restore(server.Url, null);
        first.Succeeded.ShouldBeTrue(string.Join("\n", first.Diagnostics));
        File.Exists(StoreFile).ShouldBeTrue();

        File.WriteAllText(ModFile, File.ReadAllText(ModFile) + "// edited\n");
        var store = ModSummaryStore.Open(StoreFile);
        store.WasCorrupt.ShouldBeFalse();
        // a, b@v1.1.0, c@v1.1.0 and d: every version go reads (b's and c's other versions are not in the graph).
        store.Loaded.ShouldBe(4);
        var second = Restore("off", store);

        second.Succeeded.ShouldBeTrue(string.Join("\n", second.Diagnostics));
        store.Misses.ShouldBe(0, string.Join(", ", store.Read));
        // Each of the restore's loaders (build list, package load) asks once per version.
        store.Hits.ShouldBeGreaterThanOrEqualTo(4);
        Modules(second).ShouldBe(Modules(first));
    }

    [Fact]
    public async Task A_damaged_store_file_is_ignored_and_rewritten()
    {
        await using var server = Server();
        var expected = Modules(Restore(server.Url, null));
        var good = File.ReadAllBytes(StoreFile);

        // One flipped byte in the middle of an entry, then plain garbage: neither is trusted.
        foreach (var damaged in new[] { Flip(good, good.Length / 2), "not a store"u8.ToArray() })
        {
            File.WriteAllBytes(StoreFile, damaged);
            var store = ModSummaryStore.Open(StoreFile);
            store.WasCorrupt.ShouldBeTrue();
            store.Loaded.ShouldBe(0);
            var again = Restore("off", store);
            again.Succeeded.ShouldBeTrue(string.Join("\n", again.Diagnostics));
            // Read once each; the restore's later loaders take them from what the first one stored.
            store.Read.Select(m => m.ToString()).Order().ShouldBe(["example.com/a@v1.0.0", "example.com/b@v1.1.0", "example.com/c@v1.1.0", "example.com/d@v1.0.0"]);
            Modules(again).ShouldBe(expected);
            File.ReadAllBytes(StoreFile).ShouldBe(good);
        }

        static byte[] Flip(byte[] data, int at)
        {
            var copy = (byte[])data.Clone();
            copy[at] ^= 0x20;
            return copy;
        }
    }

    [Fact]
    public async Task A_cache_file_changed_since_it_was_stored_is_read_again_and_fails_go_sum_as_go_fails()
    {
        await using var server = Server();
        Restore(server.Url, null).Succeeded.ShouldBeTrue();
        var mod = CachedMod("example.com/d", "v1.0.0");
        File.WriteAllText(mod, File.ReadAllText(mod) + "require example.com/b v1.0.0\n");

        var store = ModSummaryStore.Open(StoreFile);
        var result = Restore("off", store);

        result.Succeeded.ShouldBeFalse();
        // (twice: the build list stops at the failure, then go list -m all's full report reads it again.)
        store.Read.Distinct().ShouldBe([new GoMod.Core.Module.ModuleVersion("example.com/d", "v1.0.0")]);
        var error = result.Diagnostics.Single(d => d.IsError);
        error.Message.ShouldStartWith("example.com/d@v1.0.0: verifying example.com/d@v1.0.0/go.mod: checksum mismatch");
        error.Message.ShouldContain("SECURITY ERROR");
        // The same failure, word for word, as with no store at all.
        var plain = Restore("off", ModSummaryStore.InMemory());
        result.Diagnostics.Select(d => (d.Code, d.Message, d.Line)).ShouldBe(plain.Diagnostics.Select(d => (d.Code, d.Message, d.Line)));
    }

    [Fact]
    public async Task A_directory_replacement_is_never_taken_from_the_store()
    {
        await using var server = Server();
        var first = Restore(server.Url, null);
        first.Modules.ShouldNotContain(m => m.Path == "example.com/b" && m.Version == "v1.0.0");

        // The local module's go.mod changes between two restores: its new requirement must be seen.
        File.WriteAllText(Path.Combine(_main, "local", "go.mod"), "module example.com/local\n\ngo 1.19\n\nrequire example.com/c v1.0.0\n");
        File.WriteAllText(ModFile, File.ReadAllText(ModFile) + "// edited\n");
        var store = ModSummaryStore.Open(StoreFile);
        var second = Restore(server.Url, store);

        second.Succeeded.ShouldBeTrue(string.Join("\n", second.Diagnostics));
        store.Misses.ShouldBe(0, string.Join(", ", store.Read));
        Modules(second).ShouldBe(Modules(first));
        // A requirement the local go.mod adds is in the graph: go mod graph through the same store shows the edge.
        var graph = await ModuleCommands.GraphAsync(new RestoreOptions
        {
            ModFile = ModFile,
            Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = ModCache, ["GOPROXY"] = "off", ["GOSUMDB"] = "off", ["GOFLAGS"] = "-mod=mod" },
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
            Summaries = store,
        }, CancellationToken.None);
        graph.Output.StdOut.ShouldContain("example.com/local@v0.0.0 example.com/c@v1.0.0\n");
    }
}
