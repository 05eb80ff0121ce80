using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// dotnet build downloads what go.mod requires through GOPROXY into GOMODCACHE, laid out as go's own cache (go uses it
/// offline), checks every hash against go.sum, and writes go.sum as go does under -mod=mod.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class DownloadTests(SdkPackage sdk)
{
    private static readonly string[] Modules = ["example.com/Shout@v0.2.0", "example.com/greeting@v1.1.0", "example.com/punct@v1.1.0", "example.com/words@v1.0.0"];

    /// <summary>The cache directory go uses for path@version (upper case escaped as !lower).</summary>
    private static string CacheDir(TestProject p, string module) =>
        Path.Combine(p.ModCache, module.Replace("Shout", "!shout"));

    /// <summary>Runs go on the project, offline, on the project's module cache.</summary>
    private static ProcessResult Go(TestProject p, TempDirectory home, params string[] args) =>
        GoOracle.Run(p.Directory, home.Path, new Dictionary<string, string?>
        {
            ["GOMODCACHE"] = p.ModCache, ["GOFLAGS"] = "-mod=readonly", ["GOPROXY"] = "off",
        }, args);

    [GoFact]
    public void Build_downloads_into_the_module_cache_that_go_then_uses_offline_and_verifies()
    {
        using var p = TestProject.Standalone(sdk).WithModules();
        using var home = new TempDirectory("gohome");

        var build = p.Dotnet(GoInputs.Env(), "build");

        build.EnsureSuccess("dotnet build");
        build.StdOut.ShouldContain("GoMod: downloading 4 of 4 modules (");
        var published = TestProject.Modules(build);
        foreach (var m in Modules)
        {
            var (path, version) = (m[..m.IndexOf('@')], m[(m.IndexOf('@') + 1)..]);
            var item = published.Single(x => x[0] == path);
            item[2].ShouldBe(CacheDir(p, m));
            item[3].ShouldBe(GoInputs.Hash(path, version));
            Directory.EnumerateFiles(CacheDir(p, m), "*.go").ShouldNotBeEmpty();
        }
        var list = Go(p, home, "list", "-m", "all");
        list.EnsureSuccess("go list -m all on our cache");
        list.StdOut.ShouldBe("example.com/e2e\n" + string.Concat(Modules.Select(m => m.Replace('@', ' ') + "\n")));
        var goVerify = Go(p, home, "mod", "verify").EnsureSuccess("go mod verify on our cache");

        var ours = p.Dotnet(GoInputs.Env(), "build", "-t:GoModVerify");

        ours.EnsureSuccess("dotnet build -t:GoModVerify");
        goVerify.StdOut.ShouldBe("all modules verified\n");
        ours.StdOut.ShouldContain("  all modules verified");
    }

    [GoFact]
    public void GoModVerify_reports_a_modified_module_like_go_mod_verify()
    {
        using var p = TestProject.Standalone(sdk).WithModules();
        using var home = new TempDirectory("gohome");
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("dotnet build");
        var file = Path.Combine(CacheDir(p, "example.com/words@v1.0.0"), "words.go");
        if (!OperatingSystem.IsWindows())
        {
            // The cache is read-only, as go leaves it.
            File.SetUnixFileMode(Path.GetDirectoryName(file)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        else File.SetAttributes(file, FileAttributes.Normal);
        File.AppendAllText(file, "// changed\n");

        var go = Go(p, home, "mod", "verify");
        var ours = p.Dotnet(GoInputs.Env(), "build", "-t:GoModVerify");

        go.ExitCode.ShouldNotBe(0);
        ours.ExitCode.ShouldNotBe(0);
        // go mod verify reports modified modules on stderr.
        var goLine = go.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem();
        goLine.ShouldBe($"example.com/words v1.0.0: dir has been modified ({CacheDir(p, "example.com/words@v1.0.0")})");
        ours.StdOut.ShouldContain($"error GOMOD0104: {goLine}");
    }

    [Fact]
    public void Hash_that_differs_from_go_sum_is_a_security_error_and_nothing_usable_is_cached()
    {
        var good = GoInputs.Hash("example.com/greeting", "v1.1.0");
        using var p = TestProject.Standalone(sdk).WithModules();
        p.Write("go.sum", GoInputs.GoSum.Replace(good, GoInputs.Hash("example.com/punct", "v1.1.0")));

        var build = p.Dotnet(GoInputs.Env(), "build");

        build.ExitCode.ShouldNotBe(0);
        build.StdOut.ShouldContain("go.mod(7,2): error GOMOD0103: verifying example.com/greeting@v1.1.0: checksum mismatch");
        build.StdOut.ShouldContain("SECURITY ERROR");
        Directory.Exists(CacheDir(p, "example.com/greeting@v1.1.0")).ShouldBeFalse();
        var download = Path.Combine(p.ModCache, "cache", "download", "example.com", "greeting", "@v");
        File.Exists(Path.Combine(download, "v1.1.0.zip")).ShouldBeFalse();
        File.Exists(Path.Combine(download, "v1.1.0.ziphash")).ShouldBeFalse();
        File.Exists(p.Combine("obj", "gomodule.csproj.gomod.cache")).ShouldBeFalse();
    }

    [Fact]
    public void Readonly_mode_with_a_missing_go_sum_entry_fails_saying_what_to_run()
    {
        using var p = TestProject.Standalone(sdk).WithModules();
        p.Write("go.sum", string.Concat(GoInputs.GoSum.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("example.com/punct ", StringComparison.Ordinal)).Select(l => l + "\n")));

        var build = p.Dotnet(GoInputs.Env(), "build");

        build.ExitCode.ShouldNotBe(0);
        build.StdOut.ShouldContain("go.mod(11,2): error GOMOD0102: example.com/punct@v1.1.0: missing go.sum entry; to add it: go mod download example.com/punct. Add the entry with 'go mod download <module>' (or set GoModMode=mod to let the build add it).");
        Directory.Exists(p.ModCache).ShouldBeFalse();
    }

    [GoFact]
    public void Mod_mode_writes_go_sum_as_go_does()
    {
        using var p = TestProject.Standalone(sdk);
        using var goCopy = new TempDirectory("gocopy");
        using var home = new TempDirectory("gohome");
        var main = File.ReadAllText(Repo.Combine("samples/hello/main.go"));
        foreach (var dir in new[] { p.Directory, goCopy.Path })
        {
            File.WriteAllText(Path.Combine(dir, "go.mod"), GoInputs.GoMod());
            File.WriteAllText(Path.Combine(dir, "main.go"), main);
        }

        p.Dotnet(GoInputs.Env(), "build", "-p:GoModMode=mod").EnsureSuccess("dotnet build -p:GoModMode=mod");
        GoOracle.Run(goCopy.Path, home.Path, new Dictionary<string, string?>
        {
            ["GOPROXY"] = GoInputs.Proxy, ["GOFLAGS"] = "-modcacherw -mod=mod",
        }, "build", "-o", home.Combine("out"), ".").EnsureSuccess("go build -mod=mod");

        File.ReadAllText(p.Combine("go.sum")).ShouldBe(File.ReadAllText(goCopy.Combine("go.sum")));
    }

    [Fact]
    public void Second_build_needs_no_proxy_and_design_time_reports_the_cache()
    {
        using var p = TestProject.Standalone(sdk).WithModules();
        using var proxy = new TempDirectory("proxy");
        foreach (var file in Directory.EnumerateFiles(Repo.Combine("samples/hello/proxy"), "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(proxy.Path, Path.GetRelativePath(Repo.Combine("samples/hello/proxy"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        var env = GoInputs.Env(("GOPROXY", "file://" + proxy.Path));
        p.Dotnet(env, "build").EnsureSuccess("first build");
        TempDirectory.DeleteTree(proxy.Path);

        var (second, log) = p.DotnetWithLog(env, "build");
        var designTime = p.Dotnet(GoInputs.Env(("GOPROXY", "http://127.0.0.1:9")), "build", "-p:DesignTimeBuild=true");

        second.EnsureSuccess("second build without the proxy");
        TestProject.CountOf(log, "Skipping target \"GoModRestore\" because all output files are up-to-date").ShouldBe(2,
            string.Join("\n", log.Split('\n').Where(l => l.Contains("GoModRestore") || l.Contains("newer than"))));
        log.ShouldNotContain("GoMod: downloading");
        designTime.EnsureSuccess("design-time build");
        TestProject.Modules(designTime).Single(m => m[0] == "example.com/greeting")[2].ShouldBe(CacheDir(p, "example.com/greeting@v1.1.0"));
    }
}
