using GoMod.Testing;
using static GoMod.EndToEnd.Tests.TestProject;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// The third way to use the SDK: <c>&lt;PackageReference Include="GoMod.Sdk" /&gt;</c> in a Microsoft.NET.Sdk project.
/// NuGet imports the package's build/GoMod.Sdk.props/.targets, so no SDK resolver runs; the build restores the Go
/// modules (NuGet imports no package file while it restores) and publishes the same @(GoModule) as the
/// <c>&lt;Sdk Name="GoMod.Sdk" /&gt;</c> form; a no-op build runs no GoMod task.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class PackageReferenceTests(SdkPackage sdk)
{
    /// <summary>Each module's metadata with its directory relative to the project's own module cache (or ".").</summary>
    private static List<string> Comparable(TestProject p, ProcessResult build) =>
        Modules(build)
            .Select(m => string.Join('|', [m[0], m[1], m[2] == p.Directory ? "." : Path.GetRelativePath(p.ModCache, m[2]), .. m[3..]]))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void The_build_restores_and_publishes_the_same_GoModule_items_as_the_Sdk_element()
    {
        using var byPackage = PackageReference(sdk).WithModules();
        using var bySdk = CSharp(sdk).WithModules();

        var (build, log) = byPackage.DotnetWithLog(GoInputs.Env(), "build");
        var reference = bySdk.Dotnet(GoInputs.Env(), "build").EnsureSuccess("dotnet build, <Sdk> form");

        build.EnsureSuccess("dotnet build, PackageReference form");
        File.Exists(byPackage.Combine("bin", "Debug", "net10.0", "app.dll")).ShouldBeTrue();
        CountOf(log, "Task \"GoModRestore\"").ShouldBe(1);
        // The restore phase imports no package file: the task runs in the build.
        CountOf(log, "Task \"GoModRestorePhaseCheck\"").ShouldBe(0);
        Comparable(byPackage, build).ShouldBe(Comparable(bySdk, reference));
        Modules(build).Select(m => m[0]).ShouldContain("example.com/greeting");
        Directory.Exists(Path.Combine(byPackage.ModCache, "example.com", "greeting@v1.1.0")).ShouldBeTrue();
    }

    [Fact]
    public void A_no_op_build_runs_no_GoMod_task_and_still_publishes_the_modules()
    {
        using var p = PackageReference(sdk).WithModules();
        var first = p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");

        var (second, log) = p.DotnetWithLog(GoInputs.Env(), "build");

        second.EnsureSuccess("second build");
        CountOf(log, "Skipping target \"GoModRestore\" because all output files are up-to-date").ShouldBe(1);
        CountOf(log, "Task \"GoMod").ShouldBe(0);
        CountOf(log, "Using \"GoMod").ShouldBe(0);
        Modules(second).ShouldBe(Modules(first));
    }

    [Fact]
    public void Restore_alone_leaves_the_Go_modules_to_the_build_and_build_no_restore_restores_them()
    {
        using var p = PackageReference(sdk).WithModules();
        var cache = p.Combine("obj", "app.csproj.gomod.cache");

        p.Dotnet(GoInputs.Env(), "restore").EnsureSuccess("dotnet restore");
        File.Exists(p.Combine("obj", "app.csproj.nuget.g.targets")).ShouldBeTrue();
        File.Exists(cache).ShouldBeFalse();

        var build = p.Dotnet(GoInputs.Env(), "build", "--no-restore");

        build.EnsureSuccess("dotnet build --no-restore");
        File.Exists(cache).ShouldBeTrue();
        Modules(build).Select(m => m[0]).ShouldContain("example.com/greeting");
    }

    [Fact]
    public void A_go_mod_syntax_error_fails_the_build_at_its_line_and_column_with_code_and_fix()
    {
        using var p = PackageReference(sdk).WithModules(GoInputs.GoMod() + "\nbogus directive\n");
        var line = GoInputs.GoMod().Split('\n').Length + 1;

        var build = p.Dotnet(GoInputs.Env(), "build");

        build.ExitCode.ShouldNotBe(0);
        build.StdOut.ShouldContain($"go.mod({line},1): error GOMOD0002: unknown directive: bogus. Correct go.mod at the reported position");
    }

    [GoFact]
    public void GoBuild_true_builds_the_Go_program_next_to_the_app()
    {
        using var p = PackageReference(sdk, """
              <PropertyGroup><GoBuild>true</GoBuild></PropertyGroup>
            """).WithModules();
        p.Write("main.go", File.ReadAllText(Repo.Combine("samples/hello/main.go")));
        var outDir = p.Combine("bin", "Debug", "net10.0");

        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("dotnet build with GoBuild=true");

        ProcessRunner.Run(Path.Combine(outDir, "app-go"), [], p.Directory, null).EnsureSuccess("the Go program").StdOut.ShouldBe("HELLO, GOPHERS!!\n");
        ProcessRunner.Run(Path.Combine(outDir, "app"), [], p.Directory, null).EnsureSuccess("the C# app").StdOut.ShouldBe("hello from C#\n");
    }
}
