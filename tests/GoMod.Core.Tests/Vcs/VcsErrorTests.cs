using System.Net;
using System.Net.Sockets;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Vcs.Infrastructure;
using GoMod.Core.Vcs;
using GoMod.Testing;

namespace GoMod.Core.Tests.Vcs;

/// <summary>
/// Failures in direct mode are typed (<see cref="VcsException.Kind"/>), name the module and the repository, never
/// hold a password, and come within a bounded time — never a prompt or a hang.
/// </summary>
public sealed class VcsErrorTests(GitRepoFixture repos) : IClassFixture<GitRepoFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static ModuleDownloader Downloader(FetchSandbox sandbox, string? govcs = null, VcsOptions? vcs = null, string? goInsecure = null) =>
        new(GoEnvironment.FromVariables(new Dictionary<string, string?>
        {
            ["HOME"] = sandbox.Dir.Path,
            ["GOENV"] = "off",
            ["GOPATH"] = sandbox.Dir.Combine("gopath"),
            ["GOPROXY"] = "direct",
            ["GOSUMDB"] = "off",
            ["GOVCS"] = govcs,
            ["GOINSECURE"] = goInsecure,
        }), null, FetchSandbox.FastOptions with { Vcs = vcs ?? new VcsOptions() });


    [Fact]
    public async Task Unknown_repository_is_RepositoryNotFound()
    {
        using var sandbox = new FetchSandbox("vcserr");
        repos.WriteGitConfig(sandbox.Dir.Path);
        using var d = Downloader(sandbox);
        var e = await VcsAssert.FailsAsync(() => d.VersionsAsync("github.com/acme/missing"), VcsErrorKind.RepositoryNotFound);
        e.Path.ShouldBe("github.com/acme/missing");
        ((IVcsFailure)e).Repository.ShouldBe("https://github.com/acme/missing");
        e.IsNotFound.ShouldBeTrue();
        e.Message.ShouldContain("not found");
    }

    [Fact]
    public async Task Unknown_revision_is_UnknownRevision()
    {
        using var sandbox = new FetchSandbox("vcserr");
        repos.WriteGitConfig(sandbox.Dir.Path);
        using var d = Downloader(sandbox);
        var e = await VcsAssert.FailsAsync(() => d.StatAsync("github.com/acme/lib", "no-such-branch"), VcsErrorKind.UnknownRevision);
        e.Message.ShouldBe("github.com/acme/lib@no-such-branch: invalid version: unknown revision no-such-branch");
        await VcsAssert.FailsAsync(() => d.StatAsync("github.com/acme/lib", "0123456789abcdef0123456789abcdef01234567"), VcsErrorKind.UnknownRevision);
    }

    [Fact]
    public async Task A_server_asking_for_credentials_is_AuthenticationRequired_without_prompting_or_leaking_the_password()
    {
        using var sandbox = new FetchSandbox("vcserr");
        repos.Server.AuthRequired.Add("/private/");
        // A credential helper in the user's git config answers with a wrong password: git must not prompt, and the
        // password must appear nowhere in the error.
        repos.WriteGitConfig(sandbox.Dir.Path,
            "[credential]\n\thelper = \"!f() { echo username=user; echo password=hunter2-wrong; }; f\"\n" +
            $"[url \"{repos.Server.Url}private/\"]\n\tinsteadOf = https://example.org/private/\n");
        using var d = Downloader(sandbox);
        var e = await VcsAssert.FailsAsync(() => d.VersionsAsync("github.com/private/lib"), VcsErrorKind.AuthenticationRequired);
        e.ToString().ShouldNotContain("hunter2");
        (e.Cause?.ToString() ?? "").ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task Credentials_from_the_users_git_credential_helper_are_used()
    {
        using var sandbox = new FetchSandbox("vcserr");
        repos.Server.AuthRequired.Add("/private/");
        var root = repos.Server.ProjectRoot;
        if (!Directory.Exists(Path.Combine(root, "private", "lib")))
        {
            var w = new GitWorkTree(Path.Combine(sandbox.Dir.Path, "w"), new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
            w.Write("go.mod", "module github.com/private/lib\n").Write("p.go", "package lib\n");
            w.Commit("one");
            w.Tag("v0.1.0");
            w.PushTo(Path.Combine(root, "private", "lib"));
        }
        repos.WriteGitConfig(sandbox.Dir.Path, "[credential]\n\thelper = \"!f() { echo username=user; echo password=secret; }; f\"\n");
        using var d = Downloader(sandbox);
        (await d.VersionsAsync("github.com/private/lib").WaitAsync(Limit)).ShouldBe(["v0.1.0"]);
    }

    [Fact]
    public async Task An_insteadOf_rewrite_pointing_nowhere_is_Unreachable()
    {
        using var sandbox = new FetchSandbox("vcserr");
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        File.WriteAllText(Path.Combine(sandbox.Dir.Path, ".gitconfig"), $"[url \"http://127.0.0.1:{port}/\"]\n\tinsteadOf = https://github.com/\n");
        using var d = Downloader(sandbox);
        var e = await VcsAssert.FailsAsync(() => d.VersionsAsync("github.com/acme/lib"), VcsErrorKind.Unreachable);
        e.Message.ShouldContain($"rewritten by git config to http://127.0.0.1:{port}/acme/lib");
    }

    [Fact]
    public async Task GOVCS_refusal_is_DisallowedByGovcs_with_gos_message()
    {
        using var sandbox = new FetchSandbox("vcserr");
        repos.WriteGitConfig(sandbox.Dir.Path);
        using var d = Downloader(sandbox, govcs: "github.com/acme:off");
        var before = repos.Server.Requests.Count;
        var e = await VcsAssert.FailsAsync(() => d.VersionsAsync("github.com/acme/lib"), VcsErrorKind.DisallowedByGovcs);
        e.Message.ShouldBe("module github.com/acme/lib: GOVCS disallows using git for public github.com/acme/lib; see 'go help vcs'");
        repos.Server.Requests.Count.ShouldBe(before, "no request may reach the repository");
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out()
    {
        using var sandbox = new FetchSandbox("vcserr");
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<TcpClient>();
        var accept = Task.Run(async () =>
        {
            try { while (true) held.Add(await silent.AcceptTcpClientAsync()); }
            catch (Exception) { }
        });
        try
        {
            File.WriteAllText(Path.Combine(sandbox.Dir.Path, ".gitconfig"),
                $"[url \"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/\"]\n\tinsteadOf = https://github.com/\n");
            using var d = Downloader(sandbox, vcs: new VcsOptions { CommandTimeout = TimeSpan.FromSeconds(2), HttpTimeout = TimeSpan.FromSeconds(2) });
            var started = DateTime.UtcNow;
            var e = await VcsAssert.FailsAsync(() => d.VersionsAsync("github.com/acme/lib"), VcsErrorKind.Timeout);
            (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(30));
        }
        finally
        {
            silent.Stop();
            foreach (var c in held) c.Dispose();
            await accept;
        }
    }
}
