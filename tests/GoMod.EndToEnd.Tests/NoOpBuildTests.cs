using static GoMod.EndToEnd.Tests.TestProject;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// A no-op build of a C# project with the SDK costs evaluation and a few file checks: neither the restore phase nor the
/// build phase runs a GoMod task (so the task assembly is never loaded), the settings stamp is left alone, and the
/// modules are still published. Asserted from the detailed log, not from timings (those are in benchmarks/run.sh).
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class NoOpBuildTests(SdkPackage sdk)
{
    [Fact]
    public void A_no_op_build_runs_no_GoMod_task_in_either_phase_and_still_publishes_the_modules()
    {
        using var p = CSharp(sdk).WithModules();
        var first = p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");
        var stamp = p.Combine("obj", "app.csproj.gomod.settings");
        var stampTime = File.GetLastWriteTimeUtc(stamp);

        var (second, log) = p.DotnetWithLog(GoInputs.Env(), "build");

        second.EnsureSuccess("second build");
        CountOf(log, "Skipping target \"GoModRestore\" because all output files are up-to-date").ShouldBe(2);
        CountOf(log, "Task \"GoMod").ShouldBe(0);
        CountOf(log, "Using \"GoMod").ShouldBe(0);
        Modules(second).ShouldBe(Modules(first));
        Modules(second).Select(m => m[0]).ShouldContain("example.com/greeting");
        File.GetLastWriteTimeUtc(stamp).ShouldBe(stampTime);
    }

    [Fact]
    public void The_settings_stamp_is_one_hash_that_changes_with_a_setting_and_holds_no_value()
    {
        using var p = CSharp(sdk).WithModules();
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");
        var stamp = p.Combine("obj", "app.csproj.gomod.settings");
        var before = File.ReadAllText(stamp);
        before.ShouldMatch("^[0-9a-f]{64}\r?\n$");

        var (build, log) = p.DotnetWithLog(GoInputs.Env(), "build", "-p:GoNoProxy=example.com/private");

        build.EnsureSuccess("build with other settings");
        var after = File.ReadAllText(stamp);
        after.ShouldMatch("^[0-9a-f]{64}\r?\n$");
        after.ShouldNotBe(before);
        CountOf(log, "Task \"GoModRestore\"").ShouldBe(1);
    }

    [Fact]
    public void A_report_target_on_the_command_line_still_keeps_the_restore_phase_away_from_the_module_cache()
    {
        using var p = CSharp(sdk).WithModules();
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");
        File.Delete(p.Combine("obj", "app.csproj.gomod.cache"));

        var (list, log) = p.DotnetWithLog(GoInputs.Env(), "build", "-t:GoModList");

        list.EnsureSuccess("dotnet build -t:GoModList");
        CountOf(log, "Task \"GoModRestorePhaseCheck\"").ShouldBe(1);
        CountOf(log, "Task \"GoModRestore\"").ShouldBe(0);
        list.StdOut.ShouldContain("example.com/greeting v1.1.0");
    }
}
