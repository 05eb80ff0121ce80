using System.Text;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Module;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.Proxy;

public class ProxyClientTests
{
    private static readonly TestModule A = TestModule.Simple("example.com/a", "v1.0.0");

    [Theory]
    [InlineData(401, "Unauthorized", false)]
    [InlineData(403, "Forbidden", false)]
    [InlineData(404, "Not Found", true)]
    [InlineData(410, "Gone", true)]
    [InlineData(429, "Too Many Requests", false)]
    [InlineData(500, "Internal Server Error", false)]
    [InlineData(502, "Bad Gateway", false)]
    [InlineData(503, "Service Unavailable", false)]
    [InlineData(504, "Gateway Timeout", false)]
    public async Task Every_status_but_200_is_an_error_naming_module_url_and_status(int status, string reason, bool notFound)
    {
        await using var server = new TestProxyServer { Handler = _ => TestResponse.Text(status, "the proxy says no\n") };
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, options: FetchSandbox.NoRetry);
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.StatAsync(A.ModuleVersion));
        e.Message.ShouldBe($"example.com/a@v1.0.0: reading {server.Url}/example.com/a/@v/v1.0.0.info: {status} {reason}\n\tserver response: the proxy says no");
        e.IsNotFound.ShouldBe(notFound);
        e.Request!.StatusCode.ShouldBe(status);
    }

    [Fact]
    public async Task Error_bodies_that_are_not_plain_text_are_not_shown()
    {
        await using var server = new TestProxyServer { Handler = _ => new TestResponse(500, "<html>boom</html>"u8.ToArray(), "text/html") };
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, options: FetchSandbox.NoRetry);
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(A.ModuleVersion));
        e.Message.ShouldBe($"example.com/a@v1.0.0: reading {server.Url}/example.com/a/@v/v1.0.0.mod: 500 Internal Server Error");
    }

    [Fact]
    public async Task Info_for_a_canonical_version_must_echo_that_version()
    {
        await using var server = TestProxyServer.For(A);
        server.Files["/example.com/a/@v/v1.0.0.info"] = """{"Version":"v1.0.1","Time":"2023-01-01T00:00:00Z"}"""u8.ToArray();
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url);
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.StatAsync(A.ModuleVersion));
        e.Message.ShouldBe("example.com/a@v1.0.0: proxy returned info for version v1.0.1 instead of requested version");
    }

    [Fact]
    public async Task Malformed_info_is_an_invalid_response()
    {
        await using var server = TestProxyServer.For(A);
        server.Files["/example.com/a/@v/v1.0.0.info"] = "not json"u8.ToArray();
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url);
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.StatAsync(A.ModuleVersion));
        e.Message.ShouldStartWith($"example.com/a@v1.0.0: invalid response from proxy \"{server.Url}\": ");
    }

    [Fact]
    public async Task Info_is_stored_in_gos_canonical_json()
    {
        await using var server = TestProxyServer.For(A);
        server.Files["/example.com/a/@v/v1.0.0.info"] =
            """{"version":"v1.0.0","Time":"2023-01-02T03:04:05.500000000+00:00","Extra":1,"Origin":{"VCS":"git","URL":"https://h/r?a&b","TagSum":"t1:x","Hash":"abc"}}"""u8.ToArray();
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url);
        await d.StatAsync(A.ModuleVersion);
        var stored = File.ReadAllText(d.Cache.CachePath(A.ModuleVersion, "info"));
        stored.ShouldBe("""{"Version":"v1.0.0","Time":"2023-01-02T03:04:05.5Z","Origin":{"VCS":"git","URL":"https://h/r?a\u0026b","Hash":"abc"}}""");
    }

    [Fact]
    public async Task Version_lists_skip_pseudo_versions_and_accept_timestamps()
    {
        await using var server = new TestProxyServer();
        server.Files["/example.com/a/@v/list"] = Encoding.UTF8.GetBytes(
            "v1.1.0 2023-01-01T00:00:00Z\nv1.0.0\nv0.0.0-20230101000000-abcdefabcdef\nnot-a-version\nv1.10.0\n\nv1.2.0-pre\n");
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url);
        (await d.VersionsAsync("example.com/a")).ShouldBe(["v1.0.0", "v1.1.0", "v1.2.0-pre", "v1.10.0"]);
    }

    [Fact]
    public async Task Latest_falls_back_to_the_newest_timestamped_or_pseudo_version_of_the_list()
    {
        await using var server = new TestProxyServer();
        server.Files["/example.com/a/@v/list"] = Encoding.UTF8.GetBytes(
            "v1.0.0\nv0.0.0-20230301000000-abcdefabcdef\nv0.0.0-20230101000000-123456123456 2023-05-01T00:00:00Z\n");
        server.Files["/example.com/a/@v/v0.0.0-20230101000000-123456123456.info"] =
            """{"Version":"v0.0.0-20230101000000-123456123456","Time":"2023-01-01T00:00:00Z"}"""u8.ToArray();
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url);
        (await d.LatestAsync("example.com/a")).Version.ShouldBe("v0.0.0-20230101000000-123456123456");
        server.Paths.ShouldBe(["/example.com/a/@latest", "/example.com/a/@v/list", "/example.com/a/@v/v0.0.0-20230101000000-123456123456.info"]);
    }

    [Fact]
    public async Task Latest_uses_the_latest_endpoint_when_the_proxy_has_it()
    {
        await using var server = new TestProxyServer();
        server.Files["/example.com/a/@latest"] = """{"Version":"v1.4.0","Time":"2023-01-01T00:00:00Z"}"""u8.ToArray();
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url);
        (await d.LatestAsync("example.com/a")).Version.ShouldBe("v1.4.0");
        server.RequestCount.ShouldBe(1);
    }

    [Fact]
    public async Task Queries_resolve_through_the_proxy_and_are_cached_under_the_version_they_name()
    {
        await using var server = TestProxyServer.For(A);
        server.Files["/example.com/a/@v/master.info"] = """{"Version":"v1.0.0","Time":"2023-04-05T06:07:08Z"}"""u8.ToArray();
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url);
        var info = await d.StatAsync("example.com/a", "master");
        info.Version.ShouldBe("v1.0.0");
        info.TimeValue.ShouldBe(new DateTimeOffset(2023, 4, 5, 6, 7, 8, TimeSpan.Zero));
        File.Exists(d.Cache.CachePath(A.ModuleVersion, "info")).ShouldBeTrue();
        await d.StatAsync("example.com/a", "v1.0.0");
        server.Paths.ShouldBe(["/example.com/a/@v/master.info"]);
    }

    [Fact]
    public async Task The_raw_list_and_the_latest_endpoint_are_available_for_version_queries()
    {
        await using var server = new TestProxyServer();
        server.Files["/example.com/a/@v/list"] = "v1.0.0 2023-01-01T00:00:00Z\nv0.0.0-20230101000000-abcdefabcdef\n"u8.ToArray();
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url);
        (await d.VersionListLinesAsync("example.com/a")).ShouldBe(["v1.0.0 2023-01-01T00:00:00Z", "v0.0.0-20230101000000-abcdefabcdef", ""]);
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.LatestEndpointAsync("example.com/a"));
        e.IsNotFound.ShouldBeTrue();
        e.Message.ShouldBe($"module example.com/a: reading {server.Url}/example.com/a/@latest: 404 Not Found\n\tserver response: not found: /example.com/a/@latest");
    }

    [Fact]
    public async Task A_proxy_base_path_is_kept()
    {
        await using var server = new TestProxyServer(ProxyContent.Build([A])) { BasePath = "/go/proxy" };
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url + "/");
        (await d.GoModAsync(A.ModuleVersion)).ShouldBe(A.GoModBytes);
        server.Requests[0].RawTarget.ShouldBe("/go/proxy/example.com/a/@v/v1.0.0.mod");
    }

    [Fact]
    public async Task Redirects_are_followed_up_to_ten_times()
    {
        await using var target = TestProxyServer.For(A);
        var hops = 0;
        await using var redirector = new TestProxyServer();
        redirector.Handler = r => TestResponse.Text(302, "") with
        {
            Headers = new Dictionary<string, string> { ["Location"] = ++hops < 3 ? redirector.Url + r.RawTarget : target.Url + r.RawTarget },
        };
        using var box = new FetchSandbox();
        using var d = box.Downloader(redirector.Url);
        (await d.GoModAsync(A.ModuleVersion)).ShouldBe(A.GoModBytes);

        redirector.Handler = r => TestResponse.Text(302, "") with { Headers = new Dictionary<string, string> { ["Location"] = redirector.Url + r.RawTarget } };
        using var box2 = new FetchSandbox();
        using var d2 = box2.Downloader(redirector.Url, options: FetchSandbox.NoRetry);
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d2.GoModAsync(A.ModuleVersion));
        e.Message.ShouldEndWith("stopped after 10 redirects");
    }

    [Fact]
    public async Task Credentials_in_a_plain_http_proxy_url_are_refused_and_never_printed()
    {
        await using var server = TestProxyServer.For(A);
        var url = server.Url.Replace("http://", "http://user:hunter2@");
        using var box = new FetchSandbox();
        using var d = box.Downloader(url, options: FetchSandbox.NoRetry);
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(A.ModuleVersion));
        e.Message.ShouldStartWith("example.com/a@v1.0.0: refusing to pass credentials to insecure URL: http://user:xxxxx@");
        e.Message.ShouldNotContain("hunter2");
        server.RequestCount.ShouldBe(0);
    }

    [Fact]
    public async Task Netrc_credentials_are_never_sent_over_plain_http()
    {
        await using var server = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        var options = FetchSandbox.FastOptions with { Netrc = NetrcFile.Parse("machine 127.0.0.1 login u password p\n") };
        using var d = box.Downloader(server.Url, options: options);
        await d.GoModAsync(A.ModuleVersion);
        server.Requests[0].Header("Authorization").ShouldBeNull();
    }

    [Fact]
    public async Task Trace_lines_look_like_go_x_output()
    {
        await using var server = TestProxyServer.For(A);
        var lines = new List<string>();
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, options: FetchSandbox.FastOptions with { Trace = l => { lock (lines) lines.Add(l); } });
        await d.GoModAsync(A.ModuleVersion);
        lines[0].ShouldBe($"# get {server.Url}/example.com/a/@v/v1.0.0.mod");
        lines[1].ShouldStartWith($"# get {server.Url}/example.com/a/@v/v1.0.0.mod: 200 OK (");
    }
}
