namespace GoMod.EndToEnd.Tests;

/// <summary>A design-time build (IDE) never uses the network and never fails; it publishes what it knows.</summary>
[Collection(SdkCollection.Name)]
public sealed class DesignTimeTests(SdkPackage sdk)
{
    // Port 9 (discard) on loopback: nothing listens, so any request would fail at once.
    private static readonly Dictionary<string, string?> UnreachableProxy = GoInputs.Env(("GOPROXY", "http://127.0.0.1:9"));

    [Fact]
    public void Design_time_build_with_an_unreachable_proxy_succeeds_and_publishes_the_modules()
    {
        using var p = TestProject.CSharp(sdk).WithModules();

        var build = p.Dotnet(UnreachableProxy, "build", "-p:DesignTimeBuild=true");

        build.EnsureSuccess("design-time build");
        build.StdOut.ShouldNotContain("error GOMOD");
        TestProject.Modules(build).Select(m => m[0]).ShouldContain("example.com/greeting");
        File.Exists(p.Combine("obj", "app.csproj.gomod.cache")).ShouldBeFalse();
    }

    [Fact]
    public void Design_time_build_with_a_broken_go_mod_does_not_fail()
    {
        using var p = TestProject.Standalone(sdk).WithModules("module example.com/broken\n\nrequire (\n\tbogus\n)\n");

        var build = p.Dotnet(UnreachableProxy, "build", "-p:DesignTimeBuild=true");

        build.EnsureSuccess("design-time build");
        build.StdOut.ShouldNotContain("error GOMOD");
    }
}
