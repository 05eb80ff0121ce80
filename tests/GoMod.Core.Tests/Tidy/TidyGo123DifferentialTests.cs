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

    private static string State(string main) => TidyDifferentialTests.State(main);

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
    public Task Tidy_of_go_1_21_modules_writes_what_the_go_1_23_oracle_mod_tidy_writes_and_check_says_whether_it_would(string name) =>
        TidyDifferentialTests.CompareWithGoAsync(name, Scenario(name), TidyGo121Scenarios.All[name].Flags, Facts, GoTidy, WithoutUsage,
            TidyDifferentialTests.Flags(TidyGo121Scenarios.All[name].Flags) with { LocalToolchain = OracleVersion.Value }, "go " + OracleVersion.Value);

    /// <summary>
    /// Go 1.25 stopped writing its own version as the toolchain line when it raises the go line (golang/go#65847;
    /// no installed go is that new): with the local toolchain at 1.25.0 our tidy writes what go 1.23's tidy writes
    /// without its <c>toolchain go1.23.x</c> line, and the same go.sum; below 1.25 the line stays (the theory above).
    /// </summary>
    [LaterGoFact]
    public async Task Go_1_25_tidy_raises_the_go_line_without_naming_its_own_toolchain()
    {
        const string name = "dependency-go-line-raises-go-and-adds-toolchain";
        using var tmp = new TempDirectory("tidy125");
        var (proxyDir, goMain) = ProxyScenario.Parse(Scenario(name)).Materialize(tmp.Combine("go"));
        var (_, ourMain) = ProxyScenario.Parse(Scenario(name)).Materialize(tmp.Combine("ours"));
        await using var proxy = new TestProxyServer(TidyDifferentialTests.ProxyFiles(proxyDir));
        GoTidy(goMain, tmp.Combine("home"), proxy.Url, TidyGo121Scenarios.All[name].Flags).ExitCode.ShouldBe(0);
        var goMod = File.ReadAllText(Path.Combine(goMain, "go.mod"));
        goMod.ShouldContain("\ntoolchain go" + OracleVersion.Value.Replace("go", "", StringComparison.Ordinal) + "\n");

        var ours = await ModuleTidyCommand.RunAsync(TidyDifferentialTests.Options(ourMain, tmp.Combine("ourcache"), proxy.Url),
            new TidyOptions { LocalToolchain = "1.25.0" }, check: false, CancellationToken.None);

        ours.Succeeded.ShouldBeTrue(string.Join("\n", ours.Diagnostics));
        File.ReadAllText(Path.Combine(ourMain, "go.mod")).ShouldBe(System.Text.RegularExpressions.Regex.Replace(goMod, "\ntoolchain go[^\n]*\n", ""));
        File.ReadAllText(Path.Combine(ourMain, "go.sum")).ShouldBe(File.ReadAllText(Path.Combine(goMain, "go.sum")));
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
        await using var proxy = new TestProxyServer(TidyDifferentialTests.ProxyFiles(proxyDir));
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

    /// <summary>A main module importing a and c (a brings b) whose requirements sit in commented blocks.</summary>
    private static string CommentedBlocks(string go) => $$"""
        -- go.mod --
        module example.com/main

        go {{go}}

        require example.com/c v1.0.0

        // The library itself.
        require (
        	example.com/a v1.0.0
        )

        // Came with a.
        require (
        	example.com/b v1.0.0 // indirect
        )
        -- main.go --
        package main

        import (
        	_ "example.com/a"
        	_ "example.com/c"
        )

        func main() {}

        """ + PackageScenarios.Modules + "\n" + TidyScenarios.Modules + "\n" + TidyGo121Scenarios.Modules;

    /// <summary>
    /// Go 1.27's tidy merges a go 1.27 module's require blocks into one direct and one indirect block, their comments
    /// kept above them (golang/go#56471; no installed go is that new), and leaves a go 1.26 module's commented blocks
    /// alone as every go since 1.17 does: with the local toolchain at 1.27.0, the go 1.26 module gets what go 1.23's tidy
    /// writes (its go line aside), the go 1.27 module the same requirements in two blocks, and both go 1.23's go.sum.
    /// </summary>
    [LaterGoFact]
    public async Task Go_1_27_tidy_merges_require_blocks_of_go_1_27_modules_only()
    {
        using var tmp = new TempDirectory("tidy127");
        var (proxyDir, goMain) = ProxyScenario.Parse(CommentedBlocks("1.23")).Materialize(tmp.Combine("go"));
        await using var proxy = new TestProxyServer(TidyDifferentialTests.ProxyFiles(proxyDir));
        GoTidy(goMain, tmp.Combine("home"), proxy.Url, []).ExitCode.ShouldBe(0);
        var goMod = File.ReadAllText(Path.Combine(goMain, "go.mod"));
        var goSum = File.ReadAllText(Path.Combine(goMain, "go.sum"));
        // go 1.23 keeps the commented blocks (collapsed to lines) and adds t, which a's test imports, in a block of its own.
        goMod.ShouldContain("\n// The library itself.\nrequire example.com/a v1.0.0\n\n// Came with a.\nrequire example.com/b v1.0.0 // indirect\n");
        goMod.ShouldContain("\nrequire example.com/t v1.0.0 // indirect\n");

        var results = new Dictionary<string, string>();
        foreach (var go in new[] { "1.26", "1.27" })
        {
            var (_, main) = ProxyScenario.Parse(CommentedBlocks(go)).Materialize(tmp.Combine("ours" + go));
            var ours = await ModuleTidyCommand.RunAsync(TidyDifferentialTests.Options(main, tmp.Combine("ourcache" + go), proxy.Url),
                new TidyOptions { LocalToolchain = "1.27.0" }, check: false, CancellationToken.None);
            ours.Succeeded.ShouldBeTrue(string.Join("\n", ours.Diagnostics));
            File.ReadAllText(Path.Combine(main, "go.sum")).ShouldBe(goSum);
            results[go] = File.ReadAllText(Path.Combine(main, "go.mod"));
        }

        results["1.26"].ShouldBe(goMod.Replace("\ngo 1.23\n", "\ngo 1.26\n", StringComparison.Ordinal));
        results["1.27"].ShouldBe("""
            module example.com/main

            go 1.27

            // The library itself.
            require (
            	example.com/a v1.0.0
            	example.com/c v1.0.0
            )

            // Came with a.
            require (
            	example.com/b v1.0.0 // indirect
            	example.com/t v1.0.0 // indirect
            )

            """);
        Core.ModFile.GoModFile.Parse("go.mod", results["1.27"]).Require.OrderBy(r => r.Path, StringComparer.Ordinal)
            .ShouldBe(Core.ModFile.GoModFile.Parse("go.mod", goMod).Require.OrderBy(r => r.Path, StringComparer.Ordinal), "go 1.23's requirements");
    }
}
