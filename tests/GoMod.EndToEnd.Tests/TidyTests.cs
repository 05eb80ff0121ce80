using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// <c>dotnet build -t:GoModTidyCheck</c> fails with GOMOD0307 and the differences on an untidy module, changing nothing;
/// <c>-t:GoModTidy</c> rewrites go.mod and go.sum to what go 1.19's <c>go mod tidy</c> writes for the same module and
/// loopback proxy; after it the check passes and nothing changes.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class TidyTests(SdkPackage sdk)
{
    private static readonly TestModule[] Modules =
    [
        new("example.com/a", "v1.0.0", new Dictionary<string, string> { ["a.go"] = "package a\n\nimport _ \"example.com/b\"\n" },
            "module example.com/a\n\ngo 1.17\n\nrequire example.com/b v1.0.0\n"),
        new("example.com/b", "v1.0.0", new Dictionary<string, string> { ["b.go"] = "package b\n" }, "module example.com/b\n\ngo 1.17\n"),
        new("example.com/unused", "v1.0.0", new Dictionary<string, string> { ["u.go"] = "package unused\n" }, "module example.com/unused\n\ngo 1.17\n"),
    ];

    /// <summary>Requires a module nothing imports (with a comment), and not the one main.go imports.</summary>
    private const string GoMod = """
        module example.com/app

        go 1.17

        // Pinned for a reason nobody remembers.
        require example.com/unused v1.0.0

        """;

    private const string MainGo = "package main\n\nimport _ \"example.com/a\"\n\nfunc main() {}\n";

    private static Dictionary<string, string?> Env(TestProxyServer proxy) => new() { ["GOPROXY"] = proxy.Url, ["GOSUMDB"] = "off" };

    [GoFact]
    public async Task GoModTidy_writes_what_go_mod_tidy_writes_and_GoModTidyCheck_fails_before_and_passes_after()
    {
        await using var proxy = new TestProxyServer(ProxyContent.Build(Modules));
        using var p = TestProject.Standalone(sdk, body: "");
        p.Write("go.mod", GoMod);
        p.Write("main.go", MainGo);
        using var goCopy = new TempDirectory("tidy-go");
        using var home = new TempDirectory("tidy-home");
        File.WriteAllText(goCopy.Combine("go.mod"), GoMod);
        File.WriteAllText(goCopy.Combine("main.go"), MainGo);
        var go = GoOracle.Run(goCopy.Path, home.Path, new Dictionary<string, string?>
        {
            ["GOPROXY"] = proxy.Url, ["GOFLAGS"] = "-modcacherw -mod=mod", ["GOSUMDB"] = "off", ["GONOSUMDB"] = "*",
        }, "mod", "tidy");
        go.EnsureSuccess("go mod tidy");
        var goMod = File.ReadAllText(goCopy.Combine("go.mod"));
        var goSum = File.ReadAllText(goCopy.Combine("go.sum"));
        goMod.ShouldContain("require example.com/a v1.0.0\n");
        goMod.ShouldNotContain("example.com/unused");

        // The check: fails with the code and the diff, touches nothing.
        var check = p.Dotnet(Env(proxy), "build", "-t:GoModTidyCheck");
        check.ExitCode.ShouldNotBe(0, check.StdOut);
        check.StdOut.ShouldContain("error GOMOD0307: go.mod and go.sum are not tidy: go mod tidy would change them");
        check.StdOut.ShouldContain(p.Combine("go.mod"));
        check.StdOut.ShouldContain("-require example.com/unused v1.0.0");
        check.StdOut.ShouldContain("+require example.com/a v1.0.0");
        File.ReadAllText(p.Combine("go.mod")).ShouldBe(GoMod);
        File.Exists(p.Combine("go.sum")).ShouldBeFalse();

        var tidy = p.Dotnet(Env(proxy), "build", "-t:GoModTidy");
        tidy.EnsureSuccess("dotnet build -t:GoModTidy");
        tidy.StdOut.ShouldNotContain("error GOMOD");
        File.ReadAllText(p.Combine("go.mod")).ShouldBe(goMod);
        File.ReadAllText(p.Combine("go.sum")).ShouldBe(goSum);

        // Tidy now: the check passes silently and tidy again rewrites nothing.
        var modTime = File.GetLastWriteTimeUtc(p.Combine("go.mod"));
        var again = p.Dotnet(Env(proxy), "build", "-t:GoModTidyCheck");
        again.EnsureSuccess("dotnet build -t:GoModTidyCheck on a tidy module");
        again.StdOut.ShouldNotContain("GOMOD0307");
        p.Dotnet(Env(proxy), "build", "-t:GoModTidy").EnsureSuccess("dotnet build -t:GoModTidy on a tidy module");
        File.ReadAllText(p.Combine("go.mod")).ShouldBe(goMod);
        File.ReadAllText(p.Combine("go.sum")).ShouldBe(goSum);
        File.GetLastWriteTimeUtc(p.Combine("go.mod")).ShouldBe(modTime);
    }

    [GoFact]
    public async Task GoTidyErrors_is_go_mod_tidy_e_and_GoTidyCompat_is_its_compat_flag()
    {
        await using var proxy = new TestProxyServer(ProxyContent.Build(Modules));
        using var p = TestProject.Standalone(sdk, body: "");
        p.Write("go.mod", GoMod);
        p.Write("main.go", "package main\n\nimport (\n\t_ \"example.com/a\"\n\t_ \"example.com/nobody/pkg\"\n)\n\nfunc main() {}\n");

        // Without -e an import nobody provides fails tidy (GOMOD0310 at the import) and nothing is written.
        var fails = p.Dotnet(Env(proxy), "build", "-t:GoModTidy");
        fails.ExitCode.ShouldNotBe(0, fails.StdOut);
        fails.StdOut.ShouldContain($"{p.Combine("main.go")}(5,2): error GOMOD0310: cannot find module providing package example.com/nobody/pkg");
        File.ReadAllText(p.Combine("go.mod")).ShouldBe(GoMod);

        // With -e tidy reports it and writes the rest; a bad -compat is refused before anything runs.
        var bad = p.Dotnet(Env(proxy), "build", "-t:GoModTidy", "-p:GoTidyErrors=true", "-p:GoTidyCompat=latest");
        bad.ExitCode.ShouldNotBe(0, bad.StdOut);
        bad.StdOut.ShouldContain("GoTidyCompat=latest not supported");
        var withE = p.Dotnet(Env(proxy), "build", "-t:GoModTidy", "-p:GoTidyErrors=true", "-p:GoTidyCompat=1.17");
        withE.EnsureSuccess("dotnet build -t:GoModTidy -p:GoTidyErrors=true");
        withE.StdOut.ShouldContain("example.com/nobody/pkg: cannot find module providing package example.com/nobody/pkg");
        File.ReadAllText(p.Combine("go.mod")).ShouldContain("require example.com/a v1.0.0\n");
    }
}
