using GoMod.Testing;
using GoMod.Core.ModGet;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// The restore publishes go's build list (MVS with pruning, the main module's replace and exclude), and the
/// GoModList / GoModGraph / GoModGet targets do what <c>go list -m [-json] all</c>, <c>go mod graph</c> and
/// <c>go get</c> do, byte for byte, on a graph of modules authored here and served from a <c>file://</c> proxy.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class ModuleGraphTests(SdkPackage sdk) : IDisposable
{
    private readonly TempDirectory _proxy = CreateProxy();

    public void Dispose() => _proxy.Dispose();

    private string Proxy => "file://" + _proxy.Path.Replace('\\', '/');

    /// <summary>
    /// a (go 1.19) requires b and an excluded c, and its latest version retracts v1.0.0; b (go 1.16, so its whole closure
    /// is read) requires c; c v1.1.0 requires d; old is replaced by e; x (go 1.16) requires w, which requires a y version
    /// no proxy has.
    /// </summary>
    private static readonly (string Module, string GoMod)[] Sources =
    [
        ("example.net/a@v1.0.0", "module example.net/a\n\ngo 1.19\n\nrequire (\n\texample.net/b v1.0.0\n\texample.net/c v1.2.0\n)\n"),
        ("example.net/a@v1.1.0", "module example.net/a\n\ngo 1.19\n\nrequire example.net/b v1.1.0\n"),
        ("example.net/a@v1.2.0", "module example.net/a\n\ngo 1.19\n\nrequire example.net/b v1.1.0\n\n// Requires an excluded version.\nretract v1.0.0\n"),
        ("example.net/b@v1.0.0", "module example.net/b\n\ngo 1.16\n\nrequire example.net/c v1.0.0\n"),
        ("example.net/b@v1.1.0", "module example.net/b\n\ngo 1.16\n\nrequire example.net/c v1.1.0\n"),
        ("example.net/c@v1.0.0", "module example.net/c\n\ngo 1.19\n"),
        ("example.net/c@v1.1.0", "module example.net/c\n\ngo 1.19\n\nrequire example.net/d v1.0.0\n"),
        ("example.net/c@v1.2.0", "module example.net/c\n\ngo 1.19\n"),
        ("example.net/d@v1.0.0", "module example.net/d\n\ngo 1.19\n"),
        ("example.net/e@v1.0.0", "module example.net/e\n\ngo 1.19\n"),
        ("example.net/x@v1.0.0", "module example.net/x\n\ngo 1.16\n\nrequire example.net/w v1.0.0\n"),
        ("example.net/w@v1.0.0", "module example.net/w\n\ngo 1.16\n\nrequire example.net/y v9.9.9\n"),
        ("example.net/y@v1.0.0", "module example.net/y\n\ngo 1.19\n"),
    ];

    private const string GraphGoMod = """
        module example.com/graph

        go 1.19

        // The modules this project builds with.
        require (
        	example.net/a v1.0.0
        	example.net/old v1.0.0
        )

        require (
        	example.net/b v1.1.0 // indirect
        	example.net/c v1.1.0 // indirect
        	example.net/d v1.0.0 // indirect
        )

        exclude example.net/c v1.2.0

        replace example.net/old v1.0.0 => example.net/e v1.0.0

        """;

    private static TempDirectory CreateProxy()
    {
        using var src = new TempDirectory("graph-src");
        foreach (var (module, goMod) in Sources)
        {
            var name = module[(module.LastIndexOf('/') + 1)..module.IndexOf('@')];
            src.Write(module + "/go.mod", goMod);
            src.Write(module + "/" + name + ".go", $"package {name}\n");
        }
        var proxy = new TempDirectory("graph-proxy");
        SampleProxy.Write(src.Path, proxy.Path);
        return proxy;
    }

    private Dictionary<string, string?> Env() => new() { ["GOPROXY"] = Proxy, ["GONOSUMDB"] = "example.net", ["GOFLAGS"] = "-mod=mod" };

    private ProcessResult Go(string dir, TempDirectory home, string modCache, params string[] args) =>
        GoOracle.Run(dir, home.Path, new Dictionary<string, string?>
        {
            ["GOMODCACHE"] = modCache, ["GOPROXY"] = Proxy, ["GOFLAGS"] = "-mod=mod", ["GONOSUMDB"] = "example.net",
        }, args);

    [GoFact]
    public void List_and_graph_outputs_equal_go_and_the_second_build_is_a_no_op()
    {
        using var p = TestProject.Standalone(sdk);
        using var home = new TempDirectory("gohome");
        p.Write("go.mod", GraphGoMod);

        var build = p.Dotnet(Env(), "build", "-t:Build;GoModList;GoModGraph",
            "-p:GoModListOutput=out/list.txt", "-p:GoModListJsonOutput=out/list.json", "-p:GoModGraphOutput=" + p.Combine("out", "graph.txt"));
        build.EnsureSuccess("dotnet build -t:Build;GoModList;GoModGraph");
        var (second, log) = p.DotnetWithLog(Env(), "build");
        second.EnsureSuccess("second build");
        var goList = Go(p.Directory, home, p.ModCache, "list", "-m", "all").EnsureSuccess("go list -m all");
        var goJson = Go(p.Directory, home, p.ModCache, "list", "-m", "-json", "all").EnsureSuccess("go list -m -json all");
        var goGraph = Go(p.Directory, home, p.ModCache, "mod", "graph").EnsureSuccess("go mod graph");

        File.ReadAllText(p.Combine("out", "list.txt")).ShouldBe(goList.StdOut);
        File.ReadAllText(p.Combine("out", "list.json")).ShouldBe(goJson.StdOut);
        File.ReadAllText(p.Combine("out", "graph.txt")).ShouldBe(goGraph.StdOut);
        goList.StdOut.ShouldContain("example.net/old v1.0.0 => example.net/e v1.0.0\n");
        goList.StdOut.ShouldContain("example.net/c v1.1.0\n");
        // The build list printed by the target is the same text.
        build.StdOut.ShouldContain("  example.net/old v1.0.0 => example.net/e v1.0.0");
        // @(GoModule) is the whole build list; the zips of what go.mod requires are in the cache.
        var modules = TestProject.Modules(second);
        modules.Select(m => m[0]).ShouldBe(goList.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]));
        modules.Single(m => m[0] == "example.net/old")[2].ShouldBe(Path.Combine(p.ModCache, "example.net", "e@v1.0.0"));
        TestProject.CountOf(log, "Skipping target \"GoModRestore\" because all output files are up-to-date").ShouldBe(2);
        log.ShouldNotContain("GoMod: downloading");

        // a@v1.0.0 is retracted: the build warns on its require line in go get's words, and the no-op build replays it.
        using var goCopy = new TempDirectory("gocopy");
        File.Copy(p.Combine("go.mod"), goCopy.Combine("go.mod"));
        File.Copy(p.Combine("go.sum"), goCopy.Combine("go.sum"));
        var goGet = Go(goCopy.Path, home, p.ModCache, "get", "example.net/a@v1.0.0").EnsureSuccess("go get example.net/a@v1.0.0");
        const string goPrefix = "go: warning: ";
        var retracted = goGet.StdErr.Split('\n').Single(l => l.StartsWith(goPrefix, StringComparison.Ordinal))[goPrefix.Length..];
        retracted.ShouldBe("example.net/a@v1.0.0: retracted by module author: Requires an excluded version.");
        var warning = $"{p.Combine("go.mod")}(7,2): warning GOMOD0350: {retracted}";
        build.StdOut.ShouldContain(warning);
        TestProject.CountOf(log, warning).ShouldBe(1);
        TestProject.CountOf(log, "warning GOMOD").ShouldBe(1);
    }

    /// <summary>
    /// GraphGoMod in a project and in a copy: GoModGet with <paramref name="properties"/> through dotnet msbuild on the
    /// project, go get <paramref name="goArgs"/> on the copy, both successful; then <paramref name="check"/>.
    /// </summary>
    private void GetBoth(string[] properties, string[] goArgs, Action<TestProject, TempDirectory> check)
    {
        using var p = TestProject.Standalone(sdk, body: "");
        using var goCopy = new TempDirectory("gocopy");
        using var home = new TempDirectory("gohome");
        p.Write("go.mod", GraphGoMod);
        File.WriteAllText(goCopy.Combine("go.mod"), GraphGoMod);

        // msbuild, not build: no restore of the old go.mod first (with -mod=mod it would add go.sum lines of its own).
        var get = p.Dotnet(Env(), "msbuild", ["-t:GoModGet", .. properties]);
        var go = Go(goCopy.Path, home, home.Combine("modcache"), ["get", .. goArgs]);

        go.EnsureSuccess("go get");
        get.EnsureSuccess("dotnet msbuild -t:GoModGet " + string.Join(' ', properties));
        check(p, goCopy);
    }

    [GoFact]
    public void GoModGet_edits_go_mod_and_go_sum_as_go_get_does() =>
        GetBoth(["-p:GoGet=\"example.net/a@v1.1.0;example.net/old@none\""], ["example.net/a@v1.1.0", "example.net/old@none"], (p, goCopy) =>
        {
            File.ReadAllText(p.Combine("go.mod")).ShouldBe(File.ReadAllText(goCopy.Combine("go.mod")));
            File.ReadAllText(p.Combine("go.sum")).ShouldBe(File.ReadAllText(goCopy.Combine("go.sum")));
            File.ReadAllText(p.Combine("go.mod")).ShouldContain("// The modules this project builds with.");
        });

    /// <summary>
    /// GoGetTool is go get -tool (Go 1.24+): what go 1.19's go get of the same argument writes, plus a tool line, which
    /// go 1.24 appends to the file before it writes the requirements (here after the replace line).
    /// </summary>
    [GoFact]
    public void GoModGet_with_GoGetTool_adds_a_tool_line_to_what_go_get_writes() =>
        GetBoth(["-p:GoGet=example.net/a@v1.1.0", "-p:GoGetTool=true"], ["example.net/a@v1.1.0"], (p, goCopy) =>
        {
            var goMod = File.ReadAllText(goCopy.Combine("go.mod"));
            goMod.ShouldEndWith("replace example.net/old v1.0.0 => example.net/e v1.0.0\n");
            File.ReadAllText(p.Combine("go.mod")).ShouldBe(goMod + "\ntool example.net/a\n");
            File.ReadAllText(p.Combine("go.sum")).ShouldBe(File.ReadAllText(goCopy.Combine("go.sum")));
        });

    [GoFact]
    public void Missing_version_deep_in_the_graph_is_an_error_with_go_s_chain_at_the_go_mod_line()
    {
        using var p = TestProject.Standalone(sdk);
        using var goCopy = new TempDirectory("gocopy");
        using var home = new TempDirectory("gohome");
        const string goMod = "module example.com/broken\n\ngo 1.19\n\nrequire example.net/a v1.0.0\n\nrequire example.net/x v1.0.0\n";
        p.Write("go.mod", goMod);
        File.WriteAllText(goCopy.Combine("go.mod"), goMod);

        var build = p.Dotnet(Env(), "build");
        var go = Go(goCopy.Path, home, home.Combine("modcache"), "list", "-m", "all");

        go.ExitCode.ShouldNotBe(0);
        build.ExitCode.ShouldNotBe(0);
        var chain = go.StdErr.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("go: downloading ", StringComparison.Ordinal))
            .Select(l => l.StartsWith("go: ", StringComparison.Ordinal) ? l[4..] : l).ToList();
        chain[0].ShouldBe("example.net/x@v1.0.0 requires");
        build.StdOut.ShouldContain($"{p.Combine("go.mod")}(7,1): error GOMOD0304: {chain[0]}");
        foreach (var line in chain.Skip(1)) build.StdOut.ShouldContain(line.Trim());
    }
}
