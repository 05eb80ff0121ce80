using static GoMod.EndToEnd.Tests.TestProject;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// GoModRestore is incremental: unchanged inputs skip the target (asserted from the detailed log, not timing), a
/// touched-but-equal go.mod reruns it without rewriting outputs, changed inputs restore again, warnings survive a
/// skip, and clean removes every output.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class IncrementalTests(SdkPackage sdk)
{
    private const string Skipped = "Skipping target \"GoModRestore\" because all output files are up-to-date";
    private const string Ran = "Task \"GoModRestore\"";

    [Fact]
    public void Second_build_with_unchanged_inputs_skips_GoModRestore_and_still_publishes_modules()
    {
        using var p = Standalone(sdk).WithModules();
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");
        var props = p.Combine("obj", "gomodule.csproj.gomod.g.props");
        var propsTime = File.GetLastWriteTimeUtc(props);

        var (second, log) = p.DotnetWithLog(GoInputs.Env(), "build");

        second.EnsureSuccess("second build");
        // Skipped in the restore phase and again in the build phase; the task never ran.
        CountOf(log, Skipped).ShouldBe(2);
        CountOf(log, Ran).ShouldBe(0);
        Modules(second).Select(m => m[0]).ShouldContain("example.com/greeting");
        File.GetLastWriteTimeUtc(props).ShouldBe(propsTime);
    }

    [Fact]
    public void A_no_op_build_without_warnings_publishes_the_evaluated_modules_without_running_GoModReport()
    {
        using var p = Standalone(sdk, PrintModulesTarget).WithModules();
        var first = p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");

        var (second, log) = p.DotnetWithLog(GoInputs.Env(), "build");

        second.EnsureSuccess("second build");
        CountOf(log, "Task \"GoModReport\"").ShouldBe(0);
        Modules(second).ShouldBe(Modules(first));
        Modules(second).Select(m => m[0]).ShouldContain("example.com/greeting");

        // A cache file newer than the evaluation (here: a restore this build could not have seen) is read again.
        var cache = p.Combine("obj", "gomodule.csproj.gomod.cache");
        File.WriteAllText(cache, File.ReadAllText(cache));
        var (third, thirdLog) = p.DotnetWithLog(GoInputs.Env(), "build", "--no-restore", "-p:_GoModCacheStampAtEvaluation=0");
        third.EnsureSuccess("third build");
        CountOf(thirdLog, "Task \"GoModReport\"").ShouldBe(1);
        Modules(third).ShouldBe(Modules(first));
    }

    [Fact]
    public void Touched_but_unchanged_go_mod_reruns_the_target_without_rewriting_outputs()
    {
        using var p = Standalone(sdk).WithModules();
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");
        var props = p.Combine("obj", "gomodule.csproj.gomod.g.props");
        var propsTime = File.GetLastWriteTimeUtc(props);
        File.SetLastWriteTimeUtc(p.Combine("go.mod"), DateTime.UtcNow.AddSeconds(5));

        var (second, log) = p.DotnetWithLog(GoInputs.Env(), "build");

        second.EnsureSuccess("second build");
        log.ShouldContain("are unchanged since the last restore");
        File.GetLastWriteTimeUtc(props).ShouldBe(propsTime);
    }

    [Fact]
    public void Changed_go_mod_or_property_restores_again()
    {
        using var p = Standalone(sdk).WithModules();
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");

        // Drop a requirement: the restore phase runs again and the build list shrinks; the build phase then finds it current.
        p.Write("go.mod", GoInputs.GoMod().Replace("\texample.com/Shout v0.2.0\n", ""));
        var (afterEdit, editLog) = p.DotnetWithLog(GoInputs.Env(), "build");
        afterEdit.EnsureSuccess("build after go.mod edit");
        CountOf(editLog, Ran).ShouldBe(1);
        CountOf(editLog, Skipped).ShouldBe(1);
        Modules(afterEdit).Select(m => m[0]).ShouldNotContain("example.com/Shout");
        File.ReadAllText(p.Combine("obj", "gomodule.csproj.gomod.g.props")).ShouldNotContain("example.com/Shout");

        // A different module cache is a different restore.
        var (afterProperty, propertyLog) = p.DotnetWithLog(GoInputs.Env(), "build", $"-p:GoModCache={p.Combine("othercache")}");
        afterProperty.EnsureSuccess("build with another GoModCache");
        CountOf(propertyLog, Ran).ShouldBe(1);
    }

    [Fact]
    public void A_changed_build_list_does_not_recompile_the_CSharp_project()
    {
        // MSBuild makes the newest of a project's imports an input of CoreCompile ($(MSBuildAllProjects)): a g.props
        // rewritten at the current time after a go.mod edit recompiled every C# file, although none changed.
        using var p = CSharp(sdk).WithModules();
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");
        var props = p.Combine("obj", "app.csproj.gomod.g.props");
        var assembly = p.Combine("obj", "Debug", "net10.0", "app.dll");
        var propsTime = File.GetLastWriteTimeUtc(props);
        var assemblyTime = File.GetLastWriteTimeUtc(assembly);

        p.Write("go.mod", GoInputs.GoMod().Replace("\texample.com/Shout v0.2.0\n", ""));
        var (afterEdit, log) = p.DotnetWithLog(GoInputs.Env(), "build");

        afterEdit.EnsureSuccess("build after go.mod edit");
        CountOf(log, Ran).ShouldBe(1);
        File.ReadAllText(props).ShouldNotContain("example.com/Shout");
        Modules(afterEdit).Select(m => m[0]).ShouldNotContain("example.com/Shout");
        log.ShouldContain("Skipping target \"CoreCompile\" because all output files are up-to-date");
        File.GetLastWriteTimeUtc(assembly).ShouldBe(assemblyTime);
        // The new g.props is dated just after the one it replaced, so a cache comparing write times reads it again.
        File.GetLastWriteTimeUtc(props).ShouldBe(propsTime.AddMilliseconds(1));
    }

    [Fact]
    public void Through_a_PackageReference_a_changed_build_list_does_not_recompile_the_next_build_either()
    {
        // The PackageReference form restores in the build phase, after the evaluation; but CoreCompile reads its inputs'
        // write times when it runs, so a g.props written at the current time recompiled the C# project in the build
        // of the edit itself.
        using var p = PackageReference(sdk).WithModules();
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");
        var assembly = p.Combine("obj", "Debug", "net10.0", "app.dll");
        var assemblyTime = File.GetLastWriteTimeUtc(assembly);

        p.Write("go.mod", GoInputs.GoMod().Replace("\texample.com/Shout v0.2.0\n", ""));
        var (afterEdit, editLog) = p.DotnetWithLog(GoInputs.Env(), "build");
        var (next, nextLog) = p.DotnetWithLog(GoInputs.Env(), "build");

        afterEdit.EnsureSuccess("build after go.mod edit");
        next.EnsureSuccess("the build after it");
        CountOf(editLog, Ran).ShouldBe(1);
        Modules(next).Select(m => m[0]).ShouldNotContain("example.com/Shout");
        nextLog.ShouldContain("Skipping target \"CoreCompile\" because all output files are up-to-date");
        File.GetLastWriteTimeUtc(assembly).ShouldBe(assemblyTime);
    }

    [Fact]
    public void A_go_env_file_written_or_removed_after_the_restore_restores_again()
    {
        // go env -w writes GOENV's file; its settings count like the environment's (here -mod=vendor without a vendor/).
        using var p = Standalone(sdk).WithModules();
        var envFile = p.Combine("goenv");
        var env = GoInputs.Env(("GOENV", envFile));
        p.Dotnet(env, "build").EnsureSuccess("first build");

        p.Write("goenv", "GOFLAGS=-mod=vendor\n");
        var (vendorMode, vendorLog) = p.DotnetWithLog(env, "build");
        vendorMode.ExitCode.ShouldNotBe(0, vendorMode.StdOut);
        CountOf(vendorLog, Ran).ShouldBeGreaterThanOrEqualTo(1);
        vendorMode.StdOut.ShouldContain("vendor");

        File.Delete(envFile);
        var (back, backLog) = p.DotnetWithLog(env, "build");
        back.EnsureSuccess("build after the env file was removed");
        CountOf(backLog, Ran).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Warnings_are_reported_once_per_build_and_replayed_when_GoModRestore_is_skipped()
    {
        // A deprecation (GOMOD0351) from a local copy of the sample proxy where greeting's latest go.mod is deprecated.
        using var p = Standalone(sdk, PrintModulesTarget).WithModules();
        var proxy = p.Combine("deprecating-proxy");
        foreach (var f in Directory.EnumerateFiles(Repo.Combine("samples/hello/proxy"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(proxy, Path.GetRelativePath(Repo.Combine("samples/hello/proxy"), f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
        p.Write("deprecating-proxy/example.com/greeting/@v/v1.2.0.mod", "// Deprecated: use example.com/hello instead.\nmodule example.com/greeting\n\ngo 1.17\n");
        p.Write("deprecating-proxy/example.com/greeting/@v/v1.2.0.info", "{\"Version\":\"v1.2.0\",\"Time\":\"2024-02-01T00:00:00Z\"}");
        p.Write("deprecating-proxy/example.com/greeting/@v/list", "v1.0.0\nv1.1.0\nv1.2.0\n");
        var env = GoInputs.Env(("GOPROXY", "file://" + proxy.Replace('\\', '/')));

        var (first, firstLog) = p.DotnetWithLog(env, "build");
        var (second, secondLog) = p.DotnetWithLog(env, "build");

        first.EnsureSuccess("first build");
        second.EnsureSuccess("second build");
        CountOf(firstLog, "warning GOMOD0351").ShouldBe(1);
        CountOf(secondLog, Skipped).ShouldBe(2);
        CountOf(secondLog, "warning GOMOD0351").ShouldBe(1);
        second.StdOut.ShouldContain("warning GOMOD0351: module example.com/greeting is deprecated: use example.com/hello instead.");
    }

    [Fact]
    public void Clean_removes_every_file_the_restore_wrote()
    {
        using var p = Standalone(sdk).WithModules();
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("build");
        // cache, g.props, settings stamp, the local Go files' list stamp, the other source roots, module list and notices
        Directory.EnumerateFiles(p.Obj, "*.gomod.*").Count().ShouldBe(7);

        p.Dotnet(GoInputs.Env(), "clean").EnsureSuccess("clean");

        Directory.EnumerateFiles(p.Obj, "*.gomod.*").ShouldBeEmpty();
    }

    [Fact]
    public void Build_phase_restores_when_the_restore_phase_did_not_run()
    {
        // Visual Studio restores NuGet packages without running the Restore target: emulate it by removing what the
        // restore phase wrote before a build that skips the restore phase.
        using var p = Standalone(sdk).WithModules();
        p.Dotnet(GoInputs.Env(), "restore").EnsureSuccess("restore");
        foreach (var f in Directory.EnumerateFiles(p.Obj, "*.gomod.*")) File.Delete(f);

        var (build, log) = p.DotnetWithLog(GoInputs.Env(), "build", "--no-restore");

        build.EnsureSuccess("build --no-restore");
        CountOf(log, Ran).ShouldBe(1);
        Modules(build).Select(m => m[0]).ShouldContain("example.com/greeting");
        File.Exists(p.Combine("obj", "gomodule.csproj.gomod.g.props")).ShouldBeTrue();
    }

    [Fact]
    public void Restore_alone_prepares_a_build_that_needs_no_restore()
    {
        using var p = Standalone(sdk).WithModules();
        p.Dotnet(GoInputs.Env(), "restore").EnsureSuccess("restore");
        File.Exists(p.Combine("obj", "gomodule.csproj.gomod.g.props")).ShouldBeTrue();

        var (build, log) = p.DotnetWithLog(GoInputs.Env(), "build", "--no-restore");

        build.EnsureSuccess("build --no-restore");
        CountOf(log, Skipped).ShouldBe(1);
        Modules(build).Select(m => m[0]).ShouldContain("example.com/greeting");
    }
}
