using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// <c>dotnet build</c> checks the import comments of the packages it builds (a dependency's stale comment is a warning
/// at its file and line, a main-module package's wrong comment an error), and <c>-t:GoModWhy</c> prints what
/// <c>go mod why</c> prints. The dependencies come from a loopback HTTP proxy.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class ImportCommentAndWhyTests(SdkPackage sdk)
{
    /// <summary>
    /// The classic case: a package whose canonical (vanity) path is rsc.io/pdf, fetched through its hosting URL;
    /// it imports its sibling module's package, which needs nothing else.
    /// </summary>
    private static readonly TestModule[] Modules =
    [
        new("github.com/rsc/pdf", "v0.1.1", new Dictionary<string, string>
        {
            ["pdf.go"] = "// Package pdf reads PDF files.\n//\n// Vanity path.\npackage pdf // import \"rsc.io/pdf\"\n\nimport _ \"example.com/font\"\n",
        }, "module github.com/rsc/pdf\n\ngo 1.19\n\nrequire example.com/font v1.0.0\n"),
        new("example.com/font", "v1.0.0", new Dictionary<string, string> { ["font.go"] = "package font // import \"example.com/font\"\n" },
            "module example.com/font\n\ngo 1.19\n"),
    ];

    private const string GoMod = """
        module example.com/app

        go 1.19

        require github.com/rsc/pdf v0.1.1

        require example.com/font v1.0.0 // indirect

        """;

    private static Dictionary<string, string?> Env(TestProxyServer proxy) => new()
    {
        ["GOPROXY"] = proxy.Url, ["GOSUMDB"] = "off", ["GOFLAGS"] = "-mod=mod",
    };

    private static TestProject Project(SdkPackage sdk, string mainFile)
    {
        var p = TestProject.Standalone(sdk);
        p.Write("go.mod", GoMod);
        p.Write("main.go", mainFile);
        return p;
    }

    [Fact]
    public async Task A_dependency_s_stale_import_comment_is_a_warning_at_its_file_and_line()
    {
        await using var proxy = new TestProxyServer(ProxyContent.Build(Modules));
        using var p = Project(sdk, "package main\n\nimport _ \"github.com/rsc/pdf\"\n\nfunc main() {}\n");

        var build = p.Dotnet(Env(proxy), "build");

        build.EnsureSuccess("dotnet build");
        var dir = Path.Combine(p.ModCache, "github.com", "rsc", "pdf@v0.1.1");
        build.StdOut.ShouldContain($"{Path.Combine(dir, "pdf.go")}(4,13): warning GOMOD0370: code in directory {dir} expects import \"rsc.io/pdf\"; import \"rsc.io/pdf\" instead of \"github.com/rsc/pdf\"");
        build.StdOut.ShouldNotContain("font.go");
        build.StdOut.ShouldNotContain("error GOMOD");
    }

    [Fact]
    public async Task A_main_module_package_with_a_wrong_import_comment_fails_the_build_and_an_exempt_module_is_quiet()
    {
        await using var proxy = new TestProxyServer(ProxyContent.Build(Modules));
        using var p = Project(sdk, "package main // import \"example.com/oldapp\"\n\nimport _ \"github.com/rsc/pdf\"\n\nfunc main() {}\n");

        var build = p.Dotnet(Env(proxy), "build");

        build.ExitCode.ShouldNotBe(0, build.StdOut);
        build.StdOut.ShouldContain($"{p.Combine("main.go")}(1,14): error GOMOD0320: code in directory {p.Directory} expects import \"example.com/oldapp\"");

        p.Write("main.go", "package main\n\nimport _ \"github.com/rsc/pdf\"\n\nfunc main() {}\n");
        var exempt = p.Dotnet(Env(proxy), "build", "-p:GoImportCommentsExempt=github.com/rsc");
        exempt.EnsureSuccess("dotnet build with GoImportCommentsExempt");
        exempt.StdOut.ShouldNotContain("GOMOD03");
    }

    [GoFact]
    public async Task GoModWhy_prints_and_writes_what_go_mod_why_prints()
    {
        await using var proxy = new TestProxyServer(ProxyContent.Build(Modules));
        using var p = Project(sdk, "package main\n\nimport _ \"github.com/rsc/pdf\"\n\nfunc main() {}\n");
        using var home = new TempDirectory("gohome");
        p.Dotnet(Env(proxy), "build").EnsureSuccess("dotnet build");

        var why = p.Dotnet(Env(proxy), "build", "-t:GoModWhy", "-p:GoWhy=\"example.com/font;rsc.io/pdf\"", "-p:GoWhyOutput=out/why.txt");
        var whyM = p.Dotnet(Env(proxy), "build", "-t:GoModWhy", "-p:GoWhy=example.com/font", "-p:GoWhyModules=true", "-p:GoWhyOutput=out/why-m.txt");

        var goEnv = new Dictionary<string, string?> { ["GOMODCACHE"] = p.ModCache, ["GOPROXY"] = proxy.Url, ["GOFLAGS"] = "-mod=mod" };
        var go = GoOracle.Run(p.Directory, home.Path, goEnv, "mod", "why", "example.com/font", "rsc.io/pdf").EnsureSuccess("go mod why");
        var goM = GoOracle.Run(p.Directory, home.Path, goEnv, "mod", "why", "-m", "example.com/font").EnsureSuccess("go mod why -m");

        why.EnsureSuccess("dotnet build -t:GoModWhy");
        whyM.EnsureSuccess("dotnet build -t:GoModWhy -p:GoWhyModules=true");
        go.StdOut.ShouldBe("# example.com/font\nexample.com/app\ngithub.com/rsc/pdf\nexample.com/font\n\n# rsc.io/pdf\n(main module does not need package rsc.io/pdf)\n");
        File.ReadAllText(p.Combine("out", "why.txt")).ShouldBe(go.StdOut);
        File.ReadAllText(p.Combine("out", "why-m.txt")).ShouldBe(goM.StdOut);
        why.StdOut.ShouldContain("  (main module does not need package rsc.io/pdf)");
    }
}
