namespace GoMod.EndToEnd.Tests;

/// <summary>Both ways users write the SDK build with the real dotnet CLI and publish the build list as @(GoModule).</summary>
[Collection(SdkCollection.Name)]
public sealed class ProjectStyleTests(SdkPackage sdk)
{
    [Fact]
    public void Standalone_Go_module_project_builds_without_compiling_and_publishes_GoModule_items()
    {
        using var p = TestProject.Standalone(sdk).WithModules();

        var build = p.Dotnet(GoInputs.Env(), "build");

        build.EnsureSuccess("dotnet build");
        var modules = TestProject.Modules(build);
        modules.Select(m => m[0]).ShouldBe(["example.com/e2e", "example.com/Shout", "example.com/greeting", "example.com/punct", "example.com/words"], ignoreOrder: true);
        var main = modules.Single(m => m[0] == "example.com/e2e");
        main[1].ShouldBe("");
        main[2].ShouldBe(p.Directory);
        main[7].ShouldBe("true");
        var greeting = modules.Single(m => m[0] == "example.com/greeting");
        greeting[1].ShouldBe("v1.1.0");
        greeting[3].ShouldBe(GoInputs.Hash("example.com/greeting", "v1.1.0"));
        greeting[4].ShouldBe(GoInputs.Hash("example.com/greeting", "v1.1.0/go.mod"));
        greeting[6].ShouldBe("false");
        greeting[7].ShouldBe("false");
        modules.Single(m => m[0] == "example.com/words")[6].ShouldBe("true");
        // No assembly: the standalone form compiles nothing.
        Directory.EnumerateFiles(p.Directory, "*.dll", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public void CSharp_project_with_the_GoMod_Sdk_element_compiles_and_publishes_GoModule_items()
    {
        using var p = TestProject.CSharp(sdk).WithModules();

        var build = p.Dotnet(GoInputs.Env(), "build");

        build.EnsureSuccess("dotnet build");
        File.Exists(p.Combine("bin", "Debug", "net10.0", "app.dll")).ShouldBeTrue();
        TestProject.Modules(build).Select(m => m[0]).ShouldContain("example.com/greeting");
    }

    [Fact]
    public void Standalone_project_supports_rebuild_and_pack()
    {
        using var p = TestProject.Standalone(sdk, TestProject.PrintModulesTarget + """
              <PropertyGroup><PackageId>E2E.GoModule</PackageId><Version>1.0.0</Version></PropertyGroup>
              <ItemGroup><None Include="go.mod;go.sum" Pack="true" PackagePath="go/" /></ItemGroup>
            """).WithModules();

        p.Dotnet(GoInputs.Env(), "build", "-t:Rebuild").EnsureSuccess("dotnet build -t:Rebuild");
        p.Dotnet(GoInputs.Env(), "pack", "-o", p.Combine("out")).EnsureSuccess("dotnet pack");

        var nupkg = p.Combine("out", "E2E.GoModule.1.0.0.nupkg");
        File.Exists(nupkg).ShouldBeTrue();
        using var zip = System.IO.Compression.ZipFile.OpenRead(nupkg);
        zip.Entries.Select(e => e.FullName).ShouldContain("go/go.mod");
        zip.Entries.Select(e => e.FullName).ShouldNotContain(e => e.EndsWith(".dll", StringComparison.Ordinal));
    }

    [Fact]
    public void Restore_phase_resolves_modules_for_solution_builds_too()
    {
        using var p = TestProject.Standalone(sdk).WithModules();
        var sln = p.Combine("all.slnx");
        File.WriteAllText(sln, $"""
            <Solution>
              <Project Path="{Path.GetFileName(p.ProjectFile)}" />
            </Solution>
            """);

        Dotnet.Run(p.Directory, GoInputs.Env(("GOMODCACHE", p.ModCache)), "restore", sln, "-nologo").EnsureSuccess("dotnet restore all.slnx");

        File.ReadAllText(p.Combine("obj", "gomodule.csproj.gomod.g.props")).ShouldContain("example.com/greeting");
        File.Exists(p.Combine("obj", "gomodule.csproj.gomod.cache")).ShouldBeTrue();
    }
}
