using GoMod.Core.ModFile;
using GoMod.Core.Packages;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Mvs;
using GoMod.Core.Tests.Tidy;
using GoMod.Core.Tests.Vendor;
using GoMod.Core.Tidy;
using GoMod.Testing;

namespace GoMod.Core.Tests.Packages;

/// <summary>
/// The go.mod directives that change package loading, which the installed oracles (go 1.19, go 1.23) cannot parse, so
/// these tests follow the Go Modules Reference and compare with what the oracle does on an equivalent module:
/// <list type="bullet">
/// <item><c>tool</c> (Go 1.24+): a main module's tool packages are always in <c>all</c>, so tidy keeps (and adds) the
/// requirements they need, as indirect ones, and <c>go mod vendor</c> copies them; go before 1.24 did the same for a
/// <c>tools.go</c> file importing them, except that those requirements were direct.</item>
/// <item><c>ignore</c> (Go 1.25+): the directories it names are left out of <c>./...</c> and <c>all</c>, so a build
/// and tidy behave as go before 1.25 did with those directories absent.</item>
/// </list>
/// </summary>
public sealed class ToolAndIgnoreDirectiveTests
{
    private const string MainGo = "-- main.go --\npackage main\n\nfunc main() {}\n";

    private static string Scenario(string main) => main + PackageScenarios.Modules;

    // ---- ignore: which directories a directive names (the cases of go's own list_ignore script) ----

    [Theory]
    [InlineData("./foo", "foo", true)]
    [InlineData("./foo", "foo/secret", true)]
    [InlineData("./foo", "pkg/foo", false)]
    [InlineData("foo", "foo", true)]
    [InlineData("foo", "pkg/foo", true)]
    [InlineData("foo", "foo/secret", true)]
    [InlineData("foo", "pkg/fo", false)]
    [InlineData("foo", "food", false)]
    [InlineData("fo", "pkg/fo", true)]
    [InlineData("fo", "pkg/foo", false)]
    [InlineData("bar", "foo/secret", false)]
    [InlineData("pkg/foo", "pkg/foo", true)]
    [InlineData("pkg/foo", "a/pkg/foo/b", true)]
    [InlineData("pkg/foo", "foo/secret", false)]
    [InlineData("/pkg/foo/", "pkg/foo", true)]
    [InlineData("./pkg/foo/", "pkg/foo", true)]
    [InlineData("./pkg/foo/", "pkg/fo", false)]
    [InlineData("foo", "", false)]
    public void An_ignore_directive_names_whole_path_elements_per_the_go_1_25_modules_reference(string directive, string dir, bool ignored) =>
        IgnoredDirectories.From([directive]).Ignores(dir).ShouldBe(ignored);

    // ---- ignore: tidy and the build's package load ----

    /// <summary>
    /// Tidy of a module whose go.mod ignores <c>./node_modules</c> and <c>gen</c> (at any depth), where only the ignored
    /// directories import example.com/c and example.com/w and <c>pkg/gen2</c> (not ignored: whole elements only) imports
    /// example.com/t: go 1.23's tidy of the same module without those directories (and without the directive, which it
    /// cannot parse) gives the same requirements and go.sum.
    /// </summary>
    [LaterGoFact]
    public async Task Go_1_25_tidy_leaves_out_ignored_directories_as_go_1_23_does_when_they_are_absent()
    {
        const string goMod = "-- go.mod --\nmodule example.com/main\n\ngo 1.23\n";
        const string kept = MainGo + "-- pkg/gen2/g.go --\npackage gen2\n\nimport _ \"example.com/t\"\n";
        const string ignoredFiles = "-- node_modules/x/x.go --\npackage x\n\nimport _ \"example.com/c\"\n"
            + "-- pkg/gen/g.go --\npackage gen\n\nimport _ \"example.com/w\"\n";
        await using var run = await TidyBothAsync("ignore-tidy", goMod + kept, goMod + "\nignore (\n\t./node_modules\n\tgen\n)\n" + kept + ignoredFiles);
        var (goMain, ourMain) = (run.GoMain, run.OurMain);

        var goFile = ReadMod(goMain);
        var ourFile = ReadMod(ourMain);
        Requirements(ourFile).ShouldBe(Requirements(goFile));
        Requirements(goFile).ShouldContain("example.com/t v1.0.0 // indirect=False");
        File.ReadAllText(Path.Combine(ourMain, "go.sum")).ShouldBe(File.ReadAllText(Path.Combine(goMain, "go.sum")));
        ourFile.Ignore.ShouldBe(["./node_modules", "gen"]);
    }

    /// <summary>
    /// The restore loads the build's packages (<c>./...</c>): a directory the go.mod ignores is not among them, so an
    /// import there of a module nobody serves fails nothing; without the directive the same tree fails on it.
    /// </summary>
    [Fact]
    public async Task A_go_1_25_build_does_not_load_packages_of_ignored_directories()
    {
        const string tree = "-- main.go --\npackage main\n\nimport _ \"example.com/c\"\n\nfunc main() {}\n"
            + "-- node_modules/esbuild/stub.go --\npackage stub\n\nimport _ \"example.com/nobody/pkg\"\n";
        using var tmp = new TempDirectory("ignore-restore");
        var text = "-- go.mod --\nmodule example.com/main\n\ngo 1.25\n\nignore ./node_modules\n\nrequire example.com/c v1.0.0\n" + tree;
        var (proxyDir, main) = ProxyScenario.Parse(Scenario(text)).Materialize(tmp.Path);
        await using var proxy = new TestProxyServer(TidyDifferentialTests.ProxyFiles(proxyDir));

        var ignored = await new ModuleRestorer().RestoreAsync(
            VendorRestoreDifferentialTests.Options(main, tmp.Combine("cache1"), proxy.Url, vendor: false, mode: "mod"), CancellationToken.None);
        ignored.Succeeded.ShouldBeTrue(string.Join("\n", ignored.Diagnostics));
        // Nothing the load read lies there: the build's up-to-date check may leave it out of its walk.
        ignored.IgnoredDirectories.ShouldBe([Path.Combine(main, "node_modules")]);

        var goModPath = Path.Combine(main, "go.mod");
        File.WriteAllText(goModPath, File.ReadAllText(goModPath).Replace("ignore ./node_modules\n", "", StringComparison.Ordinal));
        var notIgnored = await new ModuleRestorer().RestoreAsync(
            VendorRestoreDifferentialTests.Options(main, tmp.Combine("cache2"), proxy.Url, vendor: false, mode: "mod"), CancellationToken.None);
        notIgnored.Succeeded.ShouldBeFalse();
        string.Join("\n", notIgnored.Diagnostics).ShouldContain("example.com/nobody/pkg");
    }

    /// <summary>
    /// What the restore tells the build's up-to-date check it may leave out: the top-level directories an ignore
    /// directive names with no loaded package inside. An ignored directory a package imports from still loads (the
    /// directive changes matching only), so it stays watched; a deeper ignored directory is not top-level.
    /// </summary>
    [Fact]
    public async Task The_restore_lists_the_ignored_top_level_directories_it_loaded_nothing_from()
    {
        const string text = "-- go.mod --\nmodule example.com/main\n\ngo 1.25\n\nignore (\n\tgen\n\t./tools\n)\n"
            + "-- main.go --\npackage main\n\nimport _ \"example.com/main/gen\"\n\nfunc main() {}\n"
            + "-- gen/gen.go --\npackage gen\n-- tools/t.go --\npackage tools\n-- pkg/gen/g.go --\npackage gen\n";
        using var tmp = new TempDirectory("ignore-listed");
        var (proxyDir, main) = ProxyScenario.Parse(Scenario(text)).Materialize(tmp.Path);
        await using var proxy = new TestProxyServer(TidyDifferentialTests.ProxyFiles(proxyDir));

        var result = await new ModuleRestorer().RestoreAsync(
            VendorRestoreDifferentialTests.Options(main, tmp.Combine("cache"), proxy.Url, vendor: false), CancellationToken.None);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.IgnoredDirectories.ShouldBe([Path.Combine(main, "tools")]);
    }

    // ---- tool ----

    /// <summary>
    /// Tidy of a module whose only use of example.com/a is <c>tool example.com/a</c>: go 1.23's tidy of the same module
    /// with a <c>tools.go</c> importing example.com/a instead gives the same requirements and go.sum, except that the
    /// tool's module is an indirect requirement (no package of the main module imports it), as <c>go get -tool</c> writes it.
    /// </summary>
    [LaterGoFact]
    public async Task Go_1_24_tidy_keeps_what_tools_need_as_go_1_23_kept_a_tools_go_import()
    {
        const string goMod = "-- go.mod --\nmodule example.com/main\n\ngo 1.23\n";
        const string toolsGo = "-- tools.go --\n//go:build tools\n\npackage main\n\nimport _ \"example.com/a\"\n";
        await using var run = await TidyBothAsync("tool-tidy", goMod + MainGo + toolsGo, goMod + "\ntool example.com/a\n" + MainGo);
        var (goMain, ourMain) = (run.GoMain, run.OurMain);

        var goFile = ReadMod(goMain);
        var expected = Requirements(goFile).Select(r => r.StartsWith("example.com/a ", StringComparison.Ordinal) ? r.Replace("indirect=False", "indirect=True") : r).ToList();
        expected.ShouldContain(r => r.StartsWith("example.com/a ", StringComparison.Ordinal));
        expected.ShouldContain(r => r.StartsWith("example.com/b ", StringComparison.Ordinal));
        Requirements(ReadMod(ourMain)).ShouldBe(expected);
        File.ReadAllText(Path.Combine(ourMain, "go.sum")).ShouldBe(File.ReadAllText(Path.Combine(goMain, "go.sum")));
        ReadMod(ourMain).Tool.ShouldBe(["example.com/a"]);

        // Tidy again: nothing changes, and the check agrees.
        var before = TidyDifferentialTests.State(ourMain);
        var check = await run.TidyOursAsync(check: true);
        check.Succeeded.ShouldBeTrue(string.Join("\n", check.Diagnostics));
        TidyDifferentialTests.State(ourMain).ShouldBe(before);
    }

    /// <summary>
    /// <c>go mod vendor</c> copies the packages of <c>all</c>, tools included: our vendor/ of a module with
    /// <c>tool example.com/a</c> is go 1.19's vendor/ of the same module with a <c>tools.go</c> importing it.
    /// </summary>
    [GoFact]
    public async Task Go_1_24_vendor_copies_tool_packages_as_go_1_19_copied_a_tools_go_import()
    {
        const string toolsGo = "-- tools.go --\n//go:build tools\n\npackage main\n\nimport _ \"example.com/a\"\n";
        await using var run = new VendorOracleRun(Scenario("-- go.mod --\nmodule example.com/main\n\ngo 1.17\n" + MainGo + toolsGo));
        run.GoVendor().EnsureSuccess("go mod vendor");
        // Our copy names the tool in go.mod instead of importing it.
        File.Delete(Path.Combine(run.OurMain, "tools.go"));
        var goModPath = Path.Combine(run.OurMain, "go.mod");
        File.WriteAllText(goModPath, File.ReadAllText(goModPath).Replace("\ngo 1.17\n", "\ngo 1.17\n\ntool example.com/a\n", StringComparison.Ordinal));

        var result = await new ModuleRestorer().RestoreAsync(
            VendorRestoreDifferentialTests.Options(run.OurMain, run.OurModCache, run.ProxyUrl, vendor: true), CancellationToken.None);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        var goTree = VendorOracleRun.Tree(Path.Combine(run.GoMain, "vendor"));
        goTree.Keys.ShouldContain("example.com/a/a.go");
        VendorOracleRun.Diff(goTree, VendorOracleRun.Tree(Path.Combine(run.OurMain, "vendor"))).ShouldBeEmpty();
    }

    /// <summary>
    /// The two sides of a tidy comparison, each materialized with <see cref="PackageScenarios.Modules"/> behind one
    /// loopback proxy: go 1.23 has tidied <paramref name="goTree"/>'s main module and we <paramref name="ourTree"/>'s,
    /// both successfully.
    /// </summary>
    private static async Task<TidyRun> TidyBothAsync(string name, string goTree, string ourTree)
    {
        var tmp = new TempDirectory(name);
        var (goProxy, goMain) = ProxyScenario.Parse(Scenario(goTree)).Materialize(tmp.Combine("go"));
        var (_, ourMain) = ProxyScenario.Parse(Scenario(ourTree)).Materialize(tmp.Combine("ours"));
        var run = new TidyRun(tmp, new TestProxyServer(TidyDifferentialTests.ProxyFiles(goProxy)), goMain, ourMain);
        var go = LaterGoOracle.Run(goMain, tmp.Combine("home"), new Dictionary<string, string?>
        {
            ["GOPROXY"] = run.Proxy.Url,
            ["GOFLAGS"] = "-modcacherw -mod=mod",
            ["GONOSUMDB"] = "*",
            ["GOSUMDB"] = "off",
        }, "mod", "tidy");
        go.ExitCode.ShouldBe(0, go.StdErr);
        var ours = await run.TidyOursAsync(check: false);
        ours.Output.ExitCode.ShouldBe(0, ours.Output.StdErr);
        return run;
    }

    private sealed record TidyRun(TempDirectory Tmp, TestProxyServer Proxy, string GoMain, string OurMain) : IAsyncDisposable
    {
        public Task<CommandResult> TidyOursAsync(bool check) =>
            ModuleTidyCommand.RunAsync(TidyDifferentialTests.Options(OurMain, Tmp.Combine("ourcache"), Proxy.Url), new TidyOptions(), check, CancellationToken.None);

        public async ValueTask DisposeAsync()
        {
            await Proxy.DisposeAsync();
            Tmp.Dispose();
        }
    }

    private static GoModFile ReadMod(string main) => GoModFile.Parse("go.mod", File.ReadAllText(Path.Combine(main, "go.mod")));

    private static List<string> Requirements(GoModFile f) => f.Require.Select(r => $"{r.Path} {r.Version} // indirect={r.Indirect}").ToList();
}
