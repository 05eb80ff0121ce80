using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// <c>dotnet build -t:GoModVerify</c> (and GoModList, GoModGraph) work on the module cache as it is: the restore
/// phase that <c>dotnet build</c> runs first leaves the modules alone, so nothing is fetched and nothing re-extracted.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class ReportTargetsOfflineTests(SdkPackage sdk)
{
    private static string WordsDir(TestProject p) => Path.Combine(p.ModCache, "example.com", "words@v1.0.0");

    /// <summary>
    /// Removes a module's files from the module cache — its extracted tree (go leaves it read-only) and its zip, keeping
    /// its .mod and .info — and makes go.mod newer than the restore's cache file, so that a restore phase that ran would
    /// do work: extract again, or fetch the zip again.
    /// </summary>
    private static void DeleteModuleFiles(TestProject p)
    {
        TempDirectory.DeleteTree(WordsDir(p));
        var download = Path.Combine(p.ModCache, "cache", "download", "example.com", "words", "@v");
        File.Delete(Path.Combine(download, "v1.0.0.zip"));
        File.Delete(Path.Combine(download, "v1.0.0.ziphash"));
        Directory.Exists(WordsDir(p)).ShouldBeFalse();
        File.SetLastWriteTimeUtc(p.Combine("go.mod"), DateTime.UtcNow.AddSeconds(5));
    }

    private static void ShouldBeUnchanged(TestProject p)
    {
        Directory.Exists(WordsDir(p)).ShouldBeFalse();
        File.Exists(Path.Combine(p.ModCache, "cache", "download", "example.com", "words", "@v", "v1.0.0.zip")).ShouldBeFalse();
    }

    [GoFact]
    public void GoModVerify_through_dotnet_build_with_GOPROXY_off_says_what_go_mod_verify_says()
    {
        using var p = TestProject.Standalone(sdk).WithModules();
        using var home = new TempDirectory("gohome");
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("dotnet build");
        DeleteModuleFiles(p);

        var go = GoOracle.Run(p.Directory, home.Path, new Dictionary<string, string?>
        {
            ["GOMODCACHE"] = p.ModCache, ["GOFLAGS"] = "-mod=readonly", ["GOPROXY"] = "off",
        }, "mod", "verify");
        var ours = p.Dotnet(GoInputs.Env(("GOPROXY", "off")), "build", "-t:GoModVerify");

        go.EnsureSuccess("go mod verify");
        go.StdOut.ShouldBe("all modules verified\n");
        ours.EnsureSuccess("dotnet build -t:GoModVerify");
        ours.StdOut.ShouldContain("  all modules verified");
        ours.StdOut.ShouldNotContain("error GOMOD");
        ShouldBeUnchanged(p);
    }

    [Theory]
    [InlineData("GoModVerify")]
    [InlineData("GoModList")]
    [InlineData("GoModGraph")]
    public async Task Report_target_through_dotnet_build_makes_no_request_and_leaves_the_module_cache_as_it_is(string target)
    {
        using var p = TestProject.Standalone(sdk).WithModules();
        await using var proxy = LoopbackProxy.Start();
        var env = GoInputs.Env(("GOPROXY", proxy.Url));
        p.Dotnet(env, "build").EnsureSuccess("dotnet build");
        proxy.RequestCount.ShouldBeGreaterThan(0);
        DeleteModuleFiles(p);
        var requests = proxy.RequestCount;

        var (report, log) = p.DotnetWithLog(env, "build", "-t:" + target);

        report.EnsureSuccess("dotnet build -t:" + target);
        proxy.RequestCount.ShouldBe(requests, string.Join("\n", proxy.Requests.Skip(requests).Select(r => r.Path)));
        ShouldBeUnchanged(p);
        log.ShouldContain("GoMod: the restore phase leaves the Go modules as they are");
    }

    [Fact]
    public async Task Build_with_a_report_target_still_restores_first()
    {
        using var p = TestProject.Standalone(sdk).WithModules();
        await using var proxy = LoopbackProxy.Start();

        var build = p.Dotnet(GoInputs.Env(("GOPROXY", proxy.Url)), "build", "-t:Build;GoModList");

        build.EnsureSuccess("dotnet build -t:Build;GoModList");
        proxy.RequestCount.ShouldBeGreaterThan(0);
        Directory.Exists(WordsDir(p)).ShouldBeTrue();
        build.StdOut.ShouldContain("  example.com/words v1.0.0");
    }
}
