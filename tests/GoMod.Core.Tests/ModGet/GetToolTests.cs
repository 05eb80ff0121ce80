using GoMod.Core.ModFile;
using GoMod.Core.ModGet;
using GoMod.Core.ModSource;
using GoMod.Core.Reports;
using GoMod.Core.Tests.Mvs;
using GoMod.Core.Tests.Packages;
using GoMod.Testing;

namespace GoMod.Core.Tests.ModGet;

/// <summary>
/// go get's tool support (Go 1.24+): <c>-tool</c> adds a <c>tool</c> line for each package it names (removes it with
/// <c>@none</c>), and the <c>tool</c> pattern stands for the main module's tools. No oracle here reads tool lines (go
/// 1.19 rejects them), so, following the Go Modules Reference, each case compares with go 1.19's <c>go get</c> of the
/// same packages on the same module without the tool lines: the requirements, go.sum, messages and exit code are
/// what go wrote, and go.mod is go's plus (or minus) the tool lines, placed as go 1.24's go.mod writer places them.
/// </summary>
public sealed class GetToolTests
{
    private const string MainGo = "-- main.go --\npackage main\n\nfunc main() {}\n";

    private const string GoMod = "-- go.mod --\nmodule example.com/main\n\ngo 1.17\n";

    /// <summary>A main module materialized once, copied for our side, with go 1.19 behind the same proxy.</summary>
    private sealed class Pair : IDisposable
    {
        private readonly TempDirectory _tmp;
        private readonly string _proxy;
        private readonly GoProxyRun _go;

        public Pair(string name, string mainTree)
        {
            _tmp = new TempDirectory(name);
            (_proxy, GoMain) = ProxyScenario.Parse(mainTree + PackageScenarios.Modules).Materialize(_tmp.Path);
            OurMain = _tmp.Combine("ours");
            CopyTree(GoMain, OurMain);
            _go = new GoProxyRun(_proxy, _tmp.Combine("home"));
        }

        public string GoMain { get; }

        public string OurMain { get; }

        /// <summary>Brings both copies to the state go 1.19's <c>go get</c> of <paramref name="args"/> leaves.</summary>
        public void Prepare(params string[] args)
        {
            _go.Run(GoMain, ["get", .. args]).EnsureSuccess("go get " + string.Join(' ', args));
            foreach (var f in new[] { "go.mod", "go.sum" })
                if (File.Exists(Path.Combine(GoMain, f))) File.Copy(Path.Combine(GoMain, f), Path.Combine(OurMain, f), overwrite: true);
        }

        /// <summary>Gives our copy's go.mod these tool lines (go's copy cannot have them).</summary>
        public void AddToolLines(params string[] tools)
        {
            var path = Path.Combine(OurMain, "go.mod");
            var file = GoModFile.Parse(path, File.ReadAllText(path));
            foreach (var t in tools) file.AddTool(t);
            File.WriteAllText(path, file.Format());
        }

        /// <summary>
        /// Our go get of <paramref name="ourArgs"/> on our copy, then go 1.19's go get of <paramref name="goArgs"/> on
        /// its copy: exit code, stderr (less download progress), go.mod and go.sum of each.
        /// </summary>
        public async Task<(State Go, State Ours, GoOutput Result)> RunAsync(string[] ourArgs, bool tool, string[] goArgs, string upgrade = "")
        {
            var result = await GoGet.RunAsync(OurMain, new DirectoryModuleSource(_proxy), ourArgs, upgrade, tool: tool);
            var ours = new State(result.ExitCode, result.StdErr, result.GoMod ?? Read(OurMain, "go.mod"), result.GoSum ?? Read(OurMain, "go.sum"));
            string[] flags = upgrade switch { "upgrade" => ["-u"], "patch" => ["-u=patch"], _ => [] };
            var go = _go.Run(GoMain, ["get", .. flags, .. goArgs]);
            var stderr = string.Concat(go.StdErr.Split('\n').Where(l => !l.StartsWith("go: downloading ", StringComparison.Ordinal)).Select(l => l + "\n"))[..^1];
            return (new State(go.ExitCode, stderr, Read(GoMain, "go.mod"), Read(GoMain, "go.sum")), ours, result);
        }

        public void Dispose() => _tmp.Dispose();

        private static string? Read(string dir, string name) => File.Exists(Path.Combine(dir, name)) ? File.ReadAllText(Path.Combine(dir, name)) : null;

        private static void CopyTree(string from, string to)
        {
            foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
                Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
            Directory.CreateDirectory(to);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
                File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    private sealed record State(int ExitCode, string StdErr, string? GoMod, string? GoSum);

    private static IReadOnlyList<string> Tools(string? goMod) => GoModFile.Parse("go.mod", goMod!).Tool;

    /// <summary>Our go.mod without its tool lines, as our writer formats it.</summary>
    private static string WithoutTools(string? goMod)
    {
        var file = GoModFile.Parse("go.mod", goMod!);
        foreach (var t in file.Tool) file.DropTool(t);
        file.Cleanup();
        return file.Format();
    }

    /// <summary>Everything but go.mod's tool lines is what go 1.19 wrote for the same packages without <c>-tool</c>.</summary>
    private static void ShouldMatchGoApartFromTools(State go, State ours)
    {
        go.ExitCode.ShouldBe(0, go.StdErr);
        ours.ExitCode.ShouldBe(go.ExitCode, ours.StdErr);
        ours.StdErr.ShouldBe(go.StdErr);
        ours.GoSum.ShouldBe(go.GoSum);
        WithoutTools(ours.GoMod).ShouldBe(go.GoMod);
    }

    [GoFact]
    public async Task Go_1_24_get_tool_adds_a_tool_line_and_the_requirements_go_get_adds_for_the_package()
    {
        using var p = new Pair("get-tool-add", GoMod + MainGo);

        var (go, ours, _) = await p.RunAsync(["example.com/b/other@v1.0.0"], tool: true, ["example.com/b/other@v1.0.0"]);

        ShouldMatchGoApartFromTools(go, ours);
        go.GoMod!.ShouldContain("example.com/b v1.0.0 // indirect");
        // go 1.24 adds the tool lines before it writes the requirements: the line follows the go line.
        ours.GoMod.ShouldBe(go.GoMod!.Replace("\ngo 1.17\n", "\ngo 1.17\n\ntool example.com/b/other\n", StringComparison.Ordinal));
    }

    [GoFact]
    public async Task Go_1_25_get_tool_adds_a_line_for_every_package_named_not_only_the_last()
    {
        using var p = new Pair("get-tool-many", GoMod + MainGo);

        var (go, ours, _) = await p.RunAsync(["example.com/t", "example.com/a/sub"], tool: true, ["example.com/t", "example.com/a/sub"]);

        ShouldMatchGoApartFromTools(go, ours);
        Tools(ours.GoMod).ShouldBe(["example.com/a/sub", "example.com/t"]);
    }

    [GoFact]
    public async Task Go_1_24_get_tool_of_a_main_module_directory_names_its_import_path()
    {
        const string gen = "-- cmd/gen/main.go --\npackage main\n\nimport _ \"example.com/t\"\n\nfunc main() {}\n";
        using var p = new Pair("get-tool-local", GoMod + MainGo + gen);

        var (go, ours, _) = await p.RunAsync(["./cmd/gen"], tool: true, ["./cmd/gen"]);

        ShouldMatchGoApartFromTools(go, ours);
        go.GoMod!.ShouldContain("example.com/t v1.0.0");
        Tools(ours.GoMod).ShouldBe(["example.com/main/cmd/gen"]);
    }

    /// <summary>
    /// <c>@none</c> of a tool that is a package inside its module removes the tool line only: the argument names no
    /// module, so the requirement stays (as go 1.19's go get of the same argument keeps it).
    /// </summary>
    [GoFact]
    public async Task Go_1_24_get_tool_none_removes_the_tool_line_and_keeps_the_module_of_a_package_tool()
    {
        using var p = new Pair("get-tool-drop", GoMod + MainGo);
        p.Prepare("example.com/a/sub@v1.1.0");
        p.AddToolLines("example.com/a/sub");

        var (go, ours, result) = await p.RunAsync(["example.com/a/sub@none"], tool: true, ["example.com/a/sub@none"]);

        ShouldMatchGoApartFromTools(go, ours);
        result.GoMod.ShouldNotBeNull("go.mod is rewritten though its requirements keep their meaning");
        Tools(ours.GoMod).ShouldBeEmpty();
        go.GoMod!.ShouldContain("example.com/a v1.1.0 // indirect");
        ours.GoMod.ShouldBe(go.GoMod);
    }

    [GoFact]
    public async Task Go_1_24_get_tool_none_of_a_module_tool_removes_the_line_and_the_module()
    {
        using var p = new Pair("get-tool-drop-mod", GoMod + MainGo);
        p.Prepare("example.com/a@v1.0.0");
        p.AddToolLines("example.com/a");

        var (go, ours, _) = await p.RunAsync(["example.com/a@none"], tool: true, ["example.com/a@none"]);

        ShouldMatchGoApartFromTools(go, ours);
        ours.StdErr.ShouldContain("go: removed example.com/a v1.0.0");
        Tools(ours.GoMod).ShouldBeEmpty();
    }

    /// <summary>The <c>tool</c> pattern is every tool of the main module at the argument's version (here @upgrade).</summary>
    [GoTheory]
    [InlineData("")]
    [InlineData("upgrade")]
    public async Task Go_1_24_get_tool_pattern_upgrades_each_tool_as_naming_them_does(string upgrade)
    {
        using var p = new Pair("get-tool-pattern", GoMod + MainGo);
        p.Prepare("example.com/a@v1.0.0", "example.com/t@v1.0.0");
        p.AddToolLines("example.com/a", "example.com/t");

        var (go, ours, _) = await p.RunAsync(["tool"], tool: false, ["example.com/a", "example.com/t"], upgrade);

        ShouldMatchGoApartFromTools(go, ours);
        ours.StdErr.ShouldContain("go: upgraded example.com/a v1.0.0 => v1.1.0");
        Tools(ours.GoMod).ShouldBe(["example.com/a", "example.com/t"]);
    }

    /// <summary>go's <c>updateTools</c> refuses meta-patterns (checked after resolution, so nothing is written).</summary>
    [Fact]
    public async Task Go_1_24_get_tool_refuses_the_tool_pattern_and_writes_nothing()
    {
        using var tmp = new TempDirectory("get-tool-meta");
        var (proxy, main) = ProxyScenario.Parse(GoMod + "\ntool example.com/t\n\nrequire example.com/t v1.0.0 // indirect\n" + MainGo + PackageScenarios.Modules).Materialize(tmp.Path);
        var before = File.ReadAllText(Path.Combine(main, "go.mod"));

        var result = await GoGet.RunAsync(main, new DirectoryModuleSource(proxy), ["tool"], tool: true);

        result.ExitCode.ShouldBe(1);
        result.StdErr.ShouldEndWith("go: go get -tool does not work with \"tool\".\n");
        result.GoMod.ShouldBeNull();
        result.GoSum.ShouldBeNull();
        result.Failures.ShouldHaveSingleItem().ShouldBeOfType<GoGetException>();
        File.ReadAllText(Path.Combine(main, "go.mod")).ShouldBe(before);
    }
}
