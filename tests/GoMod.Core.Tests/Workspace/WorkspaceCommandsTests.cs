using GoMod.Core.Restore;
using GoMod.Core.Tests.Mvs;
using GoMod.Testing;

namespace GoMod.Core.Tests.Workspace;

/// <summary>
/// The SDK's go commands (GoModList, GoModGraph, GoModGet) run from a module of a workspace, against go 1.19 run in
/// that module's directory: go list -m and go mod graph follow workspace mode (go.work.sum written as go writes it);
/// go 1.19's go get does not read go.work, so GoModGet edits the module's own go.mod and go.sum as go does.
/// </summary>
public sealed class WorkspaceCommandsTests
{
    private const string Scenario = """
        -- go.work --
        go 1.19

        use (
        	./a
        	./b
        )
        -- a/go.mod --
        module example.com/a

        go 1.19

        require example.com/x v1.0.0
        -- a/go.sum --
        example.com/x v1.0.0/go.mod {h1:example.com/x@v1.0.0}
        -- b/go.mod --
        module example.com/b

        go 1.19

        require example.com/x v1.1.0
        -- example.com/x@v1.0.0 --
        go 1.17
        -- example.com/x@v1.0.0/x.go --
        package x
        -- example.com/x@v1.1.0 --
        go 1.17

        require example.com/y v1.0.0
        -- example.com/x@v1.1.0/x.go --
        package x
        -- example.com/y@v1.0.0 --
        go 1.17
        -- example.com/y@v1.0.0/y.go --
        package y
        """;

    private static RestoreOptions Options(string proxy, string home, string goMod) => new()
    {
        ModFile = goMod,
        Settings = new Dictionary<string, string?>
        {
            ["GOMODCACHE"] = Path.Combine(home, "modcache"),
            ["GOPROXY"] = new Uri(proxy + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/'),
            ["GOSUMDB"] = "off",
        },
        GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
    };

    [GoFact]
    public async Task GoModList_and_GoModGraph_in_a_module_of_a_workspace_equal_go()
    {
        using var tmp = new TempDirectory("wsc");
        var (proxy, dir) = WorkspaceDifferentialTests.Materialize(Scenario, tmp.Path);
        var a = Path.Combine(dir, "a");
        var original = BuildListDifferentialTests.SnapshotMain(dir);

        var goGraph = WorkspaceDifferentialTests.RunGo(proxy, tmp.Combine("gohome"), a, "mod", "graph");
        var goList = WorkspaceDifferentialTests.RunGo(proxy, tmp.Combine("gohome"), a, "list", "-m", "all");
        goList.StdOut.ShouldBe("example.com/a\nexample.com/b\nexample.com/x v1.1.0\nexample.com/y v1.0.0\n");
        var goWorkSum = File.ReadAllText(Path.Combine(dir, "go.work.sum"));
        BuildListDifferentialTests.RestoreMain(dir, original);

        var options = Options(proxy, tmp.Combine("home"), Path.Combine(a, "go.mod"));
        var graph = await ModuleCommands.GraphAsync(options, CancellationToken.None);
        BuildListDifferentialTests.Compare("go mod graph", goGraph, graph.Output);
        var list = await ModuleCommands.ListAsync(options, json: false, CancellationToken.None);
        BuildListDifferentialTests.Compare("go list -m all", goList, list.Output);
        File.ReadAllText(Path.Combine(dir, "go.work.sum")).ShouldBe(goWorkSum);
        File.ReadAllBytes(Path.Combine(a, "go.sum")).ShouldBe(original[Path.Combine(a, "go.sum")]);
    }

    [GoFact]
    public async Task GoModGet_in_a_workspace_edits_the_module_it_runs_in_as_go_1_19_does()
    {
        using var tmp = new TempDirectory("wsc");
        var (proxy, dir) = WorkspaceDifferentialTests.Materialize(Scenario, tmp.Path);
        var a = Path.Combine(dir, "a");
        var original = BuildListDifferentialTests.SnapshotMain(dir);

        WorkspaceDifferentialTests.RunGo(proxy, tmp.Combine("gohome"), a, "get", "example.com/y@v1.0.0").EnsureSuccess("go get");
        var after = BuildListDifferentialTests.SnapshotMain(dir);
        BuildListDifferentialTests.RestoreMain(dir, original);

        var get = await ModuleCommands.GetAsync(Options(proxy, tmp.Combine("home"), Path.Combine(a, "go.mod")), ["example.com/y@v1.0.0"], "", CancellationToken.None);
        get.Succeeded.ShouldBeTrue(get.Output.StdErr);
        var ours = BuildListDifferentialTests.SnapshotMain(dir);
        ours.Keys.Order(StringComparer.Ordinal).ShouldBe(after.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, data) in after) System.Text.Encoding.UTF8.GetString(ours[file]).ShouldBe(System.Text.Encoding.UTF8.GetString(data), file);
    }
}
