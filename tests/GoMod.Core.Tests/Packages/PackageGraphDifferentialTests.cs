using System.Text;
using GoMod.Core.Imports;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Packages;
using GoMod.Core.Tests.Mvs;
using GoMod.Testing;

namespace GoMod.Core.Tests.Packages;

/// <summary>
/// Our package graph against Debian's go 1.19 on authored main modules served from a file:// proxy: under
/// <c>-mod=mod</c>, <c>go list -e -deps ./...</c> must print the same packages (the standard library left out) in the
/// same order with the same errors, the same <c>go: finding module …</c>/<c>go: found …</c> lines, and leave the same
/// go.mod and go.sum as our load followed by our commit; with <c>-test</c>, the same set of packages.
/// </summary>
public class PackageGraphDifferentialTests
{
    public static TheoryData<string> Names => new(PackageScenarios.All.Keys.Order(StringComparer.Ordinal));

    public static TheoryData<string> TestNames => new(PackageScenarios.WithTests.Order(StringComparer.Ordinal));

    private const string Format = "{{if not .Standard}}{{.ImportPath}}{{if .Error}} ERR {{printf \"%q\" .Error.Error}}{{end}}{{end}}";

    internal static readonly Lazy<string> GoRoot = new(() =>
        GoOracle.Available ? GoOracle.Run(Path.GetTempPath(), Path.GetTempPath(), null, "env", "GOROOT").StdOut.Trim() : "");

    /// <summary>The scenarios with a file that imports <c>"C"</c> or names the cgo tag, in the main module or a dependency.</summary>
    public static TheoryData<string> CgoNames => new(PackageScenarios.All.Keys.Order(StringComparer.Ordinal)
        .Where(n => PackageScenarios.All[n].Contains("cgo", StringComparison.Ordinal) || PackageScenarios.All[n].Contains("import \"C\"", StringComparison.Ordinal)
            || PackageScenarios.All[n].Contains("example.com/cg", StringComparison.Ordinal)));

    [GoTheory]
    [MemberData(nameof(Names))]
    public Task Go_list_deps_prints_our_packages_in_our_order(string name) => CompareListDepsAsync(name, cgo: false);

    /// <summary>
    /// The same with cgo on (go's default for this machine where a C compiler is installed): files importing
    /// <c>"C"</c> count and <c>!cgo</c> files do not, in the main module and in dependencies.
    /// </summary>
    [GoTheory]
    [MemberData(nameof(CgoNames))]
    public Task Go_list_deps_with_cgo_on_prints_our_packages_in_our_order(string name) => CompareListDepsAsync(name, cgo: true);

    private static async Task CompareListDepsAsync(string name, bool cgo)
    {
        using var tmp = new TempDirectory("pkg");
        var (proxy, main) = ProxyScenario.Parse(PackageScenarios.All[name] + PackageScenarios.Modules).Materialize(tmp.Path);
        var go = new GoProxyRun(proxy, tmp.Combine("home"), new Dictionary<string, string?> { ["CGO_ENABLED"] = cgo ? "1" : "0" });
        var original = BuildListDifferentialTests.SnapshotMain(main);

        var result = go.Run(main, "list", "-e", "-deps", "-f", Format, "./...");
        var expected = Describe(result.ExitCode, result.StdOut.Split('\n').Where(l => l.Length > 0),
            result.StdErr.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("go: downloading ", StringComparison.Ordinal)),
            BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.mod")), BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.sum")));

        BuildListDifferentialTests.RestoreMain(main, original);
        var actual = await OursAsync(main, proxy, go.ModCache, loadTests: false, cgo);
        if (actual != expected)
            throw new Xunit.Sdk.XunitException($"go list -deps ./... (cgo {(cgo ? "on" : "off")}) differs.\n===== go:\n{expected}\n===== ours:\n{actual}\n=====");
    }

    [GoTheory]
    [MemberData(nameof(TestNames))]
    public async Task Go_list_deps_test_loads_our_packages(string name)
    {
        using var tmp = new TempDirectory("pkgt");
        var (proxy, main) = ProxyScenario.Parse(PackageScenarios.All[name] + PackageScenarios.Modules).Materialize(tmp.Path);
        var go = new GoProxyRun(proxy, tmp.Combine("home"));
        var original = BuildListDifferentialTests.SnapshotMain(main);

        var result = go.Run(main, "list", "-e", "-deps", "-test", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./...");
        // Test variants ("p [p.test]"), test mains ("p.test") and external tests ("p_test") are p to the module loader.
        var goSet = result.StdOut.Split('\n').Where(l => l.Length > 0)
            .Select(l => l.Split(' ')[0]).Select(l => l.EndsWith(".test", StringComparison.Ordinal) ? l[..^5] : l.EndsWith("_test", StringComparison.Ordinal) ? l[..^5] : l)
            .Distinct().Order(StringComparer.Ordinal);
        var expected = $"exit {result.ExitCode}\n{string.Join("\n", goSet)}\n--- go.mod\n{BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.mod"))}--- go.sum\n{BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.sum"))}";

        BuildListDifferentialTests.RestoreMain(main, original);
        var loader = await ModuleLoader.CreateAsync(new DirectoryModuleSource(proxy), main, new LoadOptions(), CancellationToken.None);
        var graph = await loader.LoadPackagesAsync(["./..."], Options(go.ModCache) with { LoadTests = true }, CancellationToken.None);
        var (goMod, goSum) = await loader.CommitAsync(graph.Requirements, CancellationToken.None, graph.LoadOrder, loadedZipSumsOnly: true);
        var ourSet = graph.LoadOrder.Where(p => !p.IsStandard).Select(p => p.ImportPath).Distinct().Order(StringComparer.Ordinal);
        var actual = $"exit 0\n{string.Join("\n", ourSet)}\n--- go.mod\n{goMod ?? BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.mod"))}--- go.sum\n{goSum ?? BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.sum"))}";
        if (actual != expected)
            throw new Xunit.Sdk.XunitException($"go list -deps -test ./... differs.\n===== go:\n{expected}\n===== ours:\n{actual}\n=====");
    }

    [GoTheory]
    [MemberData(nameof(Names))]
    public async Task Go_list_all_is_our_all(string name)
    {
        using var tmp = new TempDirectory("pkga");
        var (proxy, main) = ProxyScenario.Parse(PackageScenarios.All[name] + PackageScenarios.Modules).Materialize(tmp.Path);
        var go = new GoProxyRun(proxy, tmp.Combine("home"));
        var original = BuildListDifferentialTests.SnapshotMain(main);

        // "all" as go mod vendor and go mod why see it: every file but ignored ones, the main module's tests included.
        var result = go.Run(main, "list", "-e", "-tags", "any", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "all");
        var expected = string.Join("\n", result.StdOut.Split('\n').Where(l => l.Length > 0));

        BuildListDifferentialTests.RestoreMain(main, original);
        var loader = await ModuleLoader.CreateAsync(new DirectoryModuleSource(proxy), main, new LoadOptions(), CancellationToken.None);
        var graph = await loader.LoadPackagesAsync(["all"], Options(go.ModCache) with { Tags = BuildTags.Host(extra: ["any"]) }, CancellationToken.None);
        var actual = string.Join("\n", graph.All.Where(p => graph.Find(p) is { IsStandard: false }));
        actual.ShouldBe(expected);
    }

    [GoTheory]
    [MemberData(nameof(Names))]
    public async Task Go_list_reports_our_files_imports_and_embeds_for_the_main_modules_packages(string name)
    {
        using var tmp = new TempDirectory("pkgf");
        var (proxy, main) = ProxyScenario.Parse(PackageScenarios.All[name] + PackageScenarios.Modules).Materialize(tmp.Path);
        var go = new GoProxyRun(proxy, tmp.Combine("home"));
        var original = BuildListDifferentialTests.SnapshotMain(main);

        const string files = "{{if .Module}}{{if .Module.Main}}{{.ImportPath}} go={{.GoFiles}} cgo={{.CgoFiles}} test={{.TestGoFiles}} xtest={{.XTestGoFiles}}"
            + " ignored={{.IgnoredGoFiles}} imports={{.Imports}} testimports={{.TestImports}}{{.XTestImports}} embeds={{.EmbedPatterns}}"
            + " testembeds={{.TestEmbedPatterns}}{{.XTestEmbedPatterns}}{{end}}{{end}}";
        var result = go.Run(main, "list", "-e", "-f", files, "./...");
        var expected = string.Join("\n", result.StdOut.Split('\n').Where(l => l.Length > 0).Select(NormalizeTestLists));

        BuildListDifferentialTests.RestoreMain(main, original);
        var loader = await ModuleLoader.CreateAsync(new DirectoryModuleSource(proxy), main, new LoadOptions(), CancellationToken.None);
        var graph = await loader.LoadPackagesAsync(["./..."], Options(go.ModCache), CancellationToken.None);
        static string L(IEnumerable<string> items) => "[" + string.Join(" ", items) + "]";
        var actual = string.Join("\n", graph.Roots.Where(p => p.InMainModule && p.Files is not null).Select(p =>
            $"{p.ImportPath} go={L(p.Files!.GoFiles)} cgo={L(p.Files.CgoFiles)} test={L(p.Files.TestGoFiles)} xtest={L(p.Files.XTestGoFiles)}"
            + $" ignored={L(p.Files.IgnoredGoFiles)} imports={L(p.Imports.Select(i => i.Path))} testimports={L(p.TestImports.Select(i => i.Path))}"
            + $" embeds={L(p.EmbedPatterns.Select(e => e.Pattern))} testembeds={L(p.TestEmbedPatterns.Select(e => e.Pattern))}"));
        actual.ShouldBe(expected);
    }

    /// <summary>go lists a package's test and external-test imports (and embeds) apart; the module loader merges them.</summary>
    private static string NormalizeTestLists(string line)
    {
        foreach (var key in new[] { "testimports=", "testembeds=" })
        {
            int i = line.IndexOf(" " + key, StringComparison.Ordinal);
            if (i < 0) continue;
            int start = i + 1 + key.Length;
            // The two lists are "[a b][c]": take everything up to the second closing bracket.
            int first = line.IndexOf(']', start);
            int second = line.IndexOf(']', first + 1);
            var merged = line[start..(second + 1)].Replace("][", " ", StringComparison.Ordinal).Trim('[', ']')
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Order(StringComparer.Ordinal);
            line = line[..start] + "[" + string.Join(" ", merged) + "]" + line[(second + 1)..];
        }
        return line;
    }

    internal static PackageLoadOptions Options(string modCache) => new()
    {
        Tags = BuildTags.Host(),
        ResolveMissingImports = true,
        ModuleCacheDirectory = modCache,
        GoRoot = GoRoot.Value,
    };

    private static async Task<string> OursAsync(string main, string proxy, string modCache, bool loadTests, bool cgo = false)
    {
        var loader = await ModuleLoader.CreateAsync(new DirectoryModuleSource(proxy), main, new LoadOptions(), CancellationToken.None);
        var options = Options(modCache) with { LoadTests = loadTests, Tags = BuildTags.Host(cgoEnabled: cgo) };
        var graph = await loader.LoadPackagesAsync(["./..."], options, CancellationToken.None);
        var (goMod, goSum) = await loader.CommitAsync(graph.Requirements, CancellationToken.None, graph.LoadOrder, loadedZipSumsOnly: true);
        var lines = graph.Packages.Where(p => !p.IsStandard).Select(p => p.Error is null ? p.ImportPath : $"{p.ImportPath} ERR {GoQuote(graph.ErrorText(p, loader.ShortPath))}");
        return Describe(graph.Errors.Count > 0 ? 1 : 0, lines, loader.Messages.Concat(graph.Messages).Concat(graph.Errors),
            goMod ?? BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.mod")), goSum ?? BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.sum")));
    }

    private static string Describe(int exit, IEnumerable<string> stdout, IEnumerable<string> stderr, string? goMod, string? goSum) =>
        $"exit {exit}\n--- packages\n{string.Join("\n", stdout)}\n--- stderr\n{string.Join("\n", SortFindingRuns(stderr))}\n--- go.mod\n{goMod}--- go.sum\n{goSum}";

    /// <summary>
    /// go queries the modules of missing imports in parallel, each query printing its <c>go: finding module for package …</c>
    /// line as it starts, so go's order within a run of those lines varies from run to run: compare each run sorted.
    /// (The <c>go: found …</c> lines that follow are printed in package order and stay as they are.)
    /// </summary>
    internal static List<string> SortFindingRuns(IEnumerable<string> lines)
    {
        const string finding = "go: finding module for package ";
        var result = new List<string>();
        var run = new List<string>();
        foreach (var line in lines.Append(null))
        {
            if (line is not null && line.StartsWith(finding, StringComparison.Ordinal))
            {
                run.Add(line);
                continue;
            }
            run.Sort(StringComparer.Ordinal);
            result.AddRange(run);
            run.Clear();
            if (line is not null) result.Add(line);
        }
        return result;
    }

    /// <summary>Go's <c>%q</c> for the texts at hand (ASCII with newlines, tabs, quotes and backslashes escaped).</summary>
    internal static string GoQuote(string s)
    {
        var b = new StringBuilder("\"");
        foreach (var c in s)
        {
            b.Append(c switch
            {
                '\n' => "\\n",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                _ => c.ToString(),
            });
        }
        return b.Append('"').ToString();
    }
}
