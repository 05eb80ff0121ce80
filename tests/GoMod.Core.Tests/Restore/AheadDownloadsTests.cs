using GoMod.Core.Fetch;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Mvs;
using GoMod.Testing;

namespace GoMod.Core.Tests.Restore;

/// <summary>
/// The restore starts go.mod's requirements downloading while the build list is still being read, when they are surely
/// what it fetches (readonly, go ≥ 1.17, no .go file in the main module, go.sum lines present), checked at a loopback
/// proxy by what it is asked and in which order (mechanisms, not timings); and it downloads nothing ahead where go would
/// fetch less (go build's packages) or where the version is not certain.
/// </summary>
public sealed class AheadDownloadsTests : IDisposable
{
    // b is required by a too, so the graph reads b's go.mod; c is listed but nothing imports it.
    private const string Scenario = """
        -- go.mod --
        module example.com/m

        go 1.19

        require (
        	example.com/a v1.0.0
        	example.com/c v1.0.0
        )

        require example.com/b v1.0.0 // indirect
        -- example.com/a@v1.0.0 --
        go 1.19

        require example.com/b v1.0.0
        -- example.com/a@v1.0.0/a.go --
        package a
        -- example.com/b@v1.0.0 --
        go 1.19
        -- example.com/b@v1.0.0/b.go --
        package b
        -- example.com/b@v1.1.0 --
        go 1.19
        -- example.com/b@v1.1.0/b.go --
        package b
        -- example.com/c@v1.0.0 --
        go 1.19
        -- example.com/c@v1.0.0/c.go --
        package c
        -- example.com/a@v1.1.0 --
        go 1.19

        require example.com/b v1.1.0
        -- example.com/a@v1.1.0/a.go --
        package a
        """;

    private static readonly TimeSpan GateLimit = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _dir = new("restore-ahead");
    private readonly string _proxy;
    private readonly string _main;

    public AheadDownloadsTests()
    {
        (_proxy, _main) = ProxyScenario.Parse(Scenario).Materialize(_dir.Path);
        // go.sum as -mod=mod writes it (a throwaway cache), plus the lines of the v1.1.0 versions some tests move to.
        var first = ProxyTreeRestore.Run(ProxyTreeRestore.Options(ModFile, _dir.Combine("sum-cache"), ProxyUrl));
        first.Succeeded.ShouldBeTrue(string.Join("\n", first.Diagnostics));
        var goSum = File.ReadAllText(SumFile);
        File.WriteAllText(ModFile, File.ReadAllText(ModFile).Replace("example.com/a v1.0.0", "example.com/a v1.1.0", StringComparison.Ordinal)
            .Replace("example.com/b v1.0.0", "example.com/b v1.1.0", StringComparison.Ordinal));
        var second = ProxyTreeRestore.Run(ProxyTreeRestore.Options(ModFile, _dir.Combine("sum-cache"), ProxyUrl));
        second.Succeeded.ShouldBeTrue(string.Join("\n", second.Diagnostics));
        File.WriteAllText(SumFile, string.Join("\n", (goSum + File.ReadAllText(SumFile)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct().Order(StringComparer.Ordinal)) + "\n");
        WriteGoMod(a: "v1.0.0", b: "v1.0.0");
    }

    public void Dispose() => _dir.Dispose();

    private string ModFile => Path.Combine(_main, "go.mod");

    private string SumFile => Path.Combine(_main, "go.sum");

    private string Cache => _dir.Combine("modcache");

    private string ProxyUrl => new Uri(_proxy + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');

    private void WriteGoMod(string a, string b, string go = "1.19", string extra = "") => File.WriteAllText(ModFile, $"""
        module example.com/m

        go {go}

        require (
        	example.com/a {a}
        	example.com/c v1.0.0
        )

        require example.com/b {b} // indirect
        {extra}
        """);

    private RestoreOptions Options(string proxy, string mode = "-mod=readonly", string? cache = null) =>
        ProxyTreeRestore.Options(ModFile, cache ?? Cache, proxy) with
        {
            Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = cache ?? Cache, ["GOPROXY"] = proxy, ["GOSUMDB"] = "off", ["GOFLAGS"] = mode },
        };

    private static bool IsZip(string path) => path.EndsWith(".zip", StringComparison.Ordinal);

    private List<string> Eligible(string mode = "-mod=readonly", string? cache = null)
    {
        var (setup, failures) = RestoreSetup.CreateAsync(Options("off", mode, cache), CancellationToken.None).GetAwaiter().GetResult();
        failures.ShouldBeEmpty();
        return AheadDownloads.Eligible(setup!, setup!.Mod, setup.Sum,
                setup.Mod.Require.Select(r => (new ModuleVersion(r.Path, r.Version), new ModuleVersion(r.Path, r.Version))))
            .Select(m => m.ToString()).ToList();
    }

    [Fact]
    public async Task Zips_are_requested_while_the_build_list_still_waits_for_a_go_mod()
    {
        await using var server = ProxyTreeRestore.Serve(_proxy);
        using var zipAsked = new ManualResetEventSlim();
        bool? goModWaitedForAZip = null;
        server.Handler = r =>
        {
            if (IsZip(r.Path)) zipAsked.Set();
            // The graph cannot finish without b's go.mod; it is answered only once some zip has been asked for.
            if (r.Path == "/example.com/b/@v/v1.0.0.mod") goModWaitedForAZip ??= zipAsked.Wait(GateLimit);
            return null;
        };

        var result = ProxyTreeRestore.Run(Options(server.Url));

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        goModWaitedForAZip.ShouldBe(true, "a zip was asked for while the build list waited on b's go.mod");
        server.Paths.Where(IsZip).Order(StringComparer.Ordinal).ToList().ShouldBe(
            ["/example.com/a/@v/v1.0.0.zip", "/example.com/b/@v/v1.0.0.zip", "/example.com/c/@v/v1.0.0.zip"], "each zip once");
        // The bytes downloaded ahead are counted in the restore's total, once.
        result.DownloadedBytes.ShouldBe(Directory.EnumerateFiles(Path.Combine(Cache, "cache", "download"), "*.zip", SearchOption.AllDirectories)
            .Sum(f => new FileInfo(f).Length));
        result.Downloaded.ShouldBe(3);
        result.Modules.Where(m => !m.Main).ShouldAllBe(m => Directory.Exists(m.Dir));
    }

    [Fact]
    public async Task A_main_module_with_packages_downloads_only_the_modules_go_build_loads()
    {
        File.WriteAllText(Path.Combine(_main, "main.go"), "package main\n\nimport _ \"example.com/a\"\n\nfunc main() {}\n");
        await using var server = ProxyTreeRestore.Serve(_proxy);

        var result = ProxyTreeRestore.Run(Options(server.Url));

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        server.Paths.Where(IsZip).ToList().ShouldBe(["/example.com/a/@v/v1.0.0.zip"], "c is required but imported by nothing, b provides no package imported");
    }

    [Fact]
    public async Task A_failing_build_list_stops_what_started_ahead_and_leaves_nothing_half_written()
    {
        // a@v1.0.0's go.mod is missing from the proxy: the graph fails while the zips ahead are still arriving (slowly).
        // Its 404 waits until a zip has been asked for (else, on a busy machine, the graph could fail before any zip
        // request left, and there would be nothing ahead to stop).
        await using var server = ProxyTreeRestore.Serve(_proxy);
        server.Files.TryRemove("/example.com/a/@v/v1.0.0.mod", out _);
        using var zipAsked = new ManualResetEventSlim();
        server.Handler = r =>
        {
            if (IsZip(r.Path)) zipAsked.Set();
            if (r.Path == "/example.com/a/@v/v1.0.0.mod") zipAsked.Wait(GateLimit);
            return null;
        };
        server.Delay = r => IsZip(r.Path) ? TimeSpan.FromMilliseconds(300) : null;
        server.ThrottleChunk = 64;

        var result = ProxyTreeRestore.Run(Options(server.Url));

        result.Succeeded.ShouldBeFalse();
        var after = Snapshot();
        after.ShouldNotContain(f => f.EndsWith(".partial", StringComparison.Ordinal) || f.Contains(".tmp", StringComparison.Ordinal), string.Join("\n", after));
        server.Paths.Count(IsZip).ShouldBeGreaterThan(0, "zips were on their way when the graph failed");
        // Whatever is there is whole: a tree only with its zip and .ziphash beside it.
        var trees = Path.Combine(Cache, "example.com");
        foreach (var tree in Directory.Exists(trees) ? Directory.EnumerateDirectories(trees) : [])
        {
            var (path, version) = (Path.GetFileName(tree).Split('@')[0], Path.GetFileName(tree).Split('@')[1]);
            File.Exists(Path.Combine(Cache, "cache", "download", "example.com", path, "@v", version + ".ziphash")).ShouldBeTrue(tree);
        }
        // And nothing is written once the restore has returned.
        await Task.Delay(500);
        Snapshot().ShouldBe(after);
    }

    [Fact]
    public void Only_requirements_with_both_go_sum_lines_that_no_exclude_names_start_ahead()
    {
        Eligible().ShouldBe(["example.com/a@v1.0.0", "example.com/c@v1.0.0", "example.com/b@v1.0.0"]);

        WriteGoMod(a: "v1.0.0", b: "v1.0.0", extra: "exclude example.com/b v0.9.0");
        Eligible().ShouldBe(["example.com/a@v1.0.0", "example.com/c@v1.0.0"]);

        WriteGoMod(a: "v1.0.0", b: "v1.0.0");
        File.WriteAllLines(SumFile, File.ReadAllLines(SumFile).Where(l => !l.StartsWith("example.com/c v1.0.0 ", StringComparison.Ordinal)));
        Eligible().ShouldBe(["example.com/a@v1.0.0", "example.com/b@v1.0.0"]);
    }

    [Theory]
    [InlineData("1.16", "-mod=readonly", false)] // go mod download fetches the whole build list, at selected versions
    [InlineData("1.19", "-mod=mod", false)]      // go.mod and go.sum may change under the restore
    [InlineData("1.19", "-mod=readonly", true)]
    public void Nothing_starts_ahead_unless_readonly_at_go_1_17_or_later(string go, string mode, bool starts)
    {
        WriteGoMod(a: "v1.0.0", b: "v1.0.0", go: go);
        (Eligible(mode).Count > 0).ShouldBe(starts);
    }

    [Fact]
    public void A_go_file_below_the_main_module_counts_as_a_package_unless_it_is_where_go_never_looks()
    {
        AheadDownloads.MayHavePackages(_main).ShouldBeFalse();
        Directory.CreateDirectory(Path.Combine(_main, "obj", "deep"));
        File.WriteAllText(Path.Combine(_main, "obj", "deep", "Program.cs"), "");
        AheadDownloads.MayHavePackages(_main).ShouldBeFalse();
        // Where ./... never looks, a .go file is no package of the main module.
        foreach (var ignored in new[] { ".git", "_old", "testdata", Path.Combine("obj", "testdata") })
        {
            Directory.CreateDirectory(Path.Combine(_main, ignored));
            File.WriteAllText(Path.Combine(_main, ignored, "x.go"), "package x\n");
        }
        AheadDownloads.MayHavePackages(_main).ShouldBeFalse();
        File.WriteAllText(Path.Combine(_main, "obj", "deep", "x.go"), "package x\n");
        AheadDownloads.MayHavePackages(_main).ShouldBeTrue();
        Eligible().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("gomodcache", false)]
    [InlineData("obj/gomodcache", false)]    // the samples' place, and the E2E tests'
    [InlineData("obj/testdata/cache", true)] // where ./... never looks
    [InlineData(".cache/mod", true)]
    [InlineData("_cache", true)]
    [InlineData("../outside-cache", true)]
    public void Nothing_starts_ahead_when_the_module_cache_lies_where_the_walk_of_the_main_module_goes(string cache, bool starts)
    {
        var dir = Path.GetFullPath(Path.Combine(_main, cache));
        AheadDownloads.WalkReaches(_main, dir).ShouldBe(!starts);
        (Eligible(cache: dir).Count > 0).ShouldBe(starts);
    }

    [Fact]
    public void Where_the_walk_goes_is_judged_with_symbolic_links_resolved()
    {
        if (OperatingSystem.IsWindows()) return; // symbolic links need privileges there
        // The main module reached through a link, the cache named by its real path (not created yet): the walk reaches it.
        var link = _dir.Combine("link-to-main");
        Directory.CreateSymbolicLink(link, _main);
        AheadDownloads.WalkReaches(link, Path.Combine(_main, "obj", "gomodcache")).ShouldBeTrue();
        AheadDownloads.WalkReaches(_main, Path.Combine(link, "obj", "gomodcache")).ShouldBeTrue();
        // A cache below a link inside the module lies where the link leads, which the walk does not follow.
        Directory.CreateSymbolicLink(Path.Combine(_main, "cachelink"), _dir.Combine("elsewhere"));
        Directory.CreateDirectory(_dir.Combine("elsewhere"));
        AheadDownloads.WalkReaches(_main, Path.Combine(_main, "cachelink", "gomodcache")).ShouldBeFalse();
    }

    [Fact]
    public async Task With_the_module_cache_inside_the_main_module_no_zip_is_asked_for_before_the_build_list_is_known()
    {
        // The package load walks ./... of the main module while the zips started ahead are extracted: with the module
        // cache below it, the walk met the extractions' temporary trees vanishing under it (GOMOD0401 "Could not find a
        // part of the path '…@v1.0.0.tmp-…'", about one cold restore in 200 on two cores, the E2E tests' CI flake).
        var cache = Path.Combine(_main, "obj", "gomodcache");
        await using var server = ProxyTreeRestore.Serve(_proxy);
        using var zipAsked = new ManualResetEventSlim();
        bool? zipBeforeGraph = null;
        server.Handler = r =>
        {
            if (IsZip(r.Path)) zipAsked.Set();
            // Without the rule a zip is asked for at once, while b's go.mod waits here.
            if (r.Path == "/example.com/b/@v/v1.0.0.mod") zipBeforeGraph ??= zipAsked.Wait(TimeSpan.FromSeconds(2));
            return null;
        };

        var result = ProxyTreeRestore.Run(Options(server.Url, cache: cache));

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        zipBeforeGraph.ShouldBe(false);
        server.Paths.Where(IsZip).Order(StringComparer.Ordinal).ToList().ShouldBe(
            ["/example.com/a/@v/v1.0.0.zip", "/example.com/b/@v/v1.0.0.zip", "/example.com/c/@v/v1.0.0.zip"]);
        result.Modules.Where(m => !m.Main).ShouldAllBe(m => m.Dir.StartsWith(cache, StringComparison.Ordinal) && Directory.Exists(m.Dir));
        Directory.EnumerateDirectories(cache, "*.tmp-*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Nothing_starts_ahead_when_the_module_cache_has_the_first_requirements(bool warm)
    {
        await using var server = ProxyTreeRestore.Serve(_proxy);
        var (setup, failures) = await RestoreSetup.CreateAsync(Options(server.Url), CancellationToken.None);
        failures.ShouldBeEmpty();
        using var downloader = new ModuleDownloader(setup!.Environment, new GoSumChecker(setup.SumFile, setup.Sum, Core.GoEnv.ModMode.ReadOnly),
            setup.Options.Fetch, cache: setup.Cache);
        var requirements = setup.Mod.Require.Select(r => (new ModuleVersion(r.Path, r.Version), new ModuleVersion(r.Path, r.Version))).ToList();
        // A warm cache as the probe sees it: a directory for each requirement (the restore's own warm check judges them).
        if (warm)
            foreach (var (m, _) in requirements) Directory.CreateDirectory(setup.Cache.ModuleDir(m));

        await using (var ahead = AheadDownloads.Start(setup, setup.Mod, setup.Sum, downloader, requirements, null, CancellationToken.None))
            await ahead.Completion;

        if (warm) server.RequestCount.ShouldBe(0);
        else server.Paths.Where(IsZip).Order(StringComparer.Ordinal).ToList().ShouldBe(
            ["/example.com/a/@v/v1.0.0.zip", "/example.com/b/@v/v1.0.0.zip", "/example.com/c/@v/v1.0.0.zip"]);
    }

    private List<string> Snapshot() => Directory.Exists(Cache)
        ? [.. Directory.EnumerateFileSystemEntries(Cache, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Cache, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("cache/gomod-sdk", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)]
        : [];
}
