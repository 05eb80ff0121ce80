using System.Text;
using GoMod.Testing;
using static GoMod.EndToEnd.Tests.TestProject;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// A no-op build of a project whose build list is past the g.props limit (about the corpus's size) publishes every
/// @(GoModule) with its metadata from the plain module list, loading GoMod.Tasks alone (no GoMod.Core, no JSON), and
/// the items equal those of a build whose restore ran (published from the restore cache by GoModReport). A missing or
/// damaged list falls back to GoModReport. With no target asking for @(GoModule), a no-op build runs no GoMod task at all. Asserted from diagnostic logs, not timings (benchmarks/README.md has those).
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class NoOpLargeBuildListTests(SdkPackage sdk)
{
    private const int LocalModules = 560;

    /// <summary>The sample's modules plus <see cref="LocalModules"/> modules replaced by directories (no download, no go.sum lines).</summary>
    private static TestProject LargeProject(SdkPackage sdk, string body = PrintModulesTarget)
    {
        var p = CSharp(sdk, body).WithModules();
        var goMod = new StringBuilder(GoInputs.GoMod());
        goMod.Append("require (\n");
        for (var i = 0; i < LocalModules; i++) goMod.Append($"\texample.com/local/m{i:D4} v0.0.0\n");
        goMod.Append(")\n\n");
        for (var i = 0; i < LocalModules; i++)
        {
            goMod.Append($"replace example.com/local/m{i:D4} => ./mods/m{i:D4}\n");
            p.Write(Path.Combine("mods", $"m{i:D4}", "go.mod"), $"module example.com/local/m{i:D4}\n\ngo 1.19\n");
        }
        p.Write("go.mod", goMod.ToString());
        return p;
    }

    private static (ProcessResult Result, string Log) Build(TestProject p, params string[] args)
    {
        var log = p.Combine($"build-{Guid.NewGuid():N}.log");
        var result = p.Dotnet(GoInputs.Env(), "build", [.. args, "-fl", $"-flp:LogFile={log};Verbosity=diagnostic;NoSummary"]);
        return (result, File.Exists(log) ? File.ReadAllText(log) : "");
    }

    [Fact]
    public void A_no_op_build_publishes_every_module_from_the_list_without_GoMod_Core_equal_to_a_restoring_build()
    {
        using var p = LargeProject(sdk);
        Build(p).Result.EnsureSuccess("first build");
        File.ReadAllText(p.Combine("obj", "app.csproj.gomod.g.props")).ShouldNotContain("<GoModule ");

        var (noOp, noOpLog) = Build(p);

        noOp.EnsureSuccess("no-op build");
        CountOf(noOpLog, "Skipping target \"GoModRestore\" because all output files are up-to-date").ShouldBe(2);
        CountOf(noOpLog, "Task \"GoModPublishModules\"").ShouldBe(1);
        CountOf(noOpLog, "Task \"GoModReport\"").ShouldBe(0);
        CountOf(noOpLog, "Task \"GoModRestore").ShouldBe(0);
        noOpLog.ShouldContain("Assembly loaded during TaskRun: GoMod.Tasks,");
        noOpLog.ShouldNotContain("GoMod.Core, Version=");
        var published = Modules(noOp);
        published.Count.ShouldBe(1 + 4 + LocalModules);

        // A build whose restore runs (go.mod newer than the cache; no restore phase) publishes from the restore cache.
        File.SetLastWriteTimeUtc(p.Combine("go.mod"), DateTime.UtcNow);
        var (restoring, restoringLog) = Build(p, "--no-restore");

        restoring.EnsureSuccess("restoring build");
        CountOf(restoringLog, "Task \"GoModRestore\"").ShouldBe(1);
        CountOf(restoringLog, "Task \"GoModReport\"").ShouldBe(1);
        CountOf(restoringLog, "Task \"GoModPublishModules\"").ShouldBe(0);
        published.ShouldBe(Modules(restoring));
        var greeting = published.Single(m => m[0] == "example.com/greeting");
        greeting[1..].ShouldBe(["v1.1.0", Path.Combine(p.ModCache, "example.com", "greeting@v1.1.0"), GoInputs.Hash("example.com/greeting", "v1.1.0"),
            GoInputs.Hash("example.com/greeting", "v1.1.0/go.mod"), "", "false", "false"]);
        var local = published.Single(m => m[0] == "example.com/local/m0559");
        local[1].ShouldBe("v0.0.0");
        local[5].ShouldBe("./mods/m0559");
    }

    [Fact]
    public void A_no_op_build_that_no_target_asks_for_the_modules_runs_no_GoMod_task_and_loads_no_GoMod_assembly()
    {
        // PrintGoModules is there but runs only when the command line names it.
        using var p = LargeProject(sdk, body: PrintModulesTarget.Replace(" AfterTargets=\"Build\"", "", StringComparison.Ordinal));
        var (first, firstLog) = Build(p);
        first.EnsureSuccess("first build");
        // The build after the restore phase's restore has nothing to report either: its evaluation saw that cache.
        CountOf(firstLog, "Task \"GoModReport\"").ShouldBe(0);

        var (noOp, noOpLog) = Build(p);

        noOp.EnsureSuccess("no-op build");
        CountOf(noOpLog, "Skipping target \"GoModRestore\" because all output files are up-to-date").ShouldBe(2);
        noOpLog.ShouldContain("Set Property: _GoModCollectNow=false");
        noOpLog.ShouldNotContain("Target \"GoModCollectModules");
        noOpLog.ShouldNotContain("Task \"GoMod");
        noOpLog.ShouldNotContain("Assembly loaded during TaskRun: GoMod.");

        // The same no-op build with a target that asks publishes them all.
        var (asked, askedLog) = Build(p, "-t:Build;PrintGoModules");
        asked.EnsureSuccess("no-op build asking for the modules");
        CountOf(askedLog, "Task \"GoModPublishModules\"").ShouldBe(1);
        Modules(asked).Count.ShouldBe(1 + 4 + LocalModules);
    }

    [Fact]
    public void A_missing_or_damaged_module_list_falls_back_to_the_restore_cache()
    {
        using var p = LargeProject(sdk);
        var first = Build(p).Result.EnsureSuccess("first build");
        var list = p.Combine("obj", "app.csproj.gomod.modules");

        File.WriteAllText(list, File.ReadAllText(list)[..^40]);
        var (damaged, damagedLog) = Build(p);
        File.Delete(list);
        var (missing, missingLog) = Build(p);

        damaged.EnsureSuccess("build with a damaged list");
        CountOf(damagedLog, "Task \"GoModPublishModules\"").ShouldBe(1);
        CountOf(damagedLog, "Task \"GoModReport\"").ShouldBe(1);
        missing.EnsureSuccess("build without the list");
        CountOf(missingLog, "Task \"GoModPublishModules\"").ShouldBe(0);
        CountOf(missingLog, "Task \"GoModReport\"").ShouldBe(1);
        Modules(damaged).ShouldBe(Modules(first));
        Modules(missing).ShouldBe(Modules(first));
    }
}
