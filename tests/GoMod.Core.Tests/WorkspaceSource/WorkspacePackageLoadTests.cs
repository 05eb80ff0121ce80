using GoMod.Core.Imports;
using GoMod.Core.ModSource;
using GoMod.Core.Packages;
using GoMod.Core.Tests.Mvs;
using GoMod.Core.Tests.Packages;
using GoMod.Core.Tests.Workspace;
using GoMod.Core.Workspace;
using GoMod.Testing;

namespace GoMod.Core.Tests.WorkspaceSource;

/// <summary>
/// Package loading over several main modules against Debian's go 1.19 in the same workspace: after
/// <c>go mod download</c> (go.work.sum then holds every sum), <c>go list -e -deps</c> of <c>./...</c> in each used
/// module and of <c>all</c> at the workspace root print the packages ours loads, in the same order, each with the same
/// module and version; and without go.work.sum, the same <c>missing go.sum entry</c> errors.
/// </summary>
public sealed class WorkspacePackageLoadTests
{
    public static TheoryData<string> Names => new(WorkspaceSourceScenarios.Valid.Keys.Order(StringComparer.Ordinal));

    private const string Format = "{{if not .Standard}}{{.ImportPath}}{{with .Module}} {{.Path}}@{{.Version}}{{end}}{{if .Error}} ERR {{printf \"%q\" .Error.Error}}{{end}}{{end}}";

    [GoTheory]
    [MemberData(nameof(Names))]
    public async Task Go_1_19_list_deps_in_each_used_module_and_of_all_equals_our_workspace_load(string name)
    {
        using var tmp = new TempDirectory("wspkg");
        var (proxy, dir) = WorkspaceDifferentialTests.Materialize(WorkspaceSourceScenarios.Valid[name] + "\n" + WorkspaceSourceScenarios.Modules, tmp.Path);
        var home = tmp.Combine("home");
        var download = WorkspaceDifferentialTests.RunGo(proxy, home, dir, "mod", "download");
        download.ExitCode.ShouldBe(0, download.StdErr);
        var ws = await GoWorkspace.LoadAsync(Path.Combine(dir, "go.work"));
        var modCache = Path.Combine(home, "gopath", "pkg", "mod");

        foreach (var module in ws.Modules)
        {
            var go = WorkspaceDifferentialTests.RunGo(proxy, home, module.Dir, "list", "-e", "-deps", "-f", Format, "./...");
            var ours = await OursAsync(ws, proxy, module.Dir, modCache, ["./..."], BuildTags.Host());
            Compare($"go list -deps ./... in {module.Path}", go, ours);
        }
        // "all" (the main modules' packages and tests and what they import), in go list's sorted order; without -deps
        // go names no import position in a package's error.
        var goAll = WorkspaceDifferentialTests.RunGo(proxy, home, dir, "list", "-e", "-f", Format, "all");
        Compare("go list all", goAll, await OursAsync(ws, proxy, dir, modCache, ["all"], BuildTags.Host(), all: true));
    }

    [GoFact]
    public async Task Go_1_19_loads_packages_without_go_work_sum_in_workspace_mode_as_ours_does()
    {
        using var tmp = new TempDirectory("wspkgs");
        var (proxy, dir) = WorkspaceDifferentialTests.Materialize(WorkspaceSourceScenarios.Valid["two_modules_importing_each_other"] + "\n" + WorkspaceSourceScenarios.Modules, tmp.Path);
        var home = tmp.Combine("home");
        var ws = await GoWorkspace.LoadAsync(Path.Combine(dir, "go.work"));
        var a = ws.Modules[0].Dir;
        var go = WorkspaceDifferentialTests.RunGo(proxy, home, a, "list", "-e", "-deps", "-f", Format, "./...");
        var ours = await OursAsync(ws, proxy, a, Path.Combine(home, "gopath", "pkg", "mod"), ["./..."], BuildTags.Host());
        ours.ShouldNotContain("missing go.sum entry");
        Compare("go list -deps ./... without sums", go, ours);
    }

    [GoFact]
    public async Task Go_1_19_names_the_used_module_to_run_go_get_in_for_an_import_no_module_provides()
    {
        using var tmp = new TempDirectory("wspkgm");
        // b's test imports example.com/t, which no go.mod of the workspace requires.
        var scenario = WorkspaceSourceScenarios.Valid["two_modules_importing_each_other"].Replace("\texample.com/t v1.0.0\n", "", StringComparison.Ordinal);
        var (proxy, dir) = WorkspaceDifferentialTests.Materialize(scenario + "\n" + WorkspaceSourceScenarios.Modules, tmp.Path);
        var home = tmp.Combine("home");
        var ws = await GoWorkspace.LoadAsync(Path.Combine(dir, "go.work"));
        var modCache = Path.Combine(home, "gopath", "pkg", "mod");
        foreach (var at in new[] { dir, ws.Modules[0].Dir, ws.Modules[1].Dir })
        {
            var go = WorkspaceDifferentialTests.RunGo(proxy, home, at, "list", "-e", "-f", Format, "all");
            var ours = await OursAsync(ws, proxy, at, modCache, ["all"], BuildTags.Host(), all: true);
            ours.ShouldContain("no required module provides package example.com/t");
            Compare($"go list all in {at}", go, ours);
        }
    }

    private static void Compare(string what, ProcessResult go, string ours)
    {
        go.ExitCode.ShouldBe(0, go.StdErr);
        var expected = string.Join("\n", go.StdOut.Split('\n').Where(l => l.Length > 0));
        if (ours != expected) throw new Xunit.Sdk.XunitException($"{what} differs.\n===== go:\n{expected}\n===== ours:\n{ours}\n=====");
    }

    internal static async Task<string> OursAsync(GoWorkspace ws, string proxy, string workingDirectory, string modCache, string[] patterns, BuildTags tags, bool all = false)
    {
        var loader = new WorkspaceLoader(ws, new DirectoryModuleSource(proxy), workingDirectory);
        var graph = await WorkspacePackages.LoadAsync(loader, patterns, new PackageLoadOptions
        {
            Tags = tags,
            ModuleCacheDirectory = modCache,
            GoRoot = PackageGraphDifferentialTests.GoRoot.Value,
        }, CancellationToken.None);
        graph.Errors.ShouldBeEmpty();
        var packages = all ? graph.All.Select(p => graph.Find(p)!) : graph.Packages;
        return string.Join("\n", packages.Where(p => !p.IsStandard).Select(p =>
            p.ImportPath + (p.Module.Path is { Length: > 0 } ? $" {p.Module.Path}@{p.Module.Version}" : "")
            + (p.Error is null ? "" : " ERR " + PackageGraphDifferentialTests.GoQuote(all ? p.Error.Message : graph.ErrorText(p, loader.Loader.ShortPath)))));
    }
}
