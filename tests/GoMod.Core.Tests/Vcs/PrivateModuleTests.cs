using System.Net;
using System.Net.Sockets;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Module;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Vcs.Infrastructure;

namespace GoMod.Core.Tests.Vcs;

/// <summary>GOPRIVATE and GONOPROXY send a module to its repository, past every proxy, and out of the checksum database.</summary>
public sealed class PrivateModuleTests(GitRepoFixture repos) : IClassFixture<GitRepoFixture>
{
    private static int ClosedPort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static GoEnvironment Env(FetchSandbox sandbox, params (string Key, string Value)[] extra)
    {
        var vars = new Dictionary<string, string?>
        {
            ["HOME"] = sandbox.Dir.Path,
            ["GOENV"] = "off",
            ["GOPATH"] = sandbox.Dir.Combine("gopath"),
        };
        foreach (var (k, v) in extra) vars[k] = v;
        return GoEnvironment.FromVariables(vars);
    }

    [Theory]
    [InlineData("GOPRIVATE")]
    [InlineData("GONOPROXY")]
    public async Task A_private_module_comes_from_git_even_when_the_proxy_is_unreachable(string setting)
    {
        using var sandbox = new FetchSandbox("private");
        repos.WriteGitConfig(sandbox.Dir.Path);
        var env = Env(sandbox, ("GOPROXY", $"http://127.0.0.1:{ClosedPort()}"), (setting, "github.com/acme"));
        using var d = new ModuleDownloader(env, null, FetchSandbox.FastOptions);
        var dir = await d.DownloadAsync(new ModuleVersion("github.com/acme/lib", "v1.1.0"));
        File.ReadAllText(Path.Combine(dir, "lib.go")).ShouldContain("const V = 2");
        // A public module still goes to the (unreachable) proxy and fails there.
        await Should.ThrowAsync<ModuleFetchException>(() => d.StatAsync("github.com/other/x", "v1.0.0"));
    }

    [Fact]
    public void GOPRIVATE_keeps_private_modules_out_of_the_checksum_database()
    {
        using var sandbox = new FetchSandbox("private");
        var env = Env(sandbox, ("GOPRIVATE", "github.com/acme"));
        env.GoSumDb.ShouldBe("sum.golang.org");
        env.UsesSumDb("github.com/acme/lib").ShouldBeFalse();
        env.UsesSumDb("github.com/other/x").ShouldBeTrue();
    }
}
