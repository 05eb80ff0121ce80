using GoMod.Core.Restore;
using GoMod.Core.Tests.Vendor;
using GoMod.Core.Tests.Workspace;
using GoMod.Core.Vendor;
using GoMod.Core.Workspace;
using GoMod.Testing;

namespace GoMod.Core.Tests.WorkspaceSource;

/// <summary>
/// <c>go work vendor</c> against go 1.23 (go 1.22 added it; Debian's go 1.19 has none): for each authored workspace
/// (<see cref="WorkspaceSourceScenarios"/>), the workspace is copied twice; go 1.23 vendors one copy, our restore with
/// GoVendor=true the other, and the two vendor/ trees must be equal path for path and byte for byte. go 1.23 then builds
/// every used module of our copy from our vendor/ alone (<c>-mod=vendor</c>, no proxy), and our <c>-mod=vendor</c>
/// restore reads it with go 1.23's consistency checks.
/// </summary>
public sealed class WorkspaceVendorTests
{
    public static TheoryData<string> Names => new(WorkspaceSourceScenarios.Valid.Keys.Concat(WorkspaceSourceScenarios.Later.Keys).Order(StringComparer.Ordinal));

    private static string Scenario(string name) =>
        WorkspaceSourceScenarios.Valid.TryGetValue(name, out var s) ? s : WorkspaceSourceScenarios.Later[name];

    internal static ProcessResult LaterGo(string proxy, string home, string dir, params string[] args) =>
        LaterGoOracle.Run(dir, home, new Dictionary<string, string?>
        {
            ["GOPROXY"] = proxy == "off" ? "off" : new Uri(proxy + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/'),
            ["GOFLAGS"] = "-modcacherw",
            ["GONOSUMDB"] = "*",
            ["GOSUMDB"] = "off",
            ["GOWORK"] = null,
        }, args);

    internal static RestoreOptions Options(string proxy, string home, string goMod) => new()
    {
        ModFile = goMod,
        Settings = new Dictionary<string, string?>
        {
            ["GOMODCACHE"] = Path.Combine(home, "modcache"),
            ["GOPROXY"] = new Uri(proxy + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/'),
            ["GOSUMDB"] = "off",
            ["GOFLAGS"] = "-modcacherw",
        },
        GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
    };

    [LaterGoTheory]
    [MemberData(nameof(Names))]
    public async Task Go_1_23_work_vendor_writes_our_vendor_tree_and_builds_from_it(string name)
    {
        using var tmp = new TempDirectory("wsv");
        var (proxy, dir) = WorkspaceDifferentialTests.Materialize(Scenario(name) + "\n" + WorkspaceSourceScenarios.Modules, tmp.Path);
        var goHome = tmp.Combine("gohome");
        LaterGo(proxy, goHome, dir, "mod", "download").EnsureSuccess("go 1.23 mod download");
        var goWs = tmp.Combine("gows");
        var ourWs = tmp.Combine("ourws");
        VendorOracleRun.CopyTree(dir, goWs);
        VendorOracleRun.CopyTree(dir, ourWs);

        LaterGo(proxy, goHome, goWs, "work", "vendor").EnsureSuccess("go 1.23 work vendor");
        var ws = await GoWorkspace.LoadAsync(Path.Combine(ourWs, "go.work"));
        var home = tmp.Combine("home");
        var r = await new ModuleRestorer().RestoreAsync(Options(proxy, home, Path.Combine(ws.Modules[^1].Dir, "go.mod")) with { WriteVendor = true },
            CancellationToken.None);
        r.Diagnostics.ShouldBeEmpty();
        File.ReadAllText(Path.Combine(ourWs, "vendor", "modules.txt")).ShouldBe(File.ReadAllText(Path.Combine(goWs, "vendor", "modules.txt")));
        VendorOracleRun.Diff(VendorOracleRun.Tree(Path.Combine(goWs, "vendor")), VendorOracleRun.Tree(Path.Combine(ourWs, "vendor")))
            .ShouldBeEmpty($"go.work says go {ws.GoVersion}: " + File.ReadAllText(Path.Combine(ourWs, "go.work")));
        if (name.StartsWith("test_embeds_", StringComparison.Ordinal))
            File.Exists(Path.Combine(ourWs, "vendor", "example.com", "e", "testdata", "fixture.txt")).ShouldBe(ws.GoVersion == "1.21", "a test's embed is vendored below go 1.22 only");

        // go 1.23 builds every used module from our vendor/ (its default -mod in a vendored workspace), with no proxy.
        foreach (var m in ws.Modules)
            LaterGo("off", goHome, m.Dir, "build", "-mod=vendor", "./...").EnsureSuccess($"go 1.23 build -mod=vendor ./... in {m.Path}");

        // Our -mod=vendor restore: the build list is modules.txt's, every module in vendor/.
        var v = await new ModuleRestorer().RestoreAsync(Options(proxy, home, Path.Combine(ws.Modules[0].Dir, "go.mod")) with { ModMode = "vendor" },
            CancellationToken.None);
        v.Diagnostics.ShouldBeEmpty();
        var txt = ModulesTxt.Parse("modules.txt", File.ReadAllText(Path.Combine(ourWs, "vendor", "modules.txt")));
        txt.Workspace.ShouldBeTrue();
        v.Modules.Where(m => !m.Main).Select(m => $"{m.Path}@{m.Version}").ShouldBe(txt.BuildList.Select(m => m.ToString()));
        v.Modules.Where(m => m.Main).Select(m => m.Path).ShouldBe(ws.Modules.Select(m => m.Path).Where(p => p == ws.Modules[0].Path)
            .Concat(ws.Modules.Select(m => m.Path).Where(p => p != ws.Modules[0].Path)));
        foreach (var m in v.Modules.Where(m => !m.Main)) Directory.Exists(m.Dir).ShouldBeTrue(m.Path);
    }

    /// <summary>Edits that make a vendored workspace inconsistent: file (relative to the workspace), text to find, replacement.</summary>
    public static TheoryData<string, string, string, string> Inconsistencies => new()
    {
        { "requirement_added_to_a_go_mod", "a/go.mod", "go 1.19\n", "go 1.19\n\nrequire example.com/t v1.0.0\n" },
        { "replacement_added_to_go_work", "go.work", "use (", "replace example.com/y v1.0.0 => example.com/y v1.1.0\n\nuse (" },
        { "go_mod_replacement_changed", "a/go.mod", "=> example.com/y v1.0.0", "=> example.com/y v1.1.0" },
        { "go_mod_directory_replacement_removed", "b/go.mod", "replace example.com/z => ../zlocal\n", "" },
        { "explicit_mark_dropped", "vendor/modules.txt", "## explicit; go 1.17\n", "## go 1.17\n" },
        { "explicit_requirement_removed", "b/go.mod", "require example.com/z v1.0.0\n", "" },
    };

    [LaterGoTheory]
    [MemberData(nameof(Inconsistencies))]
    public async Task Go_1_23_s_inconsistent_vendoring_in_a_workspace_is_ours(string name, string file, string find, string replace)
    {
        using var tmp = new TempDirectory("wsvi");
        var (proxy, dir) = WorkspaceDifferentialTests.Materialize(WorkspaceSourceScenarios.Valid["replace_in_go_mod"] + "\n" + WorkspaceSourceScenarios.Modules, tmp.Path);
        var goHome = tmp.Combine("gohome");
        LaterGo(proxy, goHome, dir, "mod", "download").EnsureSuccess("go 1.23 mod download");
        LaterGo(proxy, goHome, dir, "work", "vendor").EnsureSuccess("go 1.23 work vendor");
        var path = Path.Combine(dir, file);
        var text = File.ReadAllText(path);
        text.ShouldContain(find, customMessage: name);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));

        var a = Path.Combine(dir, "a");
        var go = LaterGo("off", goHome, a, "list", "-mod=vendor", "./...");
        go.ExitCode.ShouldBe(1, go.StdErr);
        var r = await new ModuleRestorer().RestoreAsync(Options(proxy, tmp.Combine("home"), Path.Combine(a, "go.mod")) with { ModMode = "vendor" },
            CancellationToken.None);
        var d = r.Diagnostics.ShouldHaveSingleItem();
        d.Code.ShouldBe("GOMOD0402");
        ("go: " + d.Message).ShouldBe(go.StdErr.TrimEnd('\n'));
    }
}
