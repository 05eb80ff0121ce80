using GoMod.Core.Tests.Vcs.Infrastructure;
using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// A project whose private module lives in a git server on loopback builds with dotnet build alone: GOPRIVATE sends
/// the module past the (unreachable) default proxy and checksum database to git, the user's git configuration
/// (here GIT_CONFIG_GLOBAL with an insteadOf rewrite) is honoured, and go then uses the module cache offline.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class PrivateModuleTests(SdkPackage sdk)
{
    [GoFact]
    public async Task Private_module_from_a_git_server_builds_with_dotnet_build_alone()
    {
        using var tmp = new TempDirectory("e2e-private");
        var w = new GitWorkTree(tmp.Combine("w"), new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero));
        w.Write("go.mod", "module github.com/acme/private\n\ngo 1.19\n").Write("private.go", "package private\n\nconst Secret = 42\n")
            .Write("LICENSE", "private license\n");
        w.Commit("one");
        w.Tag("v1.0.0");
        w.PushTo(tmp.Combine("srv", "acme", "private"));
        await using var server = new GitHttpServer(tmp.Combine("srv"));
        var gitConfig = tmp.Write("gitconfig", $"[url \"{server.Url}\"]\n\tinsteadOf = https://github.com/\n");

        using var p = TestProject.Standalone(sdk);
        p.Write("go.mod", "module example.com/e2e\n\ngo 1.19\n\nrequire github.com/acme/private v1.0.0\n");
        var build = p.Dotnet(new Dictionary<string, string?>
        {
            ["GOPROXY"] = "https://proxy.golang.org,direct",
            ["GOSUMDB"] = null,
            ["GOPRIVATE"] = "github.com/acme",
            ["GOFLAGS"] = "-mod=mod",
            ["GIT_CONFIG_GLOBAL"] = gitConfig,
        }, "build");

        build.EnsureSuccess("dotnet build with a private git module");
        var item = TestProject.Modules(build).Single(m => m[0] == "github.com/acme/private");
        item[2].ShouldBe(Path.Combine(p.ModCache, "github.com", "acme", "private@v1.0.0"));
        File.ReadAllText(Path.Combine(item[2], "private.go")).ShouldContain("Secret = 42");
        server.Requests.ShouldContain(r => r.StartsWith("GET /acme/private/info/refs", StringComparison.Ordinal));

        // go agrees with the go.sum we wrote and verifies the cache offline.
        using var home = new TempDirectory("gohome");
        var env = new Dictionary<string, string?> { ["GOMODCACHE"] = p.ModCache, ["GOFLAGS"] = "-mod=readonly", ["GOPROXY"] = "off" };
        GoOracle.Run(p.Directory, home.Path, env, "mod", "verify").EnsureSuccess("go mod verify").StdOut.ShouldBe("all modules verified\n");
        GoOracle.Run(p.Directory, home.Path, env, "list", "-m", "all").EnsureSuccess("go list -m all").StdOut
            .ShouldBe("example.com/e2e\ngithub.com/acme/private v1.0.0\n");
        File.ReadAllText(Path.Combine(p.Directory, "go.sum")).ShouldContain("github.com/acme/private v1.0.0/go.mod h1:");
    }
}
