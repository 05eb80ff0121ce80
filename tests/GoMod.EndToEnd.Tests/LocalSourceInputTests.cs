using GoMod.Core.GoBuild;
using GoMod.Testing;
using static GoMod.EndToEnd.Tests.TestProject;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// The local Go code is an input of the restore, as it is of go build: a Go file that starts importing a module the
/// restore had not fetched makes the next build fetch it (before, the restore was skipped and go, run offline by
/// GoBuild, failed with "module lookup disabled"); an edit below the imports runs the restore task, which finds nothing
/// to do; a removed Go file restores again; an edited go.mod of a directory replacement restores again and fails as go
/// does (before, the build succeeded on the old build list).
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class LocalSourceInputTests(SdkPackage sdk)
{
    private const string Skipped = "Skipping target \"GoModRestore\" because all output files are up-to-date";
    private const string Ran = "Task \"GoModRestore\"";
    private const string NothingToDo = "are unchanged since the last restore";

    /// <summary>The sample's program, which imports example.com/Shout and example.com/greeting.</summary>
    private static string SampleMain => File.ReadAllText(Repo.Combine("samples/hello/main.go"));

    /// <summary>The same program without example.com/Shout: the restore fetches greeting and what it imports only.</summary>
    private static string GreetingOnlyMain => SampleMain
        .Replace("\tshout \"example.com/Shout\"\n", "")
        .Replace("shout.Loud(greeting.Hello(\"gophers\"))", "greeting.Hello(\"gophers\")");

    private static string ShoutDir(TestProject p) => Path.Combine(p.ModCache, "example.com", "!shout@v0.2.0");

    /// <summary>
    /// Writes an edited file, newer than what the last build wrote (a build takes seconds; a time in the future would
    /// keep the file newer than the next restore's stamp too).
    /// </summary>
    private static void Edit(TestProject p, string file, string content)
    {
        var stamp = File.GetLastWriteTimeUtc(p.Combine("obj", "gomodule.csproj.gomod.cache"));
        p.Write(file, content);
        File.GetLastWriteTimeUtc(p.Combine(file)).ShouldBeGreaterThan(stamp);
    }

    /// <summary>
    /// A program whose decorate.go (<c>!cgo</c>) prints "(no cgo) " before the greeting and whose decorate_cgo.go
    /// (<c>import "C"</c>) shouts it with example.com/Shout, which nothing else imports.
    /// </summary>
    private static void WriteCgoProgram(TestProject p)
    {
        p.Write("main.go", "package main\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/greeting\"\n)\n\nfunc main() { fmt.Println(decorate(greeting.Hello(\"gophers\"))) }\n");
        p.Write("decorate.go", "//go:build !cgo\n\npackage main\n\nfunc decorate(s string) string { return \"(no cgo) \" + s }\n");
        p.Write("decorate_cgo.go", "package main\n\nimport \"C\"\n\nimport shout \"example.com/Shout\"\n\nfunc decorate(s string) string { return shout.Loud(s) }\n");
    }

    [GoFact]
    public void A_Go_file_that_starts_importing_a_required_module_makes_the_next_build_fetch_it_and_go_builds_the_program()
    {
        using var p = Standalone(sdk).WithModules();
        p.Write("main.go", GreetingOnlyMain);
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");
        Directory.Exists(ShoutDir(p)).ShouldBeFalse("the package load of the first build never reaches example.com/Shout");

        Edit(p, "main.go", SampleMain);
        var (second, log) = p.DotnetWithLog(GoInputs.Env(), "build");

        second.EnsureSuccess("build after the import was added");
        CountOf(log, Ran).ShouldBeGreaterThanOrEqualTo(1);
        Directory.Exists(ShoutDir(p)).ShouldBeTrue();
        var exe = p.Combine("bin", "Debug", "net10.0", "gomodule");
        ProcessRunner.Run(exe, [], p.Directory, null).EnsureSuccess("the program").StdOut.ShouldBe("HELLO, GOPHERS!!\n");

        // Nothing changed since: both phases skip the target again.
        var (third, thirdLog) = p.DotnetWithLog(GoInputs.Env(), "build");
        third.EnsureSuccess("no-op build");
        CountOf(thirdLog, Skipped).ShouldBe(2);
        CountOf(thirdLog, Ran).ShouldBe(0);
    }

    [Fact]
    public void A_new_Go_file_with_an_import_fetches_its_module_and_removing_it_restores_again()
    {
        using var p = Standalone(sdk, PrintModulesTarget + "<PropertyGroup><GoBuild>false</GoBuild></PropertyGroup>").WithModules();
        p.Write("main.go", GreetingOnlyMain);
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");
        Directory.Exists(ShoutDir(p)).ShouldBeFalse();

        Edit(p, "loud/loud.go", "package loud\n\nimport _ \"example.com/Shout\"\n");
        var (second, secondLog) = p.DotnetWithLog(GoInputs.Env(), "build");
        second.EnsureSuccess("build after loud.go was added");
        CountOf(secondLog, Ran).ShouldBeGreaterThanOrEqualTo(1);
        secondLog.ShouldNotContain(NothingToDo);
        Directory.Exists(ShoutDir(p)).ShouldBeTrue();

        // A removed file leaves every remaining file older than the last restore: the list of files changed.
        File.Delete(p.Combine("loud", "loud.go"));
        var (third, thirdLog) = p.DotnetWithLog(GoInputs.Env(), "build");
        third.EnsureSuccess("build after loud.go was removed");
        CountOf(thirdLog, Ran).ShouldBe(1);
        thirdLog.ShouldNotContain(NothingToDo);
    }

    /// <summary>
    /// A project (GoBuild off) whose go.mod says <c>ignore ./node_modules</c> and whose node_modules holds a Go package,
    /// built once.
    /// </summary>
    private TestProject BuiltIgnoringNodeModules()
    {
        var p = Standalone(sdk, PrintModulesTarget + "<PropertyGroup><GoBuild>false</GoBuild></PropertyGroup>")
            .WithModules(GoInputs.GoMod() + "\nignore ./node_modules\n");
        try
        {
            p.Write("main.go", GreetingOnlyMain);
            p.Write("node_modules/esbuild/stub.go", "package stub\n");
            p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");
            return p;
        }
        catch
        {
            p.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Go 1.25's ignore directive (Go Modules Reference): a top-level directory it names is not part of <c>./...</c>, so
    /// the restore loads nothing there, and the no-op check does not walk it (a node_modules is tens of thousands of
    /// files): a Go file there, even one importing a module nobody serves, changes nothing; a file elsewhere still
    /// restores; without the directive the same file fails the build.
    /// </summary>
    [Fact]
    public void A_top_level_directory_go_1_25_ignores_is_neither_loaded_nor_watched()
    {
        using var p = BuiltIgnoringNodeModules();
        File.ReadAllText(p.Combine("obj", "gomodule.csproj.gomod.ignored")).ShouldBe(p.Combine("node_modules") + "\n");

        Edit(p, "node_modules/esbuild/stub.go", "package stub\n\nimport _ \"example.com/nobody/pkg\"\n");
        p.Write("node_modules/esbuild/more.go", "package stub\n");
        var (second, secondLog) = p.DotnetWithLog(GoInputs.Env(), "build");
        second.EnsureSuccess("build after the ignored directory changed");
        CountOf(secondLog, Skipped).ShouldBe(2);
        CountOf(secondLog, Ran).ShouldBe(0);

        Edit(p, "loud/loud.go", "package loud\n\nimport _ \"example.com/Shout\"\n");
        var (third, thirdLog) = p.DotnetWithLog(GoInputs.Env(), "build");
        third.EnsureSuccess("build after loud.go was added");
        CountOf(thirdLog, Ran).ShouldBeGreaterThanOrEqualTo(1);
        Directory.Exists(ShoutDir(p)).ShouldBeTrue();

        Edit(p, "go.mod", File.ReadAllText(p.Combine("go.mod")).Replace("\nignore ./node_modules\n", "\n", StringComparison.Ordinal));
        var (fourth, fourthLog) = p.DotnetWithLog(GoInputs.Env(), "build");
        fourth.ExitCode.ShouldNotBe(0);
        fourthLog.ShouldContain("stub.go(3,8): error GOMOD0310");
    }

    [Fact]
    public void Clean_removes_the_list_of_ignored_directories()
    {
        using var p = BuiltIgnoringNodeModules();
        File.Exists(p.Combine("obj", "gomodule.csproj.gomod.ignored")).ShouldBeTrue();

        p.Dotnet(GoInputs.Env(), "clean").EnsureSuccess("clean");

        Directory.EnumerateFiles(p.Obj, "*.gomod.*").ShouldBeEmpty();
    }

    /// <summary>
    /// An ignored directory still loads when a package outside it imports a package in it (the directive changes
    /// pattern matching only); the no-op check then keeps watching it, so a new import there restores again.
    /// </summary>
    [Fact]
    public void An_ignored_directory_a_package_imports_from_is_still_watched()
    {
        using var p = Standalone(sdk, PrintModulesTarget + "<PropertyGroup><GoBuild>false</GoBuild></PropertyGroup>")
            .WithModules(GoInputs.GoMod() + "\nignore gen\n");
        p.Write("main.go", GreetingOnlyMain.Replace("import (\n", "import (\n\t_ \"example.com/e2e/gen\"\n", StringComparison.Ordinal));
        p.Write("gen/gen.go", "package gen\n");
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");
        File.Exists(p.Combine("obj", "gomodule.csproj.gomod.ignored")).ShouldBeFalse("no directory to leave out of the walk");
        Directory.Exists(ShoutDir(p)).ShouldBeFalse();

        Edit(p, "gen/gen.go", "package gen\n\nimport _ \"example.com/Shout\"\n");
        var (second, log) = p.DotnetWithLog(GoInputs.Env(), "build");
        second.EnsureSuccess("build after gen.go's import was added");
        CountOf(log, Ran).ShouldBeGreaterThanOrEqualTo(1);
        log.ShouldNotContain(NothingToDo);
        Directory.Exists(ShoutDir(p)).ShouldBeTrue();
    }

    /// <summary>
    /// The no-op check leaves out what go's walk never enters: the top-level directories by path (a .git is not walked
    /// at all), deeper ones by pattern. A Go file under .hidden/ or pkg/testdata/, even one importing a module nobody
    /// serves, changes nothing.
    /// </summary>
    [Fact]
    public void Go_files_under_directories_go_never_walks_restore_nothing()
    {
        using var p = Standalone(sdk, PrintModulesTarget + "<PropertyGroup><GoBuild>false</GoBuild></PropertyGroup>").WithModules();
        p.Write("main.go", GreetingOnlyMain);
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");

        Edit(p, ".hidden/x.go", "package x\n\nimport _ \"example.com/nobody/pkg\"\n");
        Edit(p, "_build/x.go", "package x\n\nimport _ \"example.com/nobody/pkg\"\n");
        Edit(p, "pkg/testdata/x.go", "package x\n\nimport _ \"example.com/nobody/pkg\"\n");
        var (second, secondLog) = p.DotnetWithLog(GoInputs.Env(), "build");
        second.EnsureSuccess("build after the files were added");
        CountOf(secondLog, Skipped).ShouldBe(2);
        CountOf(secondLog, Ran).ShouldBe(0);
    }

    [Fact]
    public void An_edit_below_the_imports_runs_the_restore_task_which_finds_nothing_to_do()
    {
        using var p = Standalone(sdk, PrintModulesTarget + "<PropertyGroup><GoBuild>false</GoBuild></PropertyGroup>").WithModules();
        p.Write("main.go", SampleMain);
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");
        var props = p.Combine("obj", "gomodule.csproj.gomod.g.props");
        var propsTime = File.GetLastWriteTimeUtc(props);

        Edit(p, "main.go", SampleMain.Replace("\"gophers\"", "\"edited\""));
        var (second, log) = p.DotnetWithLog(GoInputs.Env(), "build");

        second.EnsureSuccess("build after the edit");
        log.ShouldContain(NothingToDo);
        File.GetLastWriteTimeUtc(props).ShouldBe(propsTime);
    }

    [GoFact]
    public void An_edited_go_mod_of_a_directory_replacement_restores_again_and_fails_where_go_fails()
    {
        // example.com/greeting replaced by a local copy; its go.mod then asks for a newer example.com/words than the
        // main go.mod lists, so go (go 1.17+ pruning) needs go.mod updated.
        using var p = Standalone(sdk, PrintModulesTarget + "<PropertyGroup><GoBuild>false</GoBuild></PropertyGroup>")
            .WithModules(GoInputs.GoMod() + "\nreplace example.com/greeting => ./local\n");
        p.Write("main.go", SampleMain);
        const string localGoMod = "module example.com/greeting\n\ngo 1.17\n\nrequire (\n\texample.com/punct v1.1.0\n\texample.com/words v1.0.0\n)\n";
        p.Write("local/go.mod", localGoMod);
        p.Write("local/greeting.go", "package greeting\n\nimport \"example.com/words\"\n\nfunc Hello(who string) string { return words.Hello + \", \" + who + \"!\" }\n");
        var first = p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");
        Modules(first).Single(m => m[0] == "example.com/greeting")[5].ShouldEndWith("local");

        Edit(p, "local/go.mod", localGoMod.Replace("words v1.0.0", "words v1.1.0"));
        var second = p.Dotnet(GoInputs.Env(), "build");

        second.ExitCode.ShouldNotBe(0, second.StdOut);
        second.StdOut.ShouldContain("error GOMOD0305: updates to go.mod needed");
        using var home = new TempDirectory("gohome");
        var go = GoOracle.Run(p.Directory, home.Path, new Dictionary<string, string?>
        {
            ["GOMODCACHE"] = p.ModCache, ["GOFLAGS"] = "-mod=readonly", ["GOPROXY"] = "off",
        }, "list", "-m", "all");
        go.ExitCode.ShouldNotBe(0);
        go.StdErr.ShouldContain("updates to go.mod needed");
    }

    [Fact]
    public void A_directory_replacement_outside_the_module_is_watched_and_a_build_with_nothing_changed_skips_both_phases()
    {
        // go.mod in mod/ (GoModFile), greeting replaced by ../local: outside the main module's tree, so only the roots
        // file the restore writes makes its Go files inputs.
        using var p = Standalone(sdk, PrintModulesTarget + "<PropertyGroup><GoBuild>false</GoBuild><GoModFile>mod/go.mod</GoModFile></PropertyGroup>");
        p.Write("mod/go.mod", GoInputs.GoMod() + "\nreplace example.com/greeting => ../local\n\nreplace example.com/words => ../words\n");
        p.Write("mod/go.sum", GoInputs.GoSum);
        p.Write("mod/main.go", GreetingOnlyMain);
        p.Write("local/go.mod", "module example.com/greeting\n\ngo 1.17\n\nrequire (\n\texample.com/punct v1.1.0\n\texample.com/words v1.0.0\n)\n");
        const string greeting = "package greeting\n\nimport \"example.com/words\"\n\nfunc Hello(who string) string { return words.Hello + \", \" + who + \"!\" }\n";
        p.Write("local/greeting.go", greeting);
        p.Write("words/go.mod", "module example.com/words\n\ngo 1.17\n\nrequire example.com/punct v1.1.0\n");
        const string words = "package words\n\nimport \"example.com/punct\"\n\nconst Hello = \"Hello\"\n\nfunc Sentence(s string) string { return punct.End(s) }\n";
        p.Write("words/words.go", words);
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");
        File.ReadAllText(p.Combine("obj", "gomodule.csproj.gomod.roots")).ShouldBe(p.Combine("local") + "\n" + p.Combine("words") + "\n");
        Directory.Exists(ShoutDir(p)).ShouldBeFalse();

        var (noOp, noOpLog) = p.DotnetWithLog(GoInputs.Env(), "build");
        noOp.EnsureSuccess("no-op build");
        CountOf(noOpLog, Skipped).ShouldBe(2);
        CountOf(noOpLog, Ran).ShouldBe(0);

        // The second root of the roots file: the words replacement starts importing example.com/Shout.
        Edit(p, "words/words.go", words.Replace("import \"example.com/punct\"", "import (\n\t\"example.com/punct\"\n\t_ \"example.com/Shout\"\n)"));
        var (edited, editedLog) = p.DotnetWithLog(GoInputs.Env(), "build");
        edited.EnsureSuccess("build after the replacement's import was added");
        editedLog.ShouldNotContain(NothingToDo);
        Directory.Exists(ShoutDir(p)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("loud_windows.go", "package main\n\nimport _ \"example.com/Shout\"\n", "-p:GoOS=windows")]
    [InlineData("loud_windows.go", "package main\n\nimport _ \"example.com/Shout\"\n", "-p:RuntimeIdentifier=win-x64")]
    [InlineData("loud.go", "//go:build loud\n\npackage main\n\nimport _ \"example.com/Shout\"\n", "-p:GoTags=loud")]
    public void The_restore_loads_the_files_of_the_platform_and_tags_GoBuild_builds_for(string file, string content, string property)
    {
        using var p = Standalone(sdk, PrintModulesTarget + "<PropertyGroup><GoBuild>false</GoBuild></PropertyGroup>").WithModules();
        p.Write("main.go", GreetingOnlyMain);
        p.Write(file, content);
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("build for this machine");
        Directory.Exists(ShoutDir(p)).ShouldBeFalse($"{file} is not built for this machine without {property}");

        var (other, log) = p.DotnetWithLog(GoInputs.Env(), "build", property);

        other.EnsureSuccess($"build with {property}");
        CountOf(log, Ran).ShouldBeGreaterThanOrEqualTo(1);
        Directory.Exists(ShoutDir(p)).ShouldBeTrue($"go build with {property} imports example.com/Shout");
    }

    [LaterGoFact]
    public void Go_1_20_rule_with_go_1_23_a_C_compiler_appearing_on_PATH_restores_for_cgo_and_the_program_builds_with_it()
    {
        // go 1.20 and later turn cgo off by default where no C compiler is found (CC unset, no gcc on PATH). GoBuild
        // runs go 1.23 here: first with a PATH of dotnet's directory only (cgo off: decorate.go), then with /usr/bin
        // (gcc) on PATH too. PATH is a restore input, so the second build loads decorate_cgo.go and fetches
        // example.com/Shout, which only it imports; go builds it offline.
        GoToolchain.OnPath("gcc", Environment.GetEnvironmentVariable).ShouldNotBeNull("the test needs gcc (CI installs it)");
        var dotnet = GoToolchain.OnPath("dotnet", Environment.GetEnvironmentVariable).ShouldNotBeNull();
        var dotnetDir = Path.GetDirectoryName(new FileInfo(dotnet).ResolveLinkTarget(true)?.FullName ?? dotnet)!;
        File.Exists(Path.Combine(dotnetDir, "gcc")).ShouldBeFalse($"dotnet's directory {dotnetDir} must not hold gcc");
        using var p = Standalone(sdk, $"<PropertyGroup><GoToolchainPath>{LaterGoOracle.Path}</GoToolchainPath></PropertyGroup>").WithModules();
        WriteCgoProgram(p);
        var exe = p.Combine("bin", "Debug", "net10.0", "gomodule");

        p.Dotnet(GoInputs.Env(("PATH", dotnetDir), ("CC", null)), "build").EnsureSuccess("build without a C compiler on PATH");
        Directory.Exists(ShoutDir(p)).ShouldBeFalse("go 1.23 without a C compiler builds without cgo, and nothing else imports example.com/Shout");
        ProcessRunner.Run(exe, [], p.Directory, null).EnsureSuccess("the program without cgo").StdOut.ShouldStartWith("(no cgo) ");

        var (build, log) = p.DotnetWithLog(GoInputs.Env(("PATH", dotnetDir + Path.PathSeparator + "/usr/bin"), ("CC", null)), "build");

        build.EnsureSuccess("build with gcc on PATH");
        CountOf(log, Ran).ShouldBeGreaterThanOrEqualTo(1);
        Directory.Exists(ShoutDir(p)).ShouldBeTrue("with gcc on PATH go 1.23 builds decorate_cgo.go, which imports example.com/Shout");
        ProcessRunner.Run(exe, [], p.Directory, null).EnsureSuccess("the program with cgo").StdOut.ShouldBe("HELLO, GOPHERS!!\n");
    }

    public static TheoryData<string, string, string[], string[]> UserBuildCases => new()
    {
        { "loud_windows.go", "package main\n\nimport _ \"example.com/Shout\"\n", [], ["file:GOOS=windows"] },
        { "loud.go", "//go:build loud\n\npackage main\n\nimport _ \"example.com/Shout\"\n", [], ["GOFLAGS=-tags=loud"] },
        { "loud.go", "//go:build loud\n\npackage main\n\nimport _ \"example.com/Shout\"\n", [], ["file:GOFLAGS=-tags=loud"] },
        // go's default cgo (a C compiler is on PATH here: CI installs gcc) after CGO_ENABLED=0.
        { "loud_cgo.go", "package main\n\nimport \"C\"\n\nimport _ \"example.com/Shout\"\n", ["CGO_ENABLED=0"], [] },
        // A goexperiment tag: GOEXPERIMENT from the environment or the go env file is a restore input.
        { "loud.go", "//go:build goexperiment.fieldtrack\n\npackage main\n\nimport _ \"example.com/Shout\"\n", [], ["GOEXPERIMENT=fieldtrack"] },
        { "loud.go", "//go:build goexperiment.fieldtrack\n\npackage main\n\nimport _ \"example.com/Shout\"\n", [], ["file:GOEXPERIMENT=fieldtrack"] },
    };

    [Theory]
    [MemberData(nameof(UserBuildCases))]
    public void With_GoBuild_off_the_restore_loads_for_the_users_go_build_with_the_environment_and_the_go_env_file(string file, string content,
        string[] before, string[] after)
    {
        using var p = Standalone(sdk, PrintModulesTarget + "<PropertyGroup><GoBuild>false</GoBuild></PropertyGroup>").WithModules();
        p.Write("main.go", GreetingOnlyMain);
        p.Write(file, content);
        Dictionary<string, string?> Env(string[] vars)
        {
            var env = GoInputs.Env(("CGO_ENABLED", null), ("GOFLAGS", null), ("GOOS", null), ("GOARCH", null), ("GOEXPERIMENT", null));
            var fileVars = vars.Where(v => v.StartsWith("file:", StringComparison.Ordinal)).Select(v => v[5..]).ToList();
            if (fileVars.Count > 0) env["GOENV"] = p.Write("go.env", string.Join("\n", fileVars) + "\n");
            foreach (var v in vars.Where(v => !v.StartsWith("file:", StringComparison.Ordinal))) env[v[..v.IndexOf('=')]] = v[(v.IndexOf('=') + 1)..];
            return env;
        }
        p.Dotnet(Env(before), "build").EnsureSuccess("first build");
        Directory.Exists(ShoutDir(p)).ShouldBeFalse($"{file} is not built with {string.Join(' ', before)}");

        var (other, log) = p.DotnetWithLog(Env(after), "build");

        other.EnsureSuccess($"build with {string.Join(' ', after)}");
        CountOf(log, Ran).ShouldBeGreaterThanOrEqualTo(1);
        Directory.Exists(ShoutDir(p)).ShouldBeTrue($"go build with {string.Join(' ', after)} imports example.com/Shout");
    }

    [GoFact]
    public void A_C_library_s_cgo_file_imports_are_fetched_because_GoBuild_turns_cgo_on_for_it()
    {
        // GoBuildMode=c-shared builds with cgo: calc.go (import "C") is part of the package, and so is its import of
        // example.com/Shout, which nothing else imports (lib.go, without cgo, imports greeting only).
        using var p = Standalone(sdk, "<PropertyGroup><GoBuildMode>c-shared</GoBuildMode><GoOutputName>calc</GoOutputName></PropertyGroup>").WithModules();
        p.Write("lib.go", "package main\n\nimport \"example.com/greeting\"\n\nfunc hello() string { return greeting.Hello(\"cgo\") }\n");
        p.Write("calc.go", "package main\n\nimport \"C\"\n\nimport shout \"example.com/Shout\"\n\n//export GoLength\nfunc GoLength() C.int { return C.int(len(shout.Loud(hello()))) }\n\nfunc main() {}\n");

        var build = p.Dotnet(GoInputs.Env(), "build");

        build.EnsureSuccess("dotnet build of a c-shared library");
        Directory.Exists(ShoutDir(p)).ShouldBeTrue();
        File.Exists(p.Combine("bin", "Debug", "net10.0", "libcalc.so")).ShouldBeTrue(build.StdOut);
    }

    [GoFact]
    public void A_program_s_cgo_file_imports_are_fetched_because_go_builds_with_cgo_on_by_default_where_a_C_compiler_is()
    {
        // go (1.19, and 1.20+ where gcc is on PATH) turns cgo on for this machine's platform when CGO_ENABLED is
        // unset, and GoBuild leaves it to go: decorate_cgo.go (import "C") replaces decorate.go (!cgo), and only it
        // imports example.com/Shout. Before, the restore loaded as with cgo off, never fetched Shout, and go failed
        // offline. With GoCgoEnabled=false the restore does not fetch it, and turning the property off again restores.
        GoToolchain.OnPath("gcc", Environment.GetEnvironmentVariable).ShouldNotBeNull("the test needs gcc (CI installs it)");
        using var p = Standalone(sdk).WithModules();
        WriteCgoProgram(p);
        var exe = p.Combine("bin", "Debug", "net10.0", "gomodule");
        var env = GoInputs.Env(("CGO_ENABLED", "0"), ("GOFLAGS", "-tags=ignored"));

        p.Dotnet(env, "build", "-p:GoCgoEnabled=false").EnsureSuccess("build with cgo off");
        Directory.Exists(ShoutDir(p)).ShouldBeFalse("without cgo nothing imports example.com/Shout");
        ProcessRunner.Run(exe, [], p.Directory, null).EnsureSuccess("the program without cgo").StdOut.ShouldStartWith("(no cgo) ");

        // CGO_ENABLED=0 in the environment does not reach GoBuild's go, so it does not count for the restore either.
        var (build, log) = p.DotnetWithLog(env, "build");

        build.EnsureSuccess("build with go's default cgo");
        CountOf(log, Ran).ShouldBeGreaterThanOrEqualTo(1);
        Directory.Exists(ShoutDir(p)).ShouldBeTrue("go builds decorate_cgo.go, which imports example.com/Shout");
        ProcessRunner.Run(exe, [], p.Directory, null).EnsureSuccess("the program with cgo").StdOut.ShouldBe("HELLO, GOPHERS!!\n");
    }
}
