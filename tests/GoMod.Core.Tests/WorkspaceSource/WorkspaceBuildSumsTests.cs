using GoMod.Core.Restore;
using GoMod.Core.Tests.Workspace;
using GoMod.Core.Workspace;
using GoMod.Testing;

namespace GoMod.Core.Tests.WorkspaceSource;

/// <summary>
/// The workspace restore downloads go build's set: go.work.sum after our restore of each used module in turn must be
/// go 1.19's after <c>go build ./...</c> run in each used module in the same order (the zips of the modules the build
/// looked into, the go.mod files read for the graph; not the whole build list as <c>go mod download</c>), and a
/// module go build does not look into is not extracted.
/// </summary>
public sealed class WorkspaceBuildSumsTests
{
    public static TheoryData<string> Names => new(WorkspaceSourceScenarios.Valid.Keys.Order(StringComparer.Ordinal));

    [GoTheory]
    [MemberData(nameof(Names))]
    public async Task Go_work_sum_after_restoring_each_module_equals_go_1_19_s_after_go_build_in_each(string name)
    {
        using var tmp = new TempDirectory("wsb");
        var (proxy, dir) = WorkspaceDifferentialTests.Materialize(WorkspaceSourceScenarios.Valid[name] + "\n" + WorkspaceSourceScenarios.Modules, tmp.Path);
        var ws = await GoWorkspace.LoadAsync(Path.Combine(dir, "go.work"));
        var original = Mvs.BuildListDifferentialTests.SnapshotMain(dir);
        foreach (var m in ws.Modules)
            WorkspaceDifferentialTests.RunGo(proxy, tmp.Combine("gohome"), m.Dir, "build", "./...").EnsureSuccess($"go build ./... in {m.Path}");
        var goWorkSum = Mvs.BuildListDifferentialTests.ReadOrNull(ws.WorkSumPath);
        Mvs.BuildListDifferentialTests.RestoreMain(dir, original);
        if (File.Exists(ws.WorkSumPath)) File.Delete(ws.WorkSumPath);

        var home = tmp.Combine("home");
        var downloaded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in ws.Modules)
        {
            var r = await new ModuleRestorer().RestoreAsync(WorkspaceVendorTests.Options(proxy, home, Path.Combine(m.Dir, "go.mod")), CancellationToken.None);
            r.Diagnostics.ShouldBeEmpty();
            foreach (var d in r.Modules.Where(x => !x.Main && x.Dir.Length > 0)) downloaded.Add(d.Path);
        }
        Mvs.BuildListDifferentialTests.ReadOrNull(ws.WorkSumPath).ShouldBe(goWorkSum);
        // Every zip line of go.work.sum is a module we extracted, and nothing more went into the module cache.
        var zipLines = (goWorkSum ?? "").Split('\n').Where(l => l.Length > 0 && !l.Split(' ')[1].EndsWith("/go.mod", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        zipLines.IsSubsetOf(downloaded).ShouldBeTrue(string.Join(", ", zipLines.Except(downloaded)));
    }
}
