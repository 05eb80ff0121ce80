using GoMod.Core.Restore;
using GoMod.Core.Sum;
using GoMod.Core.Workspace;
using GoMod.Testing;

namespace GoMod.Core.Tests.Workspace;

/// <summary>
/// The restore in workspace mode, from a file:// proxy: each project of a workspace restores against the one workspace
/// build list, go.work.sum gets what go's <c>go mod download</c> in the workspace writes, concurrent restores of two
/// projects leave go.work.sum whole, and GoWork=off restores a module on its own.
/// </summary>
public sealed class WorkspaceRestoreTests
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
        -- a/a.go --
        package a

        import _ "example.com/x"
        -- b/go.mod --
        module example.com/b

        go 1.19

        require (
        	example.com/a v0.1.0
        	example.com/x v1.1.0
        )
        -- b/b.go --
        package b

        import (
        	_ "example.com/a"
        	_ "example.com/x"
        )
        -- example.com/a@v0.1.0 --
        go 1.17

        require example.com/z v1.0.0
        -- example.com/a@v0.1.0/a.go --
        package a
        -- example.com/x@v1.0.0 --
        go 1.17
        -- example.com/x@v1.0.0/x.go --
        package x
        -- example.com/x@v1.1.0 --
        go 1.17

        require example.com/y v1.0.0
        -- example.com/x@v1.1.0/x.go --
        package x

        import _ "example.com/y"
        -- example.com/y@v1.0.0 --
        go 1.17
        -- example.com/y@v1.0.0/y.go --
        package y
        -- example.com/z@v1.0.0 --
        go 1.17
        -- example.com/z@v1.0.0/z.go --
        package z
        """;

    private static RestoreOptions Options(string proxy, string home, string goMod, string? goWork = null) => new()
    {
        ModFile = goMod,
        Settings = new Dictionary<string, string?>
        {
            ["GOMODCACHE"] = Path.Combine(home, "modcache"),
            ["GOPROXY"] = new Uri(proxy + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/'),
            ["GOSUMDB"] = "off",
            ["GOWORK"] = goWork,
        },
        GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
    };

    private static string Versions(RestoreResult r) =>
        string.Join("\n", r.Modules.Select(m => $"{m.Path} {m.Version} main={m.Main} {m.Replace}"));

    [Fact]
    public async Task Two_projects_of_a_workspace_restore_the_same_build_list()
    {
        using var tmp = new TempDirectory("wsr");
        var (proxy, dir) = WorkspaceDifferentialTests.Materialize(Scenario, tmp.Path);
        var home = tmp.Combine("home");

        var a = await new ModuleRestorer().RestoreAsync(Options(proxy, home, Path.Combine(dir, "a", "go.mod")), CancellationToken.None);
        a.Diagnostics.ShouldBeEmpty();
        var b = await new ModuleRestorer().RestoreAsync(Options(proxy, home, Path.Combine(dir, "b", "go.mod")), CancellationToken.None);
        b.Diagnostics.ShouldBeEmpty();

        // Each project's own module comes first; the rest is the workspace's build list for both.
        a.Modules[0].Path.ShouldBe("example.com/a");
        b.Modules[0].Path.ShouldBe("example.com/b");
        var deps = (RestoreResult r) => string.Join("\n", r.Modules.Where(m => !m.Main).Select(m => $"{m.Path}@{m.Version}"));
        // z: required by a@v0.1.0, which b requires (its go.mod is read though the workspace copy of a wins).
        deps(a).ShouldBe("example.com/x@v1.1.0\nexample.com/y@v1.0.0\nexample.com/z@v1.0.0");
        deps(b).ShouldBe(deps(a));
        a.Modules.Where(m => m.Main).Select(m => m.Path).ShouldBe(["example.com/a", "example.com/b"]);
        // go build's set: a builds x (and y, which x v1.1.0 imports); z is in the build list only.
        foreach (var m in a.Modules.Where(m => !m.Main && m.Path != "example.com/z"))
        {
            Directory.Exists(m.Dir).ShouldBeTrue(m.Path);
            m.Sum.ShouldStartWith("h1:");
        }
        a.Modules.Single(m => m.Path == "example.com/z").Dir.ShouldBeEmpty();
        // go.mod and go.sum files are never written in workspace mode.
        File.Exists(Path.Combine(dir, "b", "go.sum")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(dir, "a", "go.sum")).ShouldNotContain("v1.1.0");

        // GoWork=off: module a on its own selects what its go.mod says.
        var off = await new ModuleRestorer().RestoreAsync(Options(proxy, home, Path.Combine(dir, "a", "go.mod"), goWork: "off") with { ModMode = "mod" },
            CancellationToken.None);
        off.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        string.Join("\n", off.Modules.Select(m => $"{m.Path}@{m.Version}")).ShouldBe("example.com/a@\nexample.com/x@v1.0.0");
    }

    [GoFact]
    public async Task Go_work_sum_equals_go_build_s_in_the_module_restored()
    {
        using var tmp = new TempDirectory("wsr");
        var (proxy, dir) = WorkspaceDifferentialTests.Materialize(Scenario, tmp.Path);
        var original = Mvs.BuildListDifferentialTests.SnapshotMain(dir);
        WorkspaceDifferentialTests.RunGo(proxy, tmp.Combine("gohome"), Path.Combine(dir, "b"), "build", "./...").EnsureSuccess("go build ./...");
        var goWorkSum = File.ReadAllText(Path.Combine(dir, "go.work.sum"));
        Mvs.BuildListDifferentialTests.RestoreMain(dir, original);

        var r = await new ModuleRestorer().RestoreAsync(Options(proxy, tmp.Combine("home"), Path.Combine(dir, "b", "go.mod")), CancellationToken.None);
        r.Diagnostics.ShouldBeEmpty();
        File.ReadAllText(Path.Combine(dir, "go.work.sum")).ShouldBe(goWorkSum);
        goWorkSum.ShouldNotContain("example.com/z v1.0.0 h1:", customMessage: "go build does not download z");
    }

    [GoFact]
    public async Task Go_work_sum_equals_go_mod_download_in_the_workspace_for_a_module_with_no_package()
    {
        using var tmp = new TempDirectory("wsr");
        var (proxy, dir) = WorkspaceDifferentialTests.Materialize(Scenario, tmp.Path);
        // b has no package to build: the restore downloads go mod download's set.
        File.Delete(Path.Combine(dir, "b", "b.go"));
        var original = Mvs.BuildListDifferentialTests.SnapshotMain(dir);
        WorkspaceDifferentialTests.RunGo(proxy, tmp.Combine("gohome"), dir, "mod", "download").EnsureSuccess("go mod download");
        var goWorkSum = File.ReadAllText(Path.Combine(dir, "go.work.sum"));
        Mvs.BuildListDifferentialTests.RestoreMain(dir, original);

        var r = await new ModuleRestorer().RestoreAsync(Options(proxy, tmp.Combine("home"), Path.Combine(dir, "b", "go.mod")), CancellationToken.None);
        r.Diagnostics.ShouldBeEmpty();
        File.ReadAllText(Path.Combine(dir, "go.work.sum")).ShouldBe(goWorkSum);
    }

    [Fact]
    public async Task Concurrent_restores_of_two_projects_keep_go_work_sum_whole()
    {
        using var tmp = new TempDirectory("wsr");
        var (proxy, dir) = WorkspaceDifferentialTests.Materialize(Scenario, tmp.Path);
        var results = await Task.WhenAll(
            Task.Run(() => new ModuleRestorer().RestoreAsync(Options(proxy, tmp.Combine("home1"), Path.Combine(dir, "a", "go.mod")), CancellationToken.None)),
            Task.Run(() => new ModuleRestorer().RestoreAsync(Options(proxy, tmp.Combine("home2"), Path.Combine(dir, "b", "go.mod")), CancellationToken.None)));
        foreach (var r in results) r.Diagnostics.ShouldBeEmpty();

        // Whatever the interleaving, go.work.sum parses and holds each needed sum once: the same file a single restore writes.
        var merged = File.ReadAllText(Path.Combine(dir, "go.work.sum"));
        GoSumFile.Parse("go.work.sum", merged).Format().ShouldBe(merged);
        File.Delete(Path.Combine(dir, "go.work.sum"));
        (await new ModuleRestorer().RestoreAsync(Options(proxy, tmp.Combine("home3"), Path.Combine(dir, "a", "go.mod")), CancellationToken.None))
            .Diagnostics.ShouldBeEmpty();
        File.ReadAllText(Path.Combine(dir, "go.work.sum")).ShouldBe(merged);
    }

    [Fact]
    public async Task Design_time_restore_publishes_the_workspace_build_list_from_the_module_cache_only()
    {
        using var tmp = new TempDirectory("wsr");
        var (proxy, dir) = WorkspaceDifferentialTests.Materialize(Scenario, tmp.Path);
        var home = tmp.Combine("home");
        var online = await new ModuleRestorer().RestoreAsync(Options(proxy, home, Path.Combine(dir, "b", "go.mod")), CancellationToken.None);
        online.Diagnostics.ShouldBeEmpty();

        // No proxy at all: everything comes from the module cache the online restore filled.
        var offline = await new ModuleRestorer().RestoreAsync(Options(proxy, home, Path.Combine(dir, "b", "go.mod")) with
        {
            Offline = true,
            Settings = new Dictionary<string, string?>(Options(proxy, home, "x").Settings) { ["GOPROXY"] = "off" },
        }, CancellationToken.None);
        offline.Diagnostics.ShouldBeEmpty();
        Versions(offline).ShouldBe(Versions(online));
        offline.Modules.Select(m => m.Dir).ShouldBe(online.Modules.Select(m => m.Dir));
    }

    [Fact]
    public async Task Toolchain_and_godebug_in_go_work_are_parsed_as_the_Go_Modules_Reference_defines_them()
    {
        using var tmp = new TempDirectory("wsr");
        var (_, dir) = WorkspaceDifferentialTests.Materialize(Scenario, tmp.Path);
        File.WriteAllText(Path.Combine(dir, "go.work"), "go 1.21.0\n\ntoolchain go1.22.1\n\ngodebug (\n\tpanicnil=1\n\thttp2client=0\n)\n\nuse ./a\n");
        var ws = await GoWorkspace.LoadAsync(Path.Combine(dir, "go.work"));
        ws.GoVersion.ShouldBe("1.21.0");
        ws.Toolchain.ShouldBe("go1.22.1");
        ws.Godebug.Select(g => $"{g.Key}={g.Value}").ShouldBe(["panicnil=1", "http2client=0"]);
        ws.Modules.Single().Path.ShouldBe("example.com/a");

        // A go line is not required: go 1.19 reads the workspace at 1.18 then.
        File.WriteAllText(Path.Combine(dir, "go.work"), "use ./a\n");
        (await GoWorkspace.LoadAsync(Path.Combine(dir, "go.work"))).GoVersion.ShouldBe("1.18");

        // A malformed toolchain line is go.work's parse error, at its line and column.
        File.WriteAllText(Path.Combine(dir, "go.work"), "go 1.21\n\ntoolchain 1.22\n\nuse ./a\n");
        var e = await Should.ThrowAsync<WorkspaceException>(() => GoWorkspace.LoadAsync(Path.Combine(dir, "go.work")));
        e.GoPrefixed.ShouldBeFalse();
        e.Message.ShouldStartWith($"reading go.work: {Path.Combine(dir, "go.work")}:3:");
        e.InnerException.ShouldBeOfType<GoMod.Core.ModFile.ModFileParseException>();
    }

    [Fact]
    public async Task A_module_outside_the_workspace_and_mod_mod_are_go_s_errors_and_mod_vendor_needs_go_1_23_s_workspace_vendor()
    {
        using var tmp = new TempDirectory("wsr");
        var (proxy, dir) = WorkspaceDifferentialTests.Materialize(Scenario, tmp.Path);
        File.WriteAllText(Path.Combine(dir, "go.work"), "go 1.19\n\nuse ./b\n");
        var r = await new ModuleRestorer().RestoreAsync(Options(proxy, tmp.Combine("home"), Path.Combine(dir, "a", "go.mod")), CancellationToken.None);
        r.Diagnostics.Single().Message.ShouldBe("pattern ./...: directory prefix . does not contain modules listed in go.work or their selected dependencies");

        // go 1.23's words (go 1.19 refused vendor too; go 1.22 added workspace vendoring).
        r = await new ModuleRestorer().RestoreAsync(Options(proxy, tmp.Combine("home"), Path.Combine(dir, "b", "go.mod")) with { ModMode = "mod" },
            CancellationToken.None);
        r.Diagnostics.Single().Message.ShouldBe("-mod may only be set to readonly or vendor when in workspace mode, but it is set to \"mod\"" +
            "\n\tRemove the -mod flag to use the default readonly value,\n\tor set GOWORK=off to disable workspace mode.");

        // -mod=vendor without a workspace vendor/: go 1.23's inconsistent vendoring (b's requirements are not recorded).
        r = await new ModuleRestorer().RestoreAsync(Options(proxy, tmp.Combine("home"), Path.Combine(dir, "b", "go.mod")) with { ModMode = "vendor" },
            CancellationToken.None);
        r.Diagnostics.Single().Message.ShouldBe($"inconsistent vendoring in {dir}:" +
            "\n\texample.com/a@v0.1.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt" +
            "\n\texample.com/x@v1.1.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt" +
            "\n\n\tTo ignore the vendor directory, use -mod=readonly or -mod=mod.\n\tTo sync the vendor directory, run:\n\t\tgo work vendor");
    }
}
