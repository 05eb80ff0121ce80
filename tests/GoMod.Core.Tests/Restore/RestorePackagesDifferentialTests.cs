using GoMod.Core.Restore;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Mvs;
using GoMod.Core.Tests.Packages;
using GoMod.Testing;

namespace GoMod.Core.Tests.Restore;

/// <summary>
/// The restore's package load against Debian's go 1.19 building the same authored main module through a loopback
/// HTTP proxy: under <c>-mod=mod</c> go.mod and go.sum after our restore are byte-identical to go's after
/// <c>go build ./...</c>, and both fetch the same zips from the proxy; under readonly our diagnostic for an import
/// nobody requires is go build's error, at the import's file, line and column.
/// </summary>
public class RestorePackagesDifferentialTests
{
    /// <summary>Scenarios whose packages all load (go build succeeds or fails only at compiling).</summary>
    public static TheoryData<string> Names => new(
    [
        "two-modules", "std-only", "several-packages", "missing-requirement", "missing-longest-prefix", "nested-module-in-main",
        "directory-replacement", "directory-replacement-missing-dep", "version-replacement", "goos-file-suffixes-linux",
        "go-build-ignore", "plus-build-lines", "cgo-file", "cgo-in-dependency", "test-only-import", "external-test-package", "major-v2", "missing-v2",
        "incompatible", "skipped-directories", "untidy-dependency", "dependency-build-tags", "unpruned-main", "go-1.15-main",
        "embed-patterns", "upgrade-for-new-package", "excluded-requirement", "indirect-only-graph", "goexperiment-constraints",
    ]);

    /// <summary>Scenarios whose import fails under readonly (no module in go.mod provides it).</summary>
    public static TheoryData<string> ReadOnlyNames => new(["missing-requirement", "missing-longest-prefix", "missing-v2", "named-and-dot-imports", "dotless-not-std"]);

    private static string Scenario(string name) => name == "goos-file-suffixes-linux"
        // Without the arm64 file's import of a module nobody provides (the host may be arm64).
        ? PackageScenarios.All["goos-file-suffixes"].Replace("-- arch_arm64.go --\npackage main\n\nimport _ \"example.com/nobody/arm\"\n", "", StringComparison.Ordinal)
        : PackageScenarios.All[name];

    private static Dictionary<string, byte[]> ProxyFiles(string proxyDir) =>
        Directory.EnumerateFiles(proxyDir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => "/" + Path.GetRelativePath(proxyDir, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes);

    private static string SharedGoCache => Path.Combine(Path.GetTempPath(), "gomod-tests-gocache");

    /// <summary>Scenarios with cgo files or <c>!cgo</c> constraints, in the main module or a dependency.</summary>
    public static TheoryData<string> CgoNames => new(["cgo-file", "plus-build-lines", "cgo-in-dependency"]);

    /// <summary>go build ./...; with <paramref name="defaultCgo"/> CGO_ENABLED is unset (go's default), else 0.</summary>
    private static ProcessResult GoBuild(string main, string home, string proxyUrl, string? mode, bool defaultCgo = false) =>
        GoOracle.Run(main, home, new Dictionary<string, string?>
        {
            ["GOPROXY"] = proxyUrl,
            ["GOFLAGS"] = mode is null ? "-modcacherw" : "-modcacherw -mod=" + mode,
            ["GONOSUMDB"] = "*",
            ["GOSUMDB"] = "off",
            // The build cache only holds compiled packages: one for every test keeps go build fast.
            ["GOCACHE"] = SharedGoCache,
            ["CGO_ENABLED"] = defaultCgo ? null : "0",
        }, "build", "./...");

    /// <summary>
    /// Our restore; with <paramref name="defaultCgo"/> it sees this process's PATH and CC (go's default cgo looks for a
    /// C compiler there) and no CGO_ENABLED, else no environment at all (no C compiler found: cgo off).
    /// </summary>
    private static Task<RestoreResult> RestoreAsync(string main, string modCache, string proxyUrl, string mode, bool defaultCgo = false) =>
        new ModuleRestorer().RestoreAsync(new RestoreOptions
        {
            ModFile = Path.Combine(main, "go.mod"),
            ModMode = mode,
            Settings = new Dictionary<string, string?>
            {
                ["GOMODCACHE"] = modCache, ["GOPROXY"] = proxyUrl, ["GOSUMDB"] = "off", ["GOROOT"] = PackageGraphDifferentialTests.GoRoot.Value,
            },
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : defaultCgo && name is "PATH" or "CC" ? Environment.GetEnvironmentVariable(name) : null,
        }, CancellationToken.None);

    private static IEnumerable<string> Zips(TestProxyServer proxy) =>
        proxy.Paths.Where(p => p.EndsWith(".zip", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal);

    [GoTheory]
    [MemberData(nameof(Names))]
    public Task Mod_mode_restore_writes_what_go_build_writes_and_fetches_the_same_zips(string name) => CompareModModeAsync(name, defaultCgo: false);

    /// <summary>
    /// The same with CGO_ENABLED unset on both sides: go 1.19 turns cgo on for this machine, and so does the restore,
    /// having found the C compiler go needs on PATH (CI installs gcc).
    /// </summary>
    [GoTheory]
    [MemberData(nameof(CgoNames))]
    public Task Mod_mode_restore_with_gos_default_cgo_writes_what_go_build_writes_and_fetches_the_same_zips(string name)
    {
        GoMod.Core.GoBuild.GoToolchain.OnPath("gcc", Environment.GetEnvironmentVariable).ShouldNotBeNull("go's default cgo needs a C compiler: apt-get install gcc");
        return CompareModModeAsync(name, defaultCgo: true);
    }

    private static async Task CompareModModeAsync(string name, bool defaultCgo)
    {
        using var tmp = new TempDirectory("rpkg");
        var (proxyDir, main) = ProxyScenario.Parse(Scenario(name) + PackageScenarios.Modules).Materialize(tmp.Path);
        var files = ProxyFiles(proxyDir);
        await using var goProxy = new TestProxyServer(files);
        await using var ourProxy = new TestProxyServer(files);
        var original = BuildListDifferentialTests.SnapshotMain(main);

        var go = GoBuild(main, tmp.Combine("home"), goProxy.Url, "mod", defaultCgo);
        var goErrors = go.StdErr.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("go: ", StringComparison.Ordinal) && !l.StartsWith('#') && !l.StartsWith('\t')).ToList();
        var expected = $"--- go.mod\n{BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.mod"))}--- go.sum\n{BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.sum"))}--- zips\n{string.Join("\n", Zips(goProxy))}";

        BuildListDifferentialTests.RestoreMain(main, original);
        var ours = await RestoreAsync(main, tmp.Combine("ourcache"), ourProxy.Url, "mod", defaultCgo);
        var actual = $"--- go.mod\n{BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.mod"))}--- go.sum\n{BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.sum"))}--- zips\n{string.Join("\n", Zips(ourProxy))}";
        if (actual != expected)
            throw new Xunit.Sdk.XunitException($"restore under -mod=mod differs from go build ./...\n===== go (exit {go.ExitCode}):\n{expected}\n{go.StdErr}\n===== ours:\n{actual}\n{string.Join("\n", ours.Diagnostics)}\n=====");
        // go build's "go: finding module for package …" and "go: found … in …" lines are the restore's messages.
        PackageGraphDifferentialTests.SortFindingRuns(ours.Messages).ShouldBe(PackageGraphDifferentialTests.SortFindingRuns(
            go.StdErr.Split('\n').Where(l => l.StartsWith("go: finding module for package ", StringComparison.Ordinal) || l.StartsWith("go: found ", StringComparison.Ordinal))));
        // go build's only failures here are the compiler's; the restore stops before compiling.
        ours.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        goErrors.Where(l => l.Contains("cannot find module", StringComparison.Ordinal) || l.Contains("missing go.sum", StringComparison.Ordinal)).ShouldBeEmpty();
        // The build list is published whole: a module no package comes from is still an item, without a directory.
        ours.Modules.Count.ShouldBeGreaterThanOrEqualTo(1);
        foreach (var m in ours.Modules.Where(m => !m.Main && m.Replace.Length == 0))
            (m.Dir.Length > 0).ShouldBe(Zips(ourProxy).Any(z => z.Contains("/" + m.Path + "/@v/" + m.Version + ".zip", StringComparison.Ordinal)) || Directory.Exists(m.Dir),
                $"{m.Path} {m.Version}: Dir '{m.Dir}'");
    }

    /// <summary>
    /// GOEXPERIMENT and GOARCH decide which <c>goexperiment.*</c> constraints hold: go 1.19's <c>go list -deps ./...</c>
    /// under <c>-mod=mod</c> (which resolves imports and writes go.mod and go.sum as go build does, without compiling for
    /// that experiment or architecture) and our restore with the same environment write the same go.mod and go.sum
    /// and fetch the same zips.
    /// </summary>
    [GoTheory]
    [InlineData("amd64", "")]             // regabi: a
    [InlineData("amd64", "fieldtrack")]   // and c
    [InlineData("386", "")]               // no regabi on 386: w
    [InlineData("386", "fieldtrack")]     // w and c
    public async Task Goexperiment_tags_follow_GOEXPERIMENT_and_GOARCH_as_go_1_19_s_do(string goarch, string goExperiment)
    {
        using var tmp = new TempDirectory("rpkgexp");
        var (proxyDir, main) = ProxyScenario.Parse(PackageScenarios.All["goexperiment-constraints"] + PackageScenarios.Modules).Materialize(tmp.Path);
        var files = ProxyFiles(proxyDir);
        await using var goProxy = new TestProxyServer(files);
        await using var ourProxy = new TestProxyServer(files);
        var original = BuildListDifferentialTests.SnapshotMain(main);
        string? State(TestProxyServer p) =>
            $"--- go.mod\n{BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.mod"))}--- go.sum\n{BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.sum"))}--- zips\n{string.Join("\n", Zips(p))}";

        var go = GoOracle.Run(main, tmp.Combine("home"), new Dictionary<string, string?>
        {
            ["GOPROXY"] = goProxy.Url, ["GOFLAGS"] = "-modcacherw -mod=mod", ["GONOSUMDB"] = "*", ["GOSUMDB"] = "off", ["CGO_ENABLED"] = "0",
            ["GOARCH"] = goarch, ["GOEXPERIMENT"] = goExperiment,
        }, "list", "-deps", "./...");
        var expected = State(goProxy);

        BuildListDifferentialTests.RestoreMain(main, original);
        var ours = await new ModuleRestorer().RestoreAsync(new RestoreOptions
        {
            ModFile = Path.Combine(main, "go.mod"),
            ModMode = "mod",
            Settings = new Dictionary<string, string?>
            {
                ["GOMODCACHE"] = tmp.Combine("ourcache"), ["GOPROXY"] = ourProxy.Url, ["GOSUMDB"] = "off", ["GOROOT"] = PackageGraphDifferentialTests.GoRoot.Value,
            },
            GetEnvironmentVariable = name => name switch { "GOENV" => "off", "GOARCH" => goarch, "GOEXPERIMENT" => goExperiment, _ => null },
        }, CancellationToken.None);

        go.ExitCode.ShouldBe(0, go.StdErr);
        ours.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        State(ourProxy).ShouldBe(expected);
    }

    [GoTheory]
    [MemberData(nameof(ReadOnlyNames))]
    public async Task Readonly_restore_reports_go_builds_import_error_at_the_import(string name)
    {
        using var tmp = new TempDirectory("rpkgro");
        var (proxyDir, main) = ProxyScenario.Parse(Scenario(name) + PackageScenarios.Modules).Materialize(tmp.Path);
        await using var proxy = new TestProxyServer(ProxyFiles(proxyDir));
        // go.sum as go mod download leaves it, so that only the imports are wrong.
        GoOracle.Run(main, tmp.Combine("home"), new Dictionary<string, string?>
        {
            ["GOPROXY"] = proxy.Url, ["GOFLAGS"] = "-modcacherw -mod=mod", ["GONOSUMDB"] = "*", ["GOSUMDB"] = "off",
        }, "mod", "download").ExitCode.ShouldBe(0);
        var goSum = BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.sum"));

        var go = GoBuild(main, tmp.Combine("home"), proxy.Url, null);
        go.ExitCode.ShouldNotBe(0);
        // go build prints each package error as file:line:col: message (continuation lines start with a tab).
        var goErrors = new List<string>();
        foreach (var line in go.StdErr.Split('\n').Where(l => l.Length > 0))
        {
            if (line.StartsWith('\t') && goErrors.Count > 0) goErrors[^1] += "\n" + line;
            else goErrors.Add(line);
        }

        var ours = await RestoreAsync(main, tmp.Combine("ourcache"), proxy.Url, "");
        var ourErrors = ours.Diagnostics.Where(d => d.IsError)
            .Select(d => $"{Path.GetRelativePath(main, d.File!)}:{d.Line}:{d.Column}: {d.Message}").ToList();
        ourErrors.ShouldBe(goErrors, $"go:\n{go.StdErr}");
        // The import nobody provides is GOMOD0310; an import whose module's zip line go.sum lacks is GOMOD0102.
        var codes = ours.Diagnostics.Where(d => d.IsError).Select(d => d.Code).Distinct().ToList();
        codes.ShouldContain("GOMOD0310");
        codes.ShouldBeSubsetOf(["GOMOD0310", "GOMOD0102"]);
        BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.sum")).ShouldBe(goSum);
    }

    [Theory]
    [InlineData("several-packages")]
    [InlineData("missing-longest-prefix")]
    [InlineData("upgrade-for-new-package")]
    [InlineData("directory-replacement-missing-dep")]
    public async Task Restores_in_different_directories_and_caches_write_identical_go_mod_and_go_sum(string name)
    {
        // go.mod and go.sum hold no path, time or machine: the same project restored elsewhere, later, with a cold or
        // a warm module cache, gives the same bytes.
        using var tmp = new TempDirectory("rrepro");
        var outputs = new List<string>();
        foreach (var (where, cache) in new[] { ("one", "cacheA"), ("two/deeper", "cacheB"), ("three", "cacheB") })
        {
            var (proxyDir, main) = ProxyScenario.Parse(Scenario(name) + PackageScenarios.Modules).Materialize(tmp.Combine(where));
            await using var proxy = new TestProxyServer(ProxyFiles(proxyDir));
            var result = await RestoreAsync(main, tmp.Combine(cache), proxy.Url, "mod");
            result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
            outputs.Add($"{File.ReadAllText(Path.Combine(main, "go.mod"))}---\n{File.ReadAllText(Path.Combine(main, "go.sum"))}");
        }
        outputs.Distinct().Count().ShouldBe(1, string.Join("\n=====\n", outputs));
    }
}
