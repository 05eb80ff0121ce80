namespace GoMod.EndToEnd.Tests;

/// <summary>
/// The hooks users are promised: GoModBeforeRestore/GoModAfterRestore around the restore, and in the standalone style
/// the build's own chain (Compile's extension points included) with only the compiler call gone.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class ExtensionPointTests(SdkPackage sdk)
{
    [Fact]
    public void GoModBeforeRestore_and_GoModAfterRestore_run_around_the_restore()
    {
        using var p = TestProject.Standalone(sdk, """
              <Target Name="UserBefore" AfterTargets="GoModBeforeRestore"><Message Importance="high" Text="HOOK before restore" /></Target>
              <Target Name="UserAfter" AfterTargets="GoModAfterRestore"><Message Importance="high" Text="HOOK after restore: @(GoModule->Count()) modules in the g.props" /></Target>
            """).WithModules();

        var build = p.Dotnet(GoInputs.Env(), "build");

        build.EnsureSuccess("dotnet build");
        var output = build.StdOut;
        var before = output.IndexOf("HOOK before restore", StringComparison.Ordinal);
        var restored = output.IndexOf("GoMod: restored 4 modules", StringComparison.Ordinal);
        var after = output.IndexOf("HOOK after restore", StringComparison.Ordinal);
        before.ShouldBeGreaterThanOrEqualTo(0, output);
        restored.ShouldBeGreaterThan(before, output);
        after.ShouldBeGreaterThan(restored, output);
    }

    [Fact]
    public void Standalone_build_keeps_the_compile_chain_and_its_extension_points_but_compiles_nothing()
    {
        using var p = TestProject.Standalone(sdk, """
              <PropertyGroup><TargetsTriggeredByCompilation>$(TargetsTriggeredByCompilation);UserAfterCompilation</TargetsTriggeredByCompilation></PropertyGroup>
              <Target Name="UserBeforeCompile" BeforeTargets="CoreCompile"><Message Importance="high" Text="HOOK before CoreCompile" /></Target>
              <Target Name="UserAfterCompilation"><Message Importance="high" Text="HOOK triggered by compilation" /></Target>
            """).WithModules();

        var build = p.Dotnet(GoInputs.Env(), "build");

        build.EnsureSuccess("dotnet build");
        build.StdOut.ShouldContain("HOOK before CoreCompile");
        build.StdOut.ShouldContain("HOOK triggered by compilation");
        Directory.EnumerateFiles(p.Directory, "*.dll", SearchOption.AllDirectories).ShouldBeEmpty();
        Directory.EnumerateFiles(p.Directory, "*.pdb", SearchOption.AllDirectories).ShouldBeEmpty();
    }
}
