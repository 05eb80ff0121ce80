using System.Diagnostics;
using System.Text;
using GoMod.Core.Auth;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.SumDb.Infrastructure;
using GoMod.Testing;

namespace GoMod.Core.Tests.Auth;

/// <summary>
/// GOAUTH (Go 1.24+, <c>go help goauth</c>) against a real https proxy on loopback that refuses requests without the
/// right header, with real helper programs: shell scripts as GOAUTH commands, and git's own <c>store</c> credential
/// helper behind <c>git credential fill</c>. No installed go reads GOAUTH (1.19, 1.23), so the cases follow go's
/// documentation and its cmd/go/internal/auth rules.
/// </summary>
public sealed class GoAuthTests
{
    private static readonly TestModule A = TestModule.Simple("example.com/a", "v1.0.0");
    private static readonly TestModule B = TestModule.Simple("example.com/b", "v1.0.0");

    private static FetchOptions Trusting(string netrc = "", List<string>? traces = null) => FetchSandbox.NoRetry with
    {
        TrustedRootCertificates = [TestCertificates.Loopback],
        Netrc = NetrcFile.Parse(netrc),
        Trace = traces is null ? null : t => { lock (traces) traces.Add(t); },
    };

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));

    /// <summary>An https proxy serving <paramref name="modules"/> only to requests whose Authorization is <paramref name="required"/>.</summary>
    private static TestProxyServer Guarded(string required, params TestModule[] modules) => new(ProxyContent.Build(modules), TestCertificates.Loopback)
    {
        Handler = r => r.Header("authorization") == required ? null
            : TestResponse.Text(401, "unauthorized\n") with { Headers = new Dictionary<string, string> { ["WWW-Authenticate"] = "Basic realm=\"proxy\"" } },
    };

    private static ModuleDownloader Downloader(FetchSandbox box, string url, string goAuth, FetchOptions options) =>
        new(box.Env(url) with { GoAuth = goAuth }, null, options);

    /// <summary>A shell script: the GOAUTH command (its path has no spaces), logging each run's arguments to <c>&lt;name&gt;.args</c>.</summary>
    private static string Script(FetchSandbox box, string name, string body)
    {
        var path = box.Dir.Write(name, "#!/bin/sh\necho \"run:$*\" >> \"$0.args\"\n" + body);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static string[] Runs(string script) => File.Exists(script + ".args") ? File.ReadAllLines(script + ".args") : [];

    [Fact]
    public async Task A_command_runs_once_before_the_first_request_and_its_headers_go_with_every_request()
    {
        await using var server = Guarded("Bearer t0k3n", A, B);
        using var box = new FetchSandbox();
        var script = Script(box, "token.sh", $"printf '{server.Url}\\n\\nAuthorization: Bearer t0k3n\\n\\n'\n");
        using var d = Downloader(box, server.Url, script, Trusting());

        var results = await d.DownloadAsync([A.ModuleVersion, B.ModuleVersion], DownloadParts.All);

        results.ShouldAllBe(r => r.Error == null);
        server.Requests.ShouldAllBe(r => r.Header("authorization") == "Bearer t0k3n");
        Runs(script).ShouldBe(["run:"], "once, with no argument, before the first request");
    }

    [Fact]
    public async Task A_refused_request_asks_the_command_again_with_its_url_and_the_response_and_is_sent_once_more()
    {
        await using var server = Guarded("Bearer for-this-url", A);
        using var box = new FetchSandbox();
        // Nothing before the first request; for a URL, a credential for that very URL (and the response kept).
        var script = Script(box, "per-url.sh", """
            [ -z "$1" ] && exit 0
            cat > "$0.stdin"
            printf '%s\n\nAuthorization: Bearer for-this-url\n\n' "$1"
            """);
        using var d = Downloader(box, server.Url, script, Trusting());

        var mod = await d.GoModAsync(A.ModuleVersion);

        mod.ShouldBe(A.GoModBytes);
        var url = server.Url + "/example.com/a/@v/v1.0.0.mod";
        Runs(script).ShouldBe(["run:", "run:" + url]);
        server.Requests.Select(r => r.Header("authorization")).ShouldBe([null, "Bearer for-this-url"]);
        var stdin = File.ReadAllText(script + ".stdin");
        stdin.ShouldStartWith("HTTP/1.1 401 Unauthorized\n");
        stdin.ShouldContain("WWW-Authenticate: Basic realm=\"proxy\"\n");
        stdin.ShouldEndWith("\n\n");
    }

    [Fact]
    public async Task The_first_method_listed_wins_a_prefix_and_the_longest_prefix_wins_a_url()
    {
        await using var server = new TestProxyServer(ProxyContent.Build([A, B]), TestCertificates.Loopback);
        using var box = new FetchSandbox();
        var first = Script(box, "first.sh", $"printf '{server.Url}\\n\\nX-Token: first\\n\\n'\n");
        var second = Script(box, "second.sh",
            $"printf '{server.Url}\\n\\nX-Token: second\\n\\n{server.Url}/example.com/b/\\n\\nX-Token: b-only\\nX-Extra: 1\\n\\n'\n");
        using var d = Downloader(box, server.Url, $"{first};{second}", Trusting());

        await d.GoModAsync(A.ModuleVersion);
        await d.GoModAsync(B.ModuleVersion);

        var byPath = server.Requests.ToDictionary(r => r.Path);
        byPath["/example.com/a/@v/v1.0.0.mod"].Header("x-token").ShouldBe("first");
        byPath["/example.com/b/@v/v1.0.0.mod"].Header("x-token").ShouldBe("b-only");
        byPath["/example.com/b/@v/v1.0.0.mod"].Header("x-extra").ShouldBe("1");
    }

    [Fact]
    public async Task Off_sends_no_netrc_credentials()
    {
        await using var server = Guarded(Basic("alice", "s3cret"), A);
        using var box = new FetchSandbox();
        using var d = Downloader(box, server.Url, "off", Trusting("machine 127.0.0.1 login alice password s3cret\n"));

        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(A.ModuleVersion));

        e.Message.ShouldContain("401 Unauthorized");
        server.Requests.ShouldAllBe(r => r.Header("authorization") == null);
    }

    [Fact]
    public async Task A_netrc_entry_with_the_port_serves_that_port()
    {
        await using var server = Guarded(Basic("bob", "pw"), A);
        using var box = new FetchSandbox();
        var port = new Uri(server.Url).Port;
        using var d = Downloader(box, server.Url, "netrc", Trusting($"machine 127.0.0.1:{port} login bob password pw\n"));

        (await d.GoModAsync(A.ModuleVersion)).ShouldBe(A.GoModBytes);
        server.RequestCount.ShouldBe(1, "netrc alone never asks again: the same credentials would go");
    }

    [Fact]
    public async Task A_plain_http_proxy_runs_no_goauth_command()
    {
        await using var server = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        var script = Script(box, "never.sh", "exit 0\n");
        using var d = Downloader(box, server.Url, script, Trusting());

        (await d.GoModAsync(A.ModuleVersion)).ShouldBe(A.GoModBytes);
        Runs(script).ShouldBeEmpty("GOAUTH is for https requests only");
    }

    [Fact]
    public async Task A_command_that_fails_or_prints_nonsense_gives_nothing_and_is_traced()
    {
        await using var server = Guarded("Bearer x", A);
        using var box = new FetchSandbox();
        var failing = Script(box, "failing.sh", "echo oops >&2\nexit 3\n");
        var nonsense = Script(box, "nonsense.sh", "printf 'not a url\\n\\n'\n");
        var traces = new List<string>();
        using var d = Downloader(box, server.Url, $"{failing};{nonsense}", Trusting(traces: traces));

        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(A.ModuleVersion));

        e.Message.ShouldContain("401 Unauthorized");
        traces.ShouldContain(t => t.Contains($"GOAUTH={failing}: could not run command {failing}: exit status 3", StringComparison.Ordinal) && t.Contains("oops"));
        traces.ShouldContain(t => t.Contains($"cannot parse output of GOAUTH command {nonsense}: could not parse URL not a url", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("off;netrc", "GOAUTH=off cannot be combined with other authentication commands (GOAUTH=off;netrc)")]
    [InlineData("netrc;;netrc", "GOAUTH encountered an empty command (GOAUTH=netrc;;netrc)")]
    [InlineData("git relative/dir", "GOAUTH=git dir method requires an absolute path to the git working directory, dir is not absolute")]
    [InlineData("git", "GOAUTH=git dir method requires an absolute path to the git working directory")]
    [InlineData("git /nonexistent/gomod-goauth", "GOAUTH=git encountered an error; cannot stat /nonexistent/gomod-goauth: no such file or directory")]
    public async Task A_setting_that_breaks_go_s_rules_fails_the_first_https_request_with_go_s_message(string goAuth, string message)
    {
        await using var server = new TestProxyServer(ProxyContent.Build([A]), TestCertificates.Loopback);
        using var box = new FetchSandbox();
        using var d = Downloader(box, server.Url, goAuth, Trusting());

        var e = await Should.ThrowAsync<Exception>(() => d.GoModAsync(A.ModuleVersion));

        e.ShouldBeOfType<GoEnvironmentException>().Setting.ShouldBe("GOAUTH");
        e.Message.ShouldBe(message);
        server.RequestCount.ShouldBe(0);
    }

    /// <summary>Through the restore, a broken GOAUTH is the invalid-setting diagnostic, in go's words.</summary>
    [Fact]
    public async Task A_broken_setting_fails_the_restore_as_an_invalid_go_environment_setting()
    {
        await using var server = new TestProxyServer(ProxyContent.Build([A]), TestCertificates.Loopback);
        using var box = new FetchSandbox();
        var goMod = box.Dir.Write("main/go.mod", "module example.com/main\n\ngo 1.17\n\nrequire example.com/a v1.0.0\n");

        var result = await new ModuleRestorer().RestoreAsync(new RestoreOptions
        {
            ModFile = goMod,
            Settings = new Dictionary<string, string?>
            {
                ["GOMODCACHE"] = box.ModCache, ["GOPROXY"] = server.Url, ["GOSUMDB"] = "off", ["GOFLAGS"] = "-mod=mod", ["GOAUTH"] = "off;netrc",
            },
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
            Fetch = Trusting(),
        }, CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Diagnostics.ShouldContain(d => d.Code == "GOMOD0006"
            && d.Message.Contains("GOAUTH=off cannot be combined with other authentication commands (GOAUTH=off;netrc)", StringComparison.Ordinal));
        server.RequestCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_restore_that_downloads_and_asks_the_checksum_database_runs_each_command_once()
    {
        // One https server is the proxy and the checksum database; both refuse requests without the token.
        await using var server = new TestProxyServer(ProxyContent.Build([A, B]), TestCertificates.Loopback);
        var db = new TestSumDb().On(server);
        db.Grow(4);
        db.Add(A);
        db.Add(B);
        var database = server.Handler!;
        server.Handler = r => r.Header("authorization") == "Bearer t0k3n" ? database(r) : TestResponse.Text(401, "unauthorized\n");
        using var box = new FetchSandbox();
        var script = Script(box, "token.sh", $"printf '{server.Url}\\n\\nAuthorization: Bearer t0k3n\\n\\n'\n");
        var goMod = box.Dir.Write("main/go.mod", "module example.com/main\n\ngo 1.17\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0\n)\n");

        var result = await new ModuleRestorer().RestoreAsync(new RestoreOptions
        {
            ModFile = goMod,
            Settings = new Dictionary<string, string?>
            {
                ["GOPATH"] = box.Dir.Combine("gopath"), ["GOMODCACHE"] = box.ModCache, ["GOPROXY"] = server.Url,
                ["GOSUMDB"] = db.GoSumDb(server), ["GOFLAGS"] = "-mod=mod", ["GOAUTH"] = script,
            },
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
            Fetch = Trusting(),
        }, CancellationToken.None);

        result.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        db.LookupCount.ShouldBe(2, "the new go.sum lines were confirmed by the database");
        server.Requests.ShouldAllBe(r => r.Header("authorization") == "Bearer t0k3n");
        Runs(script).ShouldBe(["run:"], "once for the run (go: once per process), not once for the proxy and once for the database");
    }

    // ---- git <dir> ----

    private static string GitDir(FetchSandbox box, string storedUrl)
    {
        var dir = box.Dir.Combine("creds");
        Directory.CreateDirectory(dir);
        Git(dir, "init", "-q");
        var store = box.Dir.Write("git-credentials", storedUrl + "\n");
        Git(dir, "config", "credential.helper", $"store --file={store}");
        return dir;
    }

    private static void Git(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        p.ExitCode.ShouldBe(0, "git " + string.Join(' ', args) + ": " + p.StandardError.ReadToEnd());
    }

    [Fact]
    public async Task Git_credential_fill_answers_a_refused_request_and_the_working_credential_stays_in_the_helper()
    {
        await using var server = Guarded(Basic("alice", "s3cret"), A);
        using var box = new FetchSandbox();
        var port = new Uri(server.Url).Port;
        var dir = GitDir(box, $"https://alice:s3cret@127.0.0.1:{port}");
        using var d = Downloader(box, server.Url, $"git {dir}", Trusting());

        (await d.GoModAsync(A.ModuleVersion)).ShouldBe(A.GoModBytes);

        server.Requests.Select(r => r.Header("authorization")).ShouldBe([null, Basic("alice", "s3cret")]);
        File.ReadAllText(box.Dir.Combine("git-credentials")).ShouldContain($"https://alice:s3cret@127.0.0.1%3a{port}", Case.Insensitive);
    }

    [Fact]
    public async Task A_credential_git_gave_that_is_refused_again_is_rejected_from_the_helper()
    {
        await using var server = Guarded(Basic("alice", "s3cret"), A);
        using var box = new FetchSandbox();
        var port = new Uri(server.Url).Port;
        GitDir(box, $"https://alice:wrong@127.0.0.1:{port}");
        using var d = Downloader(box, server.Url, $"git {box.Dir.Combine("creds")}", Trusting());

        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(A.ModuleVersion));

        e.Message.ShouldContain("401 Unauthorized");
        server.Requests.Select(r => r.Header("authorization")).ShouldBe([null, Basic("alice", "wrong")]);
        File.ReadAllText(box.Dir.Combine("git-credentials")).ShouldNotContain("wrong");
    }

    // ---- the command output format (go help goauth) ----

    [Fact]
    public void Command_output_is_credential_sets_of_urls_and_headers()
    {
        var parsed = AuthCommand.Parse("https://example.com\nhttps://example.net/api/\n\nAuthorization: Basic abc\n\nhttps://another-example.org/\n\nExample: Data\nExample: More\n\n");

        parsed.Keys.Order(StringComparer.Ordinal).ShouldBe(["another-example.org", "example.com", "example.net/api"]);
        parsed["example.net/api"].Items.ShouldBe([new("Authorization", "Basic abc")]);
        parsed["another-example.org"].Items.ShouldBe([new("Example", "Data"), new("Example", "More")]);
        AuthCommand.Parse("").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("https://example.com\n", "invalid format: missing empty line after URLs")]
    [InlineData("https://example.com\n\nAuthorization: x\n", "invalid format: missing empty line after headers")]
    [InlineData("https://example.com\n\nAuthorization:x\n\n", "invalid format: invalid header line")]
    [InlineData("https://example.com\n\nBad Name: x\n\n", "invalid format: invalid header line")]
    [InlineData("relative/url\n\nA: b\n\n", "could not parse URL relative/url: parse \"relative/url\": invalid URI for request")]
    public void Malformed_command_output_is_go_s_error(string output, string message) =>
        Should.Throw<FormatException>(() => AuthCommand.Parse(output)).Message.ShouldBe(message);

    [Theory]
    [InlineData("cmd --flag 'two words' \"x y\"", new[] { "cmd", "--flag", "two words", "x y" })]
    [InlineData("  a\tb  ", new[] { "a", "b" })]
    [InlineData("a'b c'", new[] { "a'b", "c'" })]
    public void A_command_line_splits_as_go_s_quoted_split(string command, string[] words) =>
        GoAuthMethod.SplitQuoted(command).Words.ShouldBe(words);

    [Fact]
    public void An_unterminated_quote_is_an_error_of_that_command_only()
    {
        GoAuthMethod.SplitQuoted("cmd 'open").Error.ShouldBe("unterminated ' string");
        GoAuthMethod.Parse("netrc;cmd 'open")!.Last().ShouldBeOfType<GoAuthMethod.Command>().SplitError.ShouldNotBeNull();
    }
}
