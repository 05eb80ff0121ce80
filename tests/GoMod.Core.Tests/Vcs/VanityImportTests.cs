using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Vcs.Infrastructure;
using GoMod.Core.Vcs;
using GoMod.Testing;

namespace GoMod.Core.Tests.Vcs;

/// <summary>
/// Vanity import paths: <c>?go-get=1</c> discovery with go's meta-tag rules. Our side resolves the made-up host
/// <c>vanity.test</c> through <see cref="VcsOptions.HostMap"/> (a test-local hosts file); the differential test uses
/// module paths under <c>127.0.0.1/…</c> with a discovery server bound to 127.0.0.1:80 and GOINSECURE, because go
/// always asks port 443 then 80.
/// </summary>
public sealed class VanityImportTests(GitRepoFixture repos) : IClassFixture<GitRepoFixture>
{
    private ModuleDownloader Downloader(FetchSandbox sandbox, string? goInsecure = "vanity.test") =>
        new(GoEnvironment.FromVariables(new Dictionary<string, string?>
        {
            ["HOME"] = sandbox.Dir.Path,
            ["GOENV"] = "off",
            ["GOPATH"] = sandbox.Dir.Combine("gopath"),
            ["GOPROXY"] = "direct",
            ["GOSUMDB"] = "off",
            ["GOINSECURE"] = goInsecure,
        }), null, FetchSandbox.FastOptions with
        {
            Vcs = new VcsOptions
            {
                HttpTimeout = TimeSpan.FromSeconds(10),
                HostMap = new Dictionary<string, IPEndPoint> { ["vanity.test:80"] = new(IPAddress.Loopback, repos.Server.Port) },
            },
        });

    private void Page(string key, string head, string body = "") =>
        repos.Server.Pages[key] = $"<!DOCTYPE html>\n<html><head>\n{head}\n</head><body>{body}</body></html>\n";

    private string Repo(string name) => repos.Server.Url + name;

    [Fact]
    public async Task A_vanity_path_resolves_through_its_meta_tag_and_a_subdirectory_module_through_the_prefix()
    {
        Page("vanity.test/lib",
            $"<meta name=\"go-source\" content=\"vanity.test/lib _ _ _\">\n<META NAME=\"go-import\" CONTENT=\"vanity.test/lib git {Repo("acme/lib")}\">\n" +
            "<meta name=\"go-import\" content=\"vanity.test/other git https://nowhere.invalid/x\">");
        using var sandbox = new FetchSandbox("vanity");
        using var d = Downloader(sandbox);
        (await d.VersionsAsync("vanity.test/lib")).ShouldBe(["v1.0.0", "v1.1.0"]);
        (await d.VersionsAsync("vanity.test/lib/sub")).ShouldBe(["v0.1.0", "v0.2.0"]);
        var info = await d.StatAsync("vanity.test/lib", "feature");
        info.Version.ShouldStartWith("v1.1.1-0.");
        info.Origin.ShouldContain(new KeyValuePair<string, string>("URL", Repo("acme/lib")));
        // The non-exact match was confirmed at the prefix's own page.
        repos.Server.Requests.ShouldContain("GET /lib?go-get=1");
    }

    [Fact]
    public async Task Plain_http_discovery_only_where_GOINSECURE_matches()
    {
        Page("vanity.test/lib", $"<meta name=\"go-import\" content=\"vanity.test/lib git {Repo("acme/lib")}\">");
        using var sandbox = new FetchSandbox("vanity");
        using var d = Downloader(sandbox, goInsecure: null);
        var e = await VcsAssert.FailsAsync(() => d.VersionsAsync("vanity.test/lib"), VcsErrorKind.ImportPathNotResolved);
        e.Message.ShouldContain("unrecognized import path \"vanity.test/lib\": https fetch:");
    }

    [Theory]
    [InlineData("missing", "<meta name=\"description\" content=\"nothing here\">", "no go-import meta tags ()")]
    [InlineData("malformed", "<meta name=\"go-import\" content=\"vanity.test/malformed git\">", "no go-import meta tags ()")]
    [InlineData("inbody", "", "no go-import meta tags ()")]
    [InlineData("mismatch", "<meta name=\"go-import\" content=\"vanity.test/other git http://127.0.0.1:1/x\">",
        "no go-import meta tags (meta tag vanity.test/other did not match import path vanity.test/mismatch)")]
    [InlineData("twice", "<meta name=\"go-import\" content=\"vanity.test/twice git http://127.0.0.1:1/a\"><meta name=\"go-import\" content=\"vanity.test/twice git http://127.0.0.1:1/b\">",
        "multiple meta tags match import path \"vanity.test/twice\"")]
    [InlineData("noscheme", "<meta name=\"go-import\" content=\"vanity.test/noscheme git 127.0.0.1/x\">", "invalid repo root \"127.0.0.1/x\"")]
    [InlineData("file", "<meta name=\"go-import\" content=\"vanity.test/file git file:///tmp/x\">", "file scheme disallowed")]
    public async Task Bad_discovery_pages_are_ImportPathNotResolved(string name, string head, string expected)
    {
        Page("vanity.test/" + name, head, name == "inbody" ? $"<meta name=\"go-import\" content=\"vanity.test/inbody git {Repo("acme/lib")}\">" : "");
        using var sandbox = new FetchSandbox("vanity");
        using var d = Downloader(sandbox);
        var e = await VcsAssert.FailsAsync(() => d.VersionsAsync("vanity.test/" + name), VcsErrorKind.ImportPathNotResolved);
        e.Message.ShouldContain(expected);
        e.IsNotFound.ShouldBeTrue();
    }

    [Theory]
    [InlineData("hg")]
    [InlineData("svn")]
    public async Task Other_version_control_systems_are_refused_by_name(string vcs)
    {
        Page("vanity.test/" + vcs, $"<meta name=\"go-import\" content=\"vanity.test/{vcs} {vcs} https://127.0.0.1:1/x\">");
        using var sandbox = new FetchSandbox("vanity");
        using var d = Downloader(sandbox);
        if (vcs == "svn")
        {
            // GOVCS's default allows only git and hg for public paths.
            var e = await VcsAssert.FailsAsync(() => d.VersionsAsync("vanity.test/" + vcs), VcsErrorKind.DisallowedByGovcs);
            e.Message.ShouldContain("GOVCS disallows using svn for public vanity.test/svn");
        }
        else
        {
            var e = await VcsAssert.FailsAsync(() => d.VersionsAsync("vanity.test/" + vcs), VcsErrorKind.UnsupportedVcs);
            e.Message.ShouldContain("uses the hg version control system");
        }
    }

    [Fact]
    public async Task A_mod_tag_is_served_by_the_module_proxy_it_names()
    {
        await using var proxy = TestProxyServer.For(TestModule.Simple("vanity.test/proxied", "v1.4.0"));
        Page("vanity.test/proxied",
            $"<meta name=\"go-import\" content=\"vanity.test/proxied git {Repo("acme/lib")}\"><meta name=\"go-import\" content=\"vanity.test/proxied mod {proxy.Url}\">");
        using var sandbox = new FetchSandbox("vanity");
        using var d = Downloader(sandbox);
        (await d.VersionsAsync("vanity.test/proxied")).ShouldBe(["v1.4.0"]);
    }

    /// <summary>
    /// A private host's discovery page (GitLab answers a private project's <c>?go-get=1</c> only to its members) is asked
    /// over https with GOAUTH's credentials, by default the host's .netrc entry, as go 1.24's web.Get asks it; without
    /// them the path does not resolve.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_private_discovery_page_is_asked_with_the_hosts_netrc_credentials(bool withNetrc)
    {
        var expected = "Basic " + Convert.ToBase64String("alice:t0k3n"u8.ToArray());
        var page = $"<html><head><meta name=\"go-import\" content=\"vanity.test/private git {Repo("acme/lib")}\"></head></html>";
        await using var discovery = new TestProxyServer(certificate: TestCertificates.Loopback)
        {
            Handler = r => r.RawTarget == "/private?go-get=1" && r.Header("authorization") == expected
                ? new TestResponse(200, System.Text.Encoding.UTF8.GetBytes(page), "text/html; charset=utf-8")
                : TestResponse.Text(404, "not found\n"),
        };
        using var sandbox = new FetchSandbox("vanity-auth");
        using var d = new ModuleDownloader(GoEnvironment.FromVariables(new Dictionary<string, string?>
        {
            ["HOME"] = sandbox.Dir.Path, ["GOENV"] = "off", ["GOPATH"] = sandbox.Dir.Combine("gopath"),
            ["GOPROXY"] = "direct", ["GOSUMDB"] = "off", ["GOINSECURE"] = "vanity.test",
        }), null, FetchSandbox.FastOptions with
        {
            Netrc = NetrcFile.Parse(withNetrc ? "machine vanity.test login alice password t0k3n\n" : ""),
            Vcs = new VcsOptions
            {
                HttpTimeout = TimeSpan.FromSeconds(10),
                HostMap = new Dictionary<string, IPEndPoint> { ["vanity.test:443"] = new(IPAddress.Loopback, new Uri(discovery.Url).Port) },
            },
        });

        if (withNetrc)
        {
            (await d.VersionsAsync("vanity.test/private")).ShouldBe(["v1.0.0", "v1.1.0"]);
            discovery.Requests.ShouldAllBe(r => r.Header("authorization") == expected);
        }
        else
        {
            await VcsAssert.FailsAsync(() => d.VersionsAsync("vanity.test/private"), VcsErrorKind.ImportPathNotResolved);
            discovery.Requests.ShouldAllBe(r => r.Header("authorization") == null);
        }
        discovery.RequestCount.ShouldBeGreaterThan(0);
    }

    private static TcpListener? TryBind80()
    {
        for (var i = 0; i < 30; i++)
        {
            try
            {
                var l = new TcpListener(IPAddress.Loopback, 80);
                l.Start();
                l.Stop();
                return l;
            }
            catch (SocketException)
            {
                Thread.Sleep(1000);
            }
        }
        return null;
    }

    /// <summary>Differential: go and we resolve 127.0.0.1/vanity/… through the same discovery page to the same hashes.</summary>
    [GoFact]
    public async Task Vanity_paths_resolve_to_gos_versions_and_hashes()
    {
        TryBind80().ShouldNotBeNull("127.0.0.1:80 must be free for go's discovery (go asks ports 443 and 80 only)");
        await using var server80 = new GitHttpServer(repos.Server.ProjectRoot, 80);
        server80.Pages["127.0.0.1/vanity/lib"] =
            $"<html><head><meta name=\"go-import\" content=\"127.0.0.1/vanity/lib git {Repo("acme/lib")}\"></head></html>";
        using var tmp = new TempDirectory("vanitygo");
        var main = tmp.Combine("main");
        Directory.CreateDirectory(main);
        File.WriteAllText(Path.Combine(main, "go.mod"), "module example.com/main\n\ngo 1.19\n");
        var env = new Dictionary<string, string?> { ["GOPROXY"] = "direct", ["GOSUMDB"] = "off", ["GOINSECURE"] = "127.0.0.1" };
        using var sandbox = new FetchSandbox("vanitygo-ours");
        using var d = new ModuleDownloader(GoEnvironment.FromVariables(new Dictionary<string, string?>
        {
            ["HOME"] = sandbox.Dir.Path, ["GOENV"] = "off", ["GOPATH"] = sandbox.Dir.Combine("gopath"),
            ["GOPROXY"] = "direct", ["GOSUMDB"] = "off", ["GOINSECURE"] = "127.0.0.1",
        }), null, FetchSandbox.FastOptions);
        foreach (var arg in new[] { "127.0.0.1/vanity/lib@v1.1.0", "127.0.0.1/vanity/lib/sub@v0.2.0", "127.0.0.1/vanity/lib@feature" })
        {
            var r = GoOracle.Run(main, tmp.Combine("home"), env, "mod", "download", "-json", arg).EnsureSuccess("go mod download " + arg);
            using var doc = JsonDocument.Parse(r.StdOut);
            var path = arg[..arg.IndexOf('@')];
            var info = await d.StatAsync(path, arg[(arg.IndexOf('@') + 1)..]);
            info.Version.ShouldBe(doc.RootElement.GetProperty("Version").GetString());
            var m = new ModuleVersion(path, info.Version);
            DirHash.HashZip(await d.DownloadZipAsync(m)).ShouldBe(doc.RootElement.GetProperty("Sum").GetString());
            DirHash.HashGoMod(await d.GoModAsync(m)).ShouldBe(doc.RootElement.GetProperty("GoModSum").GetString());
        }
    }
}
