using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Mvs;
using GoMod.Core.Tests.Packages;
using GoMod.Core.Tidy;
using GoMod.Testing;

namespace GoMod.Core.Tests.Tidy;

/// <summary>
/// Our go mod tidy of main modules whose go line is 1.21 or later (or that <c>-go=</c> moves) against the go 1.23 oracle
/// (<see cref="LaterGoOracle"/>, GOTOOLCHAIN=local) running <c>go mod tidy</c> on the same authored module through a
/// loopback HTTP proxy: go.mod and go.sum byte for byte, the exit status and go's messages (the <c>go: downloading</c>
/// progress aside); the local toolchain is the oracle's own version. GoModTidyCheck fails exactly when go 1.23's tidy
/// changed a file.
/// </summary>
public class TidyGo123DifferentialTests
{
    public static TheoryData<string> Names => new(TidyGo121Scenarios.All.Keys.Order(StringComparer.Ordinal));

    private static string Scenario(string name) =>
        TidyGo121Scenarios.All[name].Text + PackageScenarios.Modules + "\n" + TidyScenarios.Modules + "\n" + TidyGo121Scenarios.Modules;

    private static readonly Lazy<string> OracleVersion = new(() =>
    {
        using var tmp = new TempDirectory("gover");
        var r = LaterGoOracle.Run(tmp.Path, tmp.Path, null, "env", "GOVERSION");
        r.ExitCode.ShouldBe(0, r.StdErr);
        return r.StdOut.Trim();
    });

    private static ProcessResult GoTidy(string main, string home, string proxyUrl, IEnumerable<string> flags) =>
        LaterGoOracle.Run(main, home, new Dictionary<string, string?>
        {
            ["GOPROXY"] = proxyUrl,
            ["GOFLAGS"] = "-modcacherw -mod=mod",
            ["GONOSUMDB"] = "*",
            ["GOSUMDB"] = "off",
        }, ["mod", "tidy", .. flags]);

    /// <summary>go's flag errors end with its usage text, which the SDK (an MSBuild property, not a flag) does not print.</summary>
    private static string WithoutUsage(string stderr) => string.Join("\n", stderr.Split('\n')
        .Where(l => !l.StartsWith("usage: go mod tidy ", StringComparison.Ordinal) && l != "Run 'go help mod tidy' for details."));

    private static string State(string main) =>
        $"--- go.mod\n{BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.mod"))}--- go.sum\n{BuildListDifferentialTests.ReadOrNull(Path.Combine(main, "go.sum"))}";

    /// <summary>What some scenarios exist to show, in go's own result (so that a changed module set cannot hollow them out).</summary>
    private static readonly Dictionary<string, string> Facts = new()
    {
        ["dependency-go-line-raises-go-and-adds-toolchain"] = "\ngo 1.22.1\n\ntoolchain go1.",
        ["dropped-requirement-still-raised-the-go-line"] = "\ngo 1.22.1\n",
        ["pruned-dependency-requirement-not-read"] = "\ngo 1.22\n\nrequire",
        ["unpruned-dependency-requirement-read"] = "\ngo 1.22.1\n",
        ["dependency-go-1.21.0-above-go-1.21"] = "\ngo 1.21.0\n",
        ["dependency-go-1.21rc1-above-go-1.21"] = "\ngo 1.21rc1\n",
        ["toolchain-line-kept"] = "\ntoolchain go1.22.3\n",
        ["toolchain-line-below-raised-go-line"] = "\ngo 1.22.1\n\nrequire",
        ["main-go-line-too-new-fails"] = "go.mod requires go >= " + TidyGo121Scenarios.TooNew,
        ["required-package-module-too-new-fails"] = "go: example.com/g99@v1.0.0 requires go >= ",
        ["required-unused-module-too-new-fails"] = "go: module example.com/g99@v1.0.0 requires go >= ",
        ["missing-import-module-too-new-fails"] = "go: toolchain upgrade needed to resolve example.com/g99",
        ["go-flag-below-dependency-fails"] = "example.com/g22@v1.0.0 requires go@1.22.1, but 1.21 is requested",
        ["go-flag-indirectly-below-dependency-fails"] = "indirectly requires go@1.22.1, but 1.22 is requested",
        ["compat-1.16-mismatch-fails"] = "but go 1.16 would select v1.2.0",
        ["compat-1.16-keeps-go-1.16-sums"] = "example.com/compat/version v1.0.1/go.mod",
        ["verbose-unused"] = "unused example.com/a\nunused example.com/g22",
        ["reference-missing-import"] = "example.com/a v1.1.0/go.mod",
    };

    [LaterGoTheory]
    [MemberData(nameof(Names))]
    public async Task Tidy_of_go_1_21_modules_writes_what_the_go_1_23_oracle_mod_tidy_writes_and_check_says_whether_it_would(string name)
    {
        using var tmp = new TempDirectory("tidy123");
        var (proxyDir, main) = ProxyScenario.Parse(Scenario(name)).Materialize(tmp.Path);
        await using var proxy = new TestProxyServer(Directory.EnumerateFiles(proxyDir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => "/" + Path.GetRelativePath(proxyDir, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes));
        var flags = TidyGo121Scenarios.All[name].Flags;
        var original = BuildListDifferentialTests.SnapshotMain(main);
        var before = State(main);

        var go = GoTidy(main, tmp.Combine("home"), proxy.Url, flags);
        var goCache = Path.Combine(tmp.Combine("home"), "gopath", "pkg", "mod");
        var expected = $"exit {(go.ExitCode == 0 ? 0 : 1)}\n{State(main)}\n--- stderr\n{TidyDifferentialTests.Messages(WithoutUsage(go.StdErr.Replace(goCache, "$GOMODCACHE", StringComparison.Ordinal)))}";
        bool goChanged = State(main) != before;
        (go.ExitCode != 0).ShouldBe(name.EndsWith("-fails", StringComparison.Ordinal), go.StdErr);
        if (Facts.TryGetValue(name, out var fact) && !expected.Contains(fact, StringComparison.Ordinal))
            throw new Xunit.Sdk.XunitException($"the scenario no longer shows what it is for: go's result lacks\n{fact}\n===== go:\n{expected}");

        var options = TidyDifferentialTests.Flags(flags) with { LocalToolchain = OracleVersion.Value };
        BuildListDifferentialTests.RestoreMain(main, original);
        var check = await ModuleTidyCommand.RunAsync(TidyDifferentialTests.Options(main, tmp.Combine("checkcache"), proxy.Url), options, check: true, CancellationToken.None);
        State(main).ShouldBe(before, "GoModTidyCheck changed go.mod or go.sum");

        var ours = await ModuleTidyCommand.RunAsync(TidyDifferentialTests.Options(main, tmp.Combine("ourcache"), proxy.Url), options, check: false, CancellationToken.None);
        var actual = $"exit {ours.Output.ExitCode}\n{State(main)}\n--- stderr\n{TidyDifferentialTests.Messages(ours.Output.StdErr.Replace(tmp.Combine("ourcache"), "$GOMODCACHE", StringComparison.Ordinal))}";
        if (actual != expected)
            throw new Xunit.Sdk.XunitException($"go mod tidy {string.Join(" ", flags)} differs from go {OracleVersion.Value}'s.\n===== go:\n{expected}\n===== ours:\n{actual}\n{string.Join("\n", ours.Diagnostics)}\n=====");

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

    [LaterGoTheory]
    [InlineData("dependency-go-line-raises-go-and-adds-toolchain")]
    [InlineData("reference-dependency-test-module-in-graph")]
    [InlineData("toolchain-line-kept")]
    [InlineData("go-flag-lowers")]
    public async Task Tidy_of_what_the_go_1_23_oracle_wrote_changes_nothing_and_the_check_passes(string name)
    {
        using var tmp = new TempDirectory("tidy123b");
        var (proxyDir, main) = ProxyScenario.Parse(Scenario(name)).Materialize(tmp.Path);
        await using var proxy = new TestProxyServer(Directory.EnumerateFiles(proxyDir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => "/" + Path.GetRelativePath(proxyDir, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes));
        GoTidy(main, tmp.Combine("home"), proxy.Url, TidyGo121Scenarios.All[name].Flags).ExitCode.ShouldBe(0);
        var tidy = State(main);

        var options = new TidyOptions { LocalToolchain = OracleVersion.Value };
        var check = await ModuleTidyCommand.RunAsync(TidyDifferentialTests.Options(main, tmp.Combine("ourcache"), proxy.Url), options, check: true, CancellationToken.None);
        check.Succeeded.ShouldBeTrue(string.Join("\n", check.Diagnostics));
        check.Diagnostics.ShouldBeEmpty();
        var ours = await ModuleTidyCommand.RunAsync(TidyDifferentialTests.Options(main, tmp.Combine("ourcache"), proxy.Url), options, check: false, CancellationToken.None);
        ours.Output.GoMod.ShouldBeNull();
        ours.Output.GoSum.ShouldBeNull();
        State(main).ShouldBe(tidy);
    }
}
