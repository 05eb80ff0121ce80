using GoMod.Core.Restore;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Mvs;
using GoMod.Core.Tests.Packages;
using GoMod.Core.Tidy;
using GoMod.Testing;

namespace GoMod.Core.Tests.Tidy;

/// <summary>
/// Our go mod tidy against Debian's go 1.19 running <c>go mod tidy</c> on the same authored main module through a
/// loopback HTTP proxy (GOFLAGS=-mod=mod, GOSUMDB=off, a fresh module cache per side): go.mod and go.sum byte for byte,
/// the exit status and go's messages (the <c>go: downloading</c> progress aside); and GoModTidyCheck's verdict is
/// exactly "go mod tidy changed something", without changing anything itself.
/// </summary>
public class TidyDifferentialTests
{
    public static TheoryData<string> Names => new(TidyScenarios.All.Keys.Order(StringComparer.Ordinal));

    private static string Scenario(string name) => TidyScenarios.All[name].Text + PackageScenarios.Modules + "\n" + TidyScenarios.Modules;

    internal static Dictionary<string, byte[]> ProxyFiles(string proxyDir) =>
        Directory.EnumerateFiles(proxyDir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => "/" + Path.GetRelativePath(proxyDir, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes);

    internal static ProcessResult GoTidy(string main, string home, string proxyUrl, IEnumerable<string> flags) =>
        GoOracle.Run(main, home, new Dictionary<string, string?>
        {
            ["GOPROXY"] = proxyUrl,
            ["GOFLAGS"] = "-modcacherw -mod=mod",
            ["GONOSUMDB"] = "*",
            ["GOSUMDB"] = "off",
        }, ["mod", "tidy", .. flags]);

    internal static RestoreOptions Options(string main, string modCache, string proxyUrl) => new()
    {
        ModFile = Path.Combine(main, "go.mod"),
        Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = modCache, ["GOPROXY"] = proxyUrl, ["GOSUMDB"] = "off", ["GONOSUMDB"] = "*" },
        GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
    };

    internal static TidyOptions Flags(IEnumerable<string> flags)
    {
        var o = new TidyOptions();
        foreach (var f in flags)
        {
            if (f == "-e") o = o with { AllowErrors = true };
            else if (f == "-v") o = o with { Verbose = true };
            else if (f.StartsWith("-compat=", StringComparison.Ordinal)) o = o with { Compat = f["-compat=".Length..] };
            else if (f.StartsWith("-go=", StringComparison.Ordinal)) o = o with { Go = f["-go=".Length..] };
            else throw new ArgumentException(f);
        }
        return o;
    }

    /// <summary>go's stderr without its download progress, the finding runs sorted (go queries in parallel).</summary>
    internal static string Messages(string stderr) => string.Join("\n", PackageGraphDifferentialTests.SortFindingRuns(
        stderr.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("go: downloading ", StringComparison.Ordinal))));

    internal static string State(string main) =>
        $"--- go.mod\n{BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.mod"))}--- go.sum\n{BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.sum"))}";

    /// <summary>What some scenarios exist to show, in go's own result (so that a changed module set cannot hollow them out).</summary>
    private static readonly Dictionary<string, string> Facts = new()
    {
        ["compat-mismatch-fails"] = "loaded from example.com/compat/version@v1.1.0,\n\tbut go 1.16 would select v1.2.0",
        ["compat-mismatch-with-e"] = "but go 1.16 would select v1.2.0",
        ["compat-default-keeps-go-1.16-sums"] = "example.com/compat/version v1.0.1/go.mod",
        ["dependency-test-only-module"] = "\texample.com/t v1.0.0 // indirect\n",
        ["dependency-build-tags"] = "\texample.com/w v1.0.0 // indirect\n",
        ["goos-file-suffixes"] = "\texample.com/w v1.0.0\n",
        ["import-nobody-provides-with-e"] = "require example.com/c v1.0.0\n",
        ["indirect-go-1.16"] = "require (\n\texample.com/a v1.0.0\n\texample.com/c v1.0.0\n\texample.com/t v1.0.0 // indirect\n)",
        ["no-go-line"] = "\ngo 1.19\n",
        ["comments-kept"] = "// The one thing we need.\n// a is imported.\nrequire example.com/a v1.0.0 // keep me\n",
        ["missing-import"] = "go: found example.com/a in example.com/a v1.1.0",
        ["unpruned-alt-module-kept"] = "\texample.com/alt v1.0.0 // indirect\n",
        ["missing-import-latest-retracted"] = "require example.com/ret v1.0.0\n",
    };

    [GoTheory]
    [MemberData(nameof(Names))]
    public Task Tidy_writes_what_go_mod_tidy_writes_and_check_says_whether_it_would(string name) =>
        CompareWithGoAsync(name, Scenario(name), TidyScenarios.All[name].Flags, Facts, GoTidy, stderr => stderr, Flags(TidyScenarios.All[name].Flags), "go 1.19");

    /// <summary>
    /// The comparison of both differential tests: <paramref name="goTidy"/> tidies the materialized scenario; then, from
    /// the same starting files, our GoModTidyCheck must change nothing and our tidy must give go's go.mod, go.sum, exit
    /// status and messages (<paramref name="goStdErr"/> filters go's). The check fails (GOMOD0307) exactly when go's tidy
    /// changed a file and passes silently otherwise; when go's tidy fails, so does the check, with the load's error
    /// rather than a verdict. <paramref name="facts"/> say what a scenario exists to show, in go's own result.
    /// </summary>
    internal static async Task CompareWithGoAsync(string name, string scenario, IReadOnlyList<string> flags, IReadOnlyDictionary<string, string> facts,
        Func<string, string, string, IEnumerable<string>, ProcessResult> goTidy, Func<string, string> goStdErr, TidyOptions options, string oracle)
    {
        using var tmp = new TempDirectory("tidy");
        var (proxyDir, main) = ProxyScenario.Parse(scenario).Materialize(tmp.Path);
        await using var proxy = new TestProxyServer(ProxyFiles(proxyDir));
        var original = BuildListDifferentialTests.SnapshotMain(main);
        var before = State(main);

        var go = goTidy(main, tmp.Combine("home"), proxy.Url, flags);
        // Messages name package directories in each side's own module cache.
        var goCache = Path.Combine(tmp.Combine("home"), "gopath", "pkg", "mod");
        var expected = $"exit {(go.ExitCode == 0 ? 0 : 1)}\n{State(main)}\n--- stderr\n{Messages(goStdErr(go.StdErr.Replace(goCache, "$GOMODCACHE", StringComparison.Ordinal)))}";
        bool goChanged = State(main) != before;
        // The scenarios say what go does with them: "-fails" ones fail, every other one succeeds.
        (go.ExitCode != 0).ShouldBe(name.EndsWith("-fails", StringComparison.Ordinal), go.StdErr);

        if (facts.TryGetValue(name, out var fact) && !expected.Contains(fact, StringComparison.Ordinal))
            throw new Xunit.Sdk.XunitException($"the scenario no longer shows what it is for: go's result lacks\n{fact}\n===== go:\n{expected}");

        BuildListDifferentialTests.RestoreMain(main, original);
        var check = await ModuleTidyCommand.RunAsync(Options(main, tmp.Combine("checkcache"), proxy.Url), options, check: true, CancellationToken.None);
        State(main).ShouldBe(before, "GoModTidyCheck changed go.mod or go.sum");

        var ours = await ModuleTidyCommand.RunAsync(Options(main, tmp.Combine("ourcache"), proxy.Url), options, check: false, CancellationToken.None);
        var actual = $"exit {ours.Output.ExitCode}\n{State(main)}\n--- stderr\n{Messages(ours.Output.StdErr.Replace(tmp.Combine("ourcache"), "$GOMODCACHE", StringComparison.Ordinal))}";
        if (actual != expected)
            throw new Xunit.Sdk.XunitException($"go mod tidy {string.Join(" ", flags)} differs from {oracle}'s.\n===== go:\n{expected}\n===== ours:\n{actual}\n{string.Join("\n", ours.Diagnostics)}\n=====");

        if (go.ExitCode == 0)
        {
            check.Succeeded.ShouldBe(!goChanged, string.Join("\n", check.Diagnostics));
            if (goChanged) check.Diagnostics.Where(d => d.IsError).Select(d => d.Code).ShouldBe(["GOMOD0307"]);
            else check.Diagnostics.ShouldBeEmpty();
        }
        else
        {
            check.Succeeded.ShouldBeFalse();
            check.Diagnostics.ShouldNotContain(d => d.Code == "GOMOD0307");
        }
    }

    [GoTheory]
    [InlineData("missing-import")]
    [InlineData("indirect-go-1.16")]
    [InlineData("compat-default-keeps-go-1.16-sums")]
    [InlineData("dependency-test-only-module")]
    [InlineData("comments-kept")]
    public async Task Tidy_of_what_go_mod_tidy_wrote_changes_nothing_and_the_check_passes(string name)
    {
        using var tmp = new TempDirectory("tidy2");
        var (proxyDir, main) = ProxyScenario.Parse(Scenario(name)).Materialize(tmp.Path);
        await using var proxy = new TestProxyServer(ProxyFiles(proxyDir));
        GoTidy(main, tmp.Combine("home"), proxy.Url, TidyScenarios.All[name].Flags).ExitCode.ShouldBe(0);
        var tidy = State(main);

        var check = await ModuleTidyCommand.RunAsync(Options(main, tmp.Combine("ourcache"), proxy.Url), new TidyOptions(), check: true, CancellationToken.None);
        check.Succeeded.ShouldBeTrue(string.Join("\n", check.Diagnostics));
        check.Diagnostics.ShouldBeEmpty();
        var ours = await ModuleTidyCommand.RunAsync(Options(main, tmp.Combine("ourcache"), proxy.Url), new TidyOptions(), check: false, CancellationToken.None);
        ours.Output.GoMod.ShouldBeNull();
        ours.Output.GoSum.ShouldBeNull();
        State(main).ShouldBe(tidy);
    }
}
