using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// The go 1.21 go-line properties reach tidy through MSBuild: <c>-t:GoModTidy</c> on a go 1.21 module raises its go line
/// and writes the toolchain line exactly as the go 1.23 oracle's <c>go mod tidy</c> (GoLocalToolchain set to the
/// oracle's version), with GoTidyVerbose's <c>unused</c> message; GoTidyGo below a dependency's go line and a
/// GoLocalToolchain older than a dependency fail; an invalid GoTidyGo is refused with GOMOD0004.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class TidyGo121Tests(SdkPackage sdk)
{
    private static readonly TestModule[] Modules =
    [
        new("example.com/g22", "v1.0.0", new Dictionary<string, string> { ["g.go"] = "package g22\n" }, "module example.com/g22\n\ngo 1.22.1\n"),
        new("example.com/unused", "v1.0.0", new Dictionary<string, string> { ["u.go"] = "package unused\n" }, "module example.com/unused\n\ngo 1.17\n"),
    ];

    private const string GoMod = "module example.com/app\n\ngo 1.21\n\nrequire example.com/unused v1.0.0\n";

    private const string MainGo = "package main\n\nimport _ \"example.com/g22\"\n\nfunc main() {}\n";

    private static Dictionary<string, string?> Env(TestProxyServer proxy) => new() { ["GOPROXY"] = proxy.Url, ["GOSUMDB"] = "off" };

    [LaterGoFact]
    public async Task GoModTidy_of_a_go_1_21_module_writes_what_go_1_23_writes_and_GoTidyGo_GoTidyVerbose_GoLocalToolchain_reach_it()
    {
        await using var proxy = new TestProxyServer(ProxyContent.Build(Modules));
        using var goCopy = new TempDirectory("tidy121-go");
        using var home = new TempDirectory("tidy121-home");
        File.WriteAllText(goCopy.Combine("go.mod"), GoMod);
        File.WriteAllText(goCopy.Combine("main.go"), MainGo);
        var env = new Dictionary<string, string?> { ["GOPROXY"] = proxy.Url, ["GOFLAGS"] = "-modcacherw -mod=mod", ["GOSUMDB"] = "off", ["GONOSUMDB"] = "*" };
        var version = LaterGoOracle.Run(goCopy.Path, home.Path, null, "env", "GOVERSION").StdOut.Trim();
        var go = LaterGoOracle.Run(goCopy.Path, home.Path, env, "mod", "tidy", "-v");
        go.EnsureSuccess("go mod tidy -v");
        go.StdErr.ShouldContain("unused example.com/unused");
        var goMod = File.ReadAllText(goCopy.Combine("go.mod"));
        goMod.ShouldContain("\ngo 1.22.1\n\ntoolchain " + version + "\n");

        using var p = TestProject.Standalone(sdk, body: "");
        p.Write("go.mod", GoMod);
        p.Write("main.go", MainGo);

        // A dependency needing a newer go than the local toolchain fails (and writes nothing).
        var tooNew = p.Dotnet(Env(proxy), "build", "-t:GoModTidy", "-p:GoLocalToolchain=go1.22.0");
        tooNew.ExitCode.ShouldNotBe(0, tooNew.StdOut);
        tooNew.StdOut.ShouldContain("example.com/g22@v1.0.0 requires go >= 1.22.1 (running go 1.22.0; GOTOOLCHAIN=local)");
        File.ReadAllText(p.Combine("go.mod")).ShouldBe(GoMod);

        // -go below the dependency's go line: go's conflict; an invalid -go: GOMOD0004 before anything runs.
        var conflict = p.Dotnet(Env(proxy), "build", "-t:GoModTidy", "-p:GoTidyGo=1.21", "-p:GoLocalToolchain=" + version);
        conflict.ExitCode.ShouldNotBe(0, conflict.StdOut);
        conflict.StdOut.ShouldContain("example.com/g22@v1.0.0 requires go@1.22.1, but 1.21 is requested");
        var invalid = p.Dotnet(Env(proxy), "build", "-t:GoModTidy", "-p:GoTidyGo=1.2x");
        invalid.ExitCode.ShouldNotBe(0, invalid.StdOut);
        invalid.StdOut.ShouldContain("error GOMOD0004: GoTidyGo=1.2x not supported");
        File.ReadAllText(p.Combine("go.mod")).ShouldBe(GoMod);

        var tidy = p.Dotnet(Env(proxy), "build", "-t:GoModTidy", "-p:GoTidyVerbose=true", "-p:GoLocalToolchain=" + version);
        tidy.EnsureSuccess("dotnet build -t:GoModTidy -p:GoTidyVerbose=true");
        tidy.StdOut.ShouldContain("unused example.com/unused");
        File.ReadAllText(p.Combine("go.mod")).ShouldBe(goMod);
        File.ReadAllText(p.Combine("go.sum")).ShouldBe(File.ReadAllText(goCopy.Combine("go.sum")));
        p.Dotnet(Env(proxy), "build", "-t:GoModTidyCheck", "-p:GoLocalToolchain=" + version).EnsureSuccess("dotnet build -t:GoModTidyCheck after tidy");
    }
}
