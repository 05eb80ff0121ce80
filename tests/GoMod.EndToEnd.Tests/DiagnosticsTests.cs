using GoMod.Core.ModFile;

namespace GoMod.EndToEnd.Tests;

/// <summary>Errors reach the user as <c>go.mod(L,C): error GOMODnnnn: message. fix</c> and fail the build.</summary>
[Collection(SdkCollection.Name)]
public sealed class DiagnosticsTests(SdkPackage sdk)
{
    [Fact]
    public void Go_mod_syntax_error_fails_the_build_at_its_line_and_column_with_code_and_fix()
    {
        using var p = TestProject.Standalone(sdk).WithModules(GoInputs.GoMod() + "\nbogus directive\n");
        var line = GoInputs.GoMod().Split('\n').Length + 1;

        var build = p.Dotnet(GoInputs.Env(), "build");

        build.ExitCode.ShouldNotBe(0);
        build.StdOut.ShouldContain($"go.mod({line},1): error GOMOD0002: unknown directive: bogus. Correct go.mod at the reported position");
    }

    [Fact]
    public void An_unknown_godebug_key_fails_the_build_at_its_line_as_go_1_23_refuses_it()
    {
        using var p = TestProject.CSharp(sdk).WithModules(GoInputs.GoMod() + "\ngodebug (\n\tpanicnil=1\n\thttp2clinet=0\n)\n");
        var line = GoInputs.GoMod().Split('\n').Length + 3;

        var build = p.Dotnet(GoInputs.Env(), "build");

        build.ExitCode.ShouldNotBe(0);
        build.StdOut.ShouldContain($"go.mod({line},1): error GOMOD0002: unknown godebug \"http2clinet\". Correct go.mod at the reported position");
        Directory.Exists(p.ModCache).ShouldBeFalse();
    }

    [Fact]
    public void Malformed_go_sum_fails_the_build_at_its_line_with_code_and_fix()
    {
        using var p = TestProject.Standalone(sdk).WithModules();
        p.Write("go.sum", GoInputs.GoSum + "example.com/words v1.0.0\n");
        var line = GoInputs.GoSum.Split('\n').Length;

        var build = p.Dotnet(GoInputs.Env(), "build");

        build.ExitCode.ShouldNotBe(0);
        build.StdOut.ShouldContain($"go.sum({line},1): error GOMOD0101: malformed go.sum: wrong number of fields 2. Restore go.sum");
    }

    [Fact]
    public void Missing_go_mod_is_an_error_naming_the_property_to_set()
    {
        using var p = TestProject.Standalone(sdk);

        var build = p.Dotnet(GoInputs.Env(), "build");

        build.ExitCode.ShouldNotBe(0);
        build.StdOut.ShouldContain("error GOMOD0001: go.mod file not found");
        build.StdOut.ShouldContain("set the GoModFile property");
    }
}
