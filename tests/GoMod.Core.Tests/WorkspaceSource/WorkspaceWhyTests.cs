using GoMod.Core.ModSource;
using GoMod.Core.Reports;
using GoMod.Core.Tests.Workspace;
using GoMod.Core.Workspace;
using GoMod.Testing;

namespace GoMod.Core.Tests.WorkspaceSource;

/// <summary>
/// <c>go mod why</c> in a workspace against Debian's go 1.19, which answers it in workspace mode (its <c>runWhy</c>
/// calls <c>InitWorkfile</c>): packages, <c>-m</c> and <c>-vendor</c>, run at the workspace root or in a used module,
/// must print go's bytes (stdout, stderr, exit code), the shortest import path starting in any used module.
/// </summary>
public sealed class WorkspaceWhyTests
{
    /// <summary>Scenario, directory go runs in (relative to the workspace), and go mod why's arguments.</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        // example.com/y is reached from a through b, another used module.
        { "two_modules_importing_each_other", "a", "example.com/y example.com/b example.com/x/unused" },
        { "two_modules_importing_each_other", "", "-m example.com/t example.com/x example.com/y" },
        // t is needed by b's test only: not to vendor.
        { "two_modules_importing_each_other", "b", "-vendor example.com/t example.com/y" },
        // x is required at two versions; v1.1.0's requirement y and its embed package.
        { "three_modules_shared_dependency_versions", "c", "-m example.com/y example.com/x example.com/a" },
        { "three_modules_shared_dependency_versions", "a", "example.com/x/sub example.com/x/unused example.com/x" },
        // replacements in go.mod files (a directory and a version).
        { "replace_in_go_mod", "", "-m example.com/z example.com/y example.com/x" },
        // a used module also required by version: the workspace copy answers.
        { "main_module_required_by_version", "b", "example.com/z/deep/pkg example.com/a" },
        { "embeds_and_licenses_go_1_18_workspace", "", "-m example.com/..." },
    };

    [GoTheory]
    [MemberData(nameof(Cases))]
    public async Task Go_1_19_mod_why_in_a_workspace_prints_ours(string scenario, string at, string arguments)
    {
        using var tmp = new TempDirectory("wswhy");
        var (proxy, dir) = WorkspaceDifferentialTests.Materialize(WorkspaceSourceScenarios.Valid[scenario] + "\n" + WorkspaceSourceScenarios.Modules, tmp.Path);
        var home = tmp.Combine("home");
        var cwd = at.Length == 0 ? dir : Path.Combine(dir, at);
        var args = arguments.Split(' ');
        // A warm module cache: go prints no "go: downloading" lines.
        WorkspaceDifferentialTests.RunGo(proxy, home, dir, "mod", "download").EnsureSuccess("go mod download");
        static string Snapshot(string d) => string.Join("\n", Mvs.BuildListDifferentialTests.SnapshotMain(d).OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key + " " + Convert.ToBase64String(f.Value)));
        var original = Snapshot(dir);
        var go = WorkspaceDifferentialTests.RunGo(proxy, home, cwd, ["mod", "why", .. args]);
        Snapshot(dir).ShouldBe(original, "go mod why writes nothing in a workspace");

        var why = new WhyOptions { Modules = args.Contains("-m"), Vendor = args.Contains("-vendor") };
        var ws = await GoWorkspace.LoadAsync(Path.Combine(dir, "go.work"));
        var ours = await WorkspaceWhy.WhyAsync(ws, cwd, new DirectoryModuleSource(proxy), args.Where(a => !a.StartsWith('-')).ToList(), why);
        Mvs.BuildListDifferentialTests.Compare($"go mod why {arguments}", go, ours);
        Snapshot(dir).ShouldBe(original, "ours writes nothing either");
        ours.StdOut.ShouldNotBeEmpty();
    }
}
