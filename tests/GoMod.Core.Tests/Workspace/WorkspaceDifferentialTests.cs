using System.Text.RegularExpressions;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Reports;
using GoMod.Core.Sum;
using GoMod.Core.Tests.Mvs;
using GoMod.Core.Workspace;
using GoMod.Testing;

namespace GoMod.Core.Tests.Workspace;

/// <summary>
/// Workspace mode against Debian's go 1.19: for each authored workspace (<see cref="WorkspaceScenarios"/>), served from
/// a file:// proxy, <c>go mod graph</c>, <c>go list -m all</c> and <c>go list -m -json all</c> run in the workspace
/// directory must print the same bytes and exit code as ours, and go.work.sum after <c>go list -m all</c> must be what
/// go wrote (go.mod and go.sum files of the modules are never written in workspace mode).
/// </summary>
public sealed class WorkspaceDifferentialTests
{
    public static TheoryData<string> ValidNames => new(WorkspaceScenarios.Valid.Keys.Order(StringComparer.Ordinal));

    public static TheoryData<string> InvalidNames => new(WorkspaceScenarios.Invalid.Keys.Order(StringComparer.Ordinal));

    [GoTheory]
    [MemberData(nameof(ValidNames))]
    public async Task Graph_list_json_and_go_work_sum_equal_go(string name)
    {
        using var tmp = new TempDirectory("ws");
        var (proxy, dir) = Materialize(WorkspaceScenarios.Valid[name], tmp.Path);
        var home = tmp.Combine("home");
        var source = new DirectoryModuleSource(proxy);
        var workFile = Path.Combine(dir, "go.work");
        var original = BuildListDifferentialTests.SnapshotMain(dir);

        var goGraph = RunGo(proxy, home, dir, "mod", "graph");
        BuildListDifferentialTests.RestoreMain(dir, original);
        BuildListDifferentialTests.Compare("go mod graph", goGraph, await WorkspaceReports.GraphAsync(workFile, source));

        var goList = RunGo(proxy, home, dir, "list", "-m", "all");
        var goWorkSum = BuildListDifferentialTests.ReadOrNull(workFile + ".sum");
        var afterGo = BuildListDifferentialTests.SnapshotMain(dir);
        foreach (var (file, data) in original)
            if (!file.EndsWith("go.work.sum", StringComparison.Ordinal)) afterGo[file].ShouldBe(data, $"go changed {file}");
        BuildListDifferentialTests.RestoreMain(dir, original);
        var ourList = await WorkspaceReports.ListAsync(workFile, source);
        BuildListDifferentialTests.Compare("go list -m all", goList, ourList);
        (ourList.GoSum ?? BuildListDifferentialTests.ReadOrNull(workFile + ".sum")).ShouldBe(goWorkSum, "go.work.sum after go list -m all");

        var modCache = Path.Combine(home, "gopath", "pkg", "mod");
        var goJson = RunGo(proxy, home, dir, "list", "-m", "-json", "all");
        BuildListDifferentialTests.RestoreMain(dir, original);
        BuildListDifferentialTests.Compare("go list -m -json all", goJson, await WorkspaceReports.ListAsync(workFile, source, json: true, modCache: modCache));

        // With the go.work.sum go wrote, go (readonly) reports the cache files of the modules whose sums it now has.
        if (goWorkSum is null) return;
        File.WriteAllText(workFile + ".sum", goWorkSum);
        var withSums = BuildListDifferentialTests.SnapshotMain(dir);
        var goJsonWithSums = RunGo(proxy, home, dir, "list", "-m", "-json", "all");
        BuildListDifferentialTests.RestoreMain(dir, withSums);
        var ours = await WorkspaceReports.ListAsync(workFile, source, json: true, modCache: modCache);
        BuildListDifferentialTests.Compare("go list -m -json all (with go.work.sum)", goJsonWithSums, ours);
        ours.GoSum.ShouldBeNull("nothing new for go.work.sum");
    }

    [GoTheory]
    [MemberData(nameof(InvalidNames))]
    public async Task Go_s_errors_for_invalid_workspaces(string name)
    {
        using var tmp = new TempDirectory("ws");
        var (proxy, dir) = Materialize(WorkspaceScenarios.Invalid[name], tmp.Path);
        var home = tmp.Combine("home");
        var source = new DirectoryModuleSource(proxy);
        var workFile = Path.Combine(dir, "go.work");

        var goList = RunGo(proxy, home, dir, "list", "-m", "all");
        goList.ExitCode.ShouldBe(1, goList.StdErr);
        var ours = await WorkspaceReports.ListAsync(workFile, source);
        BuildListDifferentialTests.Compare("go list -m all", goList, ours);
        ours.Failures.ShouldNotBeEmpty();
        BuildListDifferentialTests.Compare("go mod graph", RunGo(proxy, home, dir, "mod", "graph"), await WorkspaceReports.GraphAsync(workFile, source));
    }

    /// <summary>Writes the proxy and the workspace (the scenario's main files), filling in <c>{h1:path@version}</c> go.mod hashes.</summary>
    internal static (string Proxy, string Dir) Materialize(string scenario, string root)
    {
        var (proxy, dir) = ProxyScenario.Parse(scenario).Materialize(root);
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var filled = Regex.Replace(text, @"\{h1:([^@}]+)@([^}]+)\}", m =>
            {
                var mod = Path.Combine([proxy, .. ModulePath.EscapePath(m.Groups[1].Value).Split('/'), "@v", ModulePath.EscapeVersion(m.Groups[2].Value) + ".mod"]);
                return DirHash.HashGoMod(File.ReadAllBytes(mod));
            });
            if (filled != text) File.WriteAllText(file, filled);
        }
        return (proxy, dir);
    }

    /// <summary>go in the workspace directory: GOWORK found upward (not off), go's default -mod (readonly in workspace mode).</summary>
    internal static ProcessResult RunGo(string proxy, string home, string dir, params string[] args) =>
        GoOracle.Run(dir, home, new Dictionary<string, string?>
        {
            ["GOPROXY"] = new Uri(proxy + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/'),
            ["GOFLAGS"] = "-modcacherw",
            ["GONOSUMDB"] = "*",
            ["GOSUMDB"] = "off",
            ["GOWORK"] = null,
        }, args);
}
