using GoMod.Testing;
using GoMod.Core.Restore;
using GoMod.Core.Reports;
using GoMod.Core.SourceStore;
using GoMod.Core.Tests.Mvs;
using GoMod.Core.Tests.Restore;
using GoMod.Core.Tidy;

namespace GoMod.Core.Tests.SourceStore;

/// <summary>
/// The store of Go file facts of module-cache extractions (<see cref="SourceFactsStore"/>): a second restore opens no
/// Go file of a dependency and gives what a restore without the store gives (diagnostics with their positions, the
/// vendor tree with embedded files, go.sum); a damaged store is ignored and rewritten; a changed extraction is read
/// again; the main module's and a directory replacement's files are always read.
/// </summary>
public sealed class SourceFactsStoreTests : IDisposable
{
    // a: an import comment other than its path (a warning at its position), a file for another system and an ignored file
    // importing what no module provides, an embedded file; b: a subpackage and a //go:build file; local: a replacement.
    private const string Scenario = """
        -- go.mod --
        module example.com/m

        go 1.19

        require (
        	example.com/a v1.0.0
        	example.com/b v1.0.0
        	example.com/local v0.0.0
        )

        replace example.com/local => ./local
        -- main.go --
        package main

        import (
        	_ "example.com/a"
        	_ "example.com/b"
        	_ "example.com/local"
        )

        func main() {}
        -- example.com/a@v1.0.0 --
        go 1.19
        -- example.com/a@v1.0.0/a.go --
        package a // import "example.com/alias"

        import (
        	_ "embed"
        	"strings"
        )

        //go:embed data.txt
        var Data string

        var _ = strings.ToUpper
        -- example.com/a@v1.0.0/data.txt --
        embedded
        -- example.com/a@v1.0.0/a_windows.go --
        package a

        import _ "os/signal"
        -- example.com/a@v1.0.0/ignored.go --
        // +build ignore

        package a

        import _ "example.com/nowhere/ignored"
        -- example.com/b@v1.0.0 --
        go 1.19
        -- example.com/b@v1.0.0/b.go --
        package b

        import _ "example.com/b/sub"
        -- example.com/b@v1.0.0/sub/sub.go --
        //go:build !plan9

        package sub

        import "fmt"

        var _ = fmt.Sprint
        -- example.com/b@v1.0.0/sub/sub_plan9.go --
        package sub

        import _ "syscall"
        """;

    private readonly TempDirectory _dir = new("srcfacts-store");
    private readonly string _proxy;
    private readonly string _main;

    public SourceFactsStoreTests()
    {
        (_proxy, _main) = ProxyScenario.Parse(Scenario).Materialize(_dir.Path);
        Directory.CreateDirectory(Path.Combine(_main, "local"));
        File.WriteAllText(Path.Combine(_main, "local", "go.mod"), "module example.com/local\n\ngo 1.19\n");
        File.WriteAllText(Path.Combine(_main, "local", "local.go"), "package local\n");
    }

    public void Dispose() => _dir.Dispose();

    private string ModFile => Path.Combine(_main, "go.mod");

    private string ModCache => _dir.Combine("modcache");

    private string StoreFile => SourceFactsStore.DefaultFile(ModCache, ModFile);

    private RestoreResult Restore(string proxy, SourceFactsStore? store, bool vendor = false) =>
        ProxyTreeRestore.Run(ProxyTreeRestore.Options(ModFile, ModCache, proxy) with { SourceFacts = store, WriteVendor = vendor });

    /// <summary>
    /// Two restores: the first downloads and extracts (its package load extracts each module before reading it, so it
    /// already stores the facts); the second loads from the extractions and keeps the store.
    /// </summary>
    private RestoreResult Warm(string proxy)
    {
        Restore(proxy, null).Succeeded.ShouldBeTrue();
        File.Exists(StoreFile).ShouldBeTrue();
        var second = Restore(proxy, null);
        second.Succeeded.ShouldBeTrue(string.Join("\n", second.Diagnostics));
        File.Exists(StoreFile).ShouldBeTrue();
        return second;
    }

    /// <summary>What a restore gives that depends on the files read: diagnostics with positions, modules, go.sum, the vendor tree.</summary>
    private List<string> Outcome(RestoreResult r)
    {
        var list = r.Diagnostics.Select(d => $"{d.Code} {d.File}:{d.Line}:{d.Column} {d.Message}").ToList();
        list.AddRange(r.Modules.Select(m => $"{m.Path}@{m.Version} {m.Dir} {m.Sum}"));
        list.Add(File.ReadAllText(Path.Combine(_main, "go.sum")));
        var vendor = Path.Combine(_main, "vendor");
        if (Directory.Exists(vendor))
            foreach (var f in Directory.EnumerateFiles(vendor, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                list.Add($"{Path.GetRelativePath(vendor, f)}: {File.ReadAllText(f)}");
        return list;
    }

    [Fact]
    public async Task A_second_restore_opens_no_dependency_go_file_and_gives_what_a_restore_without_the_store_gives()
    {
        await using var server = ProxyTreeRestore.Serve(_proxy);
        var first = Restore(server.Url, null, vendor: true);
        first.Succeeded.ShouldBeTrue(string.Join("\n", first.Diagnostics));
        // The dependency's import comment is a warning at its position: the store must keep it.
        first.Diagnostics.Where(d => d.Code == "GOMOD0370").Select(d => $"{Path.GetFileName(d.File)}:{d.Line}:{d.Column}").ShouldBe(["a.go:1:11"]);
        File.ReadAllText(Path.Combine(_main, "vendor", "example.com", "a", "data.txt")).ShouldBe("embedded\n");
        File.Exists(StoreFile).ShouldBeTrue();
        var expected = Outcome(first);

        Directory.Delete(Path.Combine(_main, "vendor"), recursive: true);
        var store = SourceFactsStore.Open(StoreFile);
        var second = Restore("off", store, vendor: true);

        store.WasCorrupt.ShouldBeFalse();
        store.Reused.ShouldBe(2);
        store.FilesRead.ShouldBeEmpty();
        store.DirectoriesListed.ShouldBe(0);
        // a.go, a_windows.go (read by vendoring's any-tags load), ignored.go, b.go, sub.go, sub_plan9.go.
        store.FilesAnswered.ShouldBeGreaterThanOrEqualTo(6);
        Outcome(second).ShouldBe(expected);

        // The same outcome with no store at all.
        Directory.Delete(Path.Combine(_main, "vendor"), recursive: true);
        var none = SourceFactsStore.InMemory();
        Outcome(Restore("off", none, vendor: true)).ShouldBe(expected);
        none.FilesRead.Count.ShouldBeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public async Task Tidy_and_why_answer_from_the_store_and_keep_it()
    {
        // The commands besides the restore load packages too (tidy and why with every file whatever its constraints):
        // they must share the run's facts, so a second tidy opens no dependency Go file, and save what they read.
        await using var server = ProxyTreeRestore.Serve(_proxy);
        var tidy = await ModuleTidyCommand.RunAsync(ProxyTreeRestore.Options(ModFile, ModCache, server.Url), new TidyOptions(), check: false, CancellationToken.None);
        tidy.Output.ExitCode.ShouldBe(0, tidy.Output.StdErr);
        File.Exists(StoreFile).ShouldBeTrue("the first tidy saves what it read");
        var tidied = (File.ReadAllText(ModFile), File.ReadAllText(Path.Combine(_main, "go.sum")));

        var store = SourceFactsStore.Open(StoreFile);
        var again = await ModuleTidyCommand.RunAsync(ProxyTreeRestore.Options(ModFile, ModCache, "off") with { SourceFacts = store },
            new TidyOptions(), check: false, CancellationToken.None);
        again.Output.ExitCode.ShouldBe(0, again.Output.StdErr);
        store.WasCorrupt.ShouldBeFalse();
        store.FilesRead.ShouldBeEmpty();
        // a.go, a_windows.go, ignored.go (read, then left out by its "ignore" tag), b.go, sub.go, sub_plan9.go.
        store.FilesAnswered.ShouldBeGreaterThanOrEqualTo(6);
        (File.ReadAllText(ModFile), File.ReadAllText(Path.Combine(_main, "go.sum"))).ShouldBe(tidied);

        store = SourceFactsStore.Open(StoreFile);
        var why = await ModuleCommands.WhyAsync(ProxyTreeRestore.Options(ModFile, ModCache, "off") with { SourceFacts = store },
            ["example.com/b/sub"], new WhyOptions(), CancellationToken.None);
        why.Output.StdOut.ShouldBe("# example.com/b/sub\nexample.com/m\nexample.com/b\nexample.com/b/sub\n");
        store.FilesRead.ShouldBeEmpty();
        store.FilesAnswered.ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task A_damaged_store_file_is_ignored_and_rewritten()
    {
        await using var server = ProxyTreeRestore.Serve(_proxy);
        var first = Warm(server.Url);
        var expected = Outcome(first);
        var good = File.ReadAllBytes(StoreFile);

        foreach (var damaged in new[] { Flip(good, good.Length / 2), Flip(good, 3), good[..(good.Length - 40)], "not a store"u8.ToArray() })
        {
            File.WriteAllBytes(StoreFile, damaged);
            var store = SourceFactsStore.Open(StoreFile);
            var again = Restore("off", store);
            store.WasCorrupt.ShouldBeTrue();
            store.Reused.ShouldBe(0);
            store.FilesRead.Select(f => f.Split('/')[0]).Distinct().Order().ShouldBe(["example.com"]);
            store.FilesRead.ShouldContain("example.com/a@v1.0.0/a.go");
            store.FilesRead.ShouldContain("example.com/b@v1.0.0/sub/sub.go");
            Outcome(again).ShouldBe(expected);
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
    public async Task An_extraction_changed_since_it_was_stored_is_read_again()
    {
        await using var server = ProxyTreeRestore.Serve(_proxy);
        var expected = Outcome(Warm(server.Url));
        var dirA = Path.Combine(ModCache, "example.com", "a@v1.0.0");
        Directory.SetLastWriteTimeUtc(dirA, Directory.GetLastWriteTimeUtc(dirA).AddSeconds(-10));

        var store = SourceFactsStore.Open(StoreFile);
        var again = Restore("off", store);

        store.Renewed.ShouldBe(1);
        store.Reused.ShouldBe(1);
        store.FilesRead.Order().ShouldBe(["example.com/a@v1.0.0/a.go", "example.com/a@v1.0.0/ignored.go"]);
        Outcome(again).ShouldBe(expected);
        // What it read is stored for the next run.
        var third = SourceFactsStore.Open(StoreFile);
        Restore("off", third);
        third.FilesRead.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_main_module_and_a_directory_replacement_are_always_read()
    {
        await using var server = ProxyTreeRestore.Serve(_proxy);
        Warm(server.Url);

        // Both now import a package no module provides: each import is go's error at its own file and line.
        File.WriteAllText(Path.Combine(_main, "local", "local.go"), "package local\n\nimport _ \"example.com/a/missing\"\n");
        File.WriteAllText(Path.Combine(_main, "main.go"), File.ReadAllText(Path.Combine(_main, "main.go")).Replace("_ \"example.com/b\"", "_ \"example.com/b\"\n\t_ \"example.com/b/gone\""));
        var store = SourceFactsStore.Open(StoreFile);
        var result = Restore("off", store);

        store.Reused.ShouldBe(2);
        store.FilesRead.ShouldBeEmpty();
        var errors = result.Diagnostics.Where(d => d.IsError).Select(d => $"{Path.GetFileName(d.File)}:{d.Line}").Order().ToList();
        errors.ShouldBe(["local.go:3", "main.go:6"], string.Join("\n", result.Diagnostics));
    }
}
