using GoMod.Core.Fetch;
using GoMod.Core.Module;
using GoMod.Core.Vcs;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.Proxy;

public class ProxyFallbackTests
{
    private static readonly TestModule A = TestModule.Simple("example.com/a", "v1.0.0");

    private static TestProxyServer Failing(int status) => new() { Handler = _ => TestResponse.Text(status, $"status {status} from test\n") };

    [Theory]
    [InlineData(404)]
    [InlineData(410)]
    public async Task Comma_falls_through_to_the_next_proxy_on_not_found(int status)
    {
        await using var first = Failing(status);
        await using var second = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        using var d = box.Downloader($"{first.Url},{second.Url}", options: FetchSandbox.NoRetry);
        var mod = await d.GoModAsync(A.ModuleVersion);
        mod.ShouldBe(A.GoModBytes);
        first.Paths.ShouldBe(["/example.com/a/@v/v1.0.0.mod"]);
        second.Paths.ShouldBe(["/example.com/a/@v/v1.0.0.mod"]);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Comma_stops_at_any_other_status(int status)
    {
        await using var first = Failing(status);
        await using var second = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        using var d = box.Downloader($"{first.Url},{second.Url}", options: FetchSandbox.NoRetry);
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(A.ModuleVersion));
        e.Message.ShouldStartWith($"example.com/a@v1.0.0: reading {first.Url}/example.com/a/@v/v1.0.0.mod: {status} ");
        e.Message.ShouldEndWith($"\n\tserver response: status {status} from test");
        e.IsNotFound.ShouldBeFalse();
        second.RequestCount.ShouldBe(0);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Pipe_falls_through_on_any_error(int status)
    {
        await using var first = Failing(status);
        await using var second = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        using var d = box.Downloader($"{first.Url}|{second.Url}", options: FetchSandbox.NoRetry);
        (await d.GoModAsync(A.ModuleVersion)).ShouldBe(A.GoModBytes);
        first.RequestCount.ShouldBe(1);
    }

    [Fact]
    public async Task Pipe_falls_through_when_the_proxy_is_not_reachable_and_comma_does_not()
    {
        await using var second = TestProxyServer.For(A);
        var dead = "http://127.0.0.1:" + UnusedPort();
        using var box = new FetchSandbox();
        using (var d = box.Downloader($"{dead}|{second.Url}", options: FetchSandbox.NoRetry))
            (await d.GoModAsync(A.ModuleVersion)).ShouldBe(A.GoModBytes);
        using var box2 = new FetchSandbox();
        using var d2 = box2.Downloader($"{dead},{second.Url}", options: FetchSandbox.NoRetry);
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d2.GoModAsync(A.ModuleVersion));
        e.Message.ShouldStartWith($"example.com/a@v1.0.0: Get \"{dead}/example.com/a/@v/v1.0.0.mod\": ");
        second.RequestCount.ShouldBe(1);
    }

    [Fact]
    public async Task When_every_proxy_fails_a_real_error_beats_not_found()
    {
        await using var broken = Failing(500);
        await using var missing = Failing(404);
        using var box = new FetchSandbox();
        using var d = box.Downloader($"{broken.Url}|{missing.Url}", options: FetchSandbox.NoRetry);
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(A.ModuleVersion));
        e.Message.ShouldContain(broken.Url);
        e.Message.ShouldContain("500 Internal Server Error");
    }

    [Fact]
    public async Task When_every_proxy_says_not_found_the_last_answer_is_reported()
    {
        await using var one = Failing(404);
        await using var two = Failing(410);
        using var box = new FetchSandbox();
        using var d = box.Downloader($"{one.Url},{two.Url}", options: FetchSandbox.NoRetry);
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(A.ModuleVersion));
        e.Message.ShouldBe($"example.com/a@v1.0.0: reading {two.Url}/example.com/a/@v/v1.0.0.mod: 410 Gone\n\tserver response: status 410 from test");
        e.IsNotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task Off_refuses_every_lookup_with_gos_wording()
    {
        using var box = new FetchSandbox();
        using var d = box.Downloader("off");
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(A.ModuleVersion));
        e.Message.ShouldBe("example.com/a@v1.0.0: module lookup disabled by GOPROXY=off");
    }

    [Fact]
    public async Task Off_after_a_not_found_proxy_ends_the_list_and_is_the_error_reported()
    {
        await using var missing = Failing(404);
        await using var never = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        using var d = box.Downloader($"{missing.Url},off,{never.Url}", options: FetchSandbox.NoRetry);
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(A.ModuleVersion));
        // Both answers mean "not found"; go reports the last one.
        e.Message.ShouldBe("example.com/a@v1.0.0: module lookup disabled by GOPROXY=off");
        missing.RequestCount.ShouldBe(1);
        never.RequestCount.ShouldBe(0);
    }

    // Direct mode itself is tested in tests/GoMod.Core.Tests/Vcs; here a path under 127.0.0.1 keeps its go-get
    // discovery on loopback (https on port 443, where nothing listens).
    private static readonly ModuleVersion LoopbackOnly = new("127.0.0.1/nowhere/a", "v1.0.0");

    [Fact]
    public async Task Direct_failures_name_the_module_and_the_import_path_lookup()
    {
        using var box = new FetchSandbox();
        using var d = box.Downloader("direct");
        var e = await Should.ThrowAsync<GoMod.Core.Vcs.VcsNotFoundException>(() => d.GoModAsync(LoopbackOnly));
        e.Message.ShouldStartWith("module 127.0.0.1/nowhere/a: unrecognized import path \"127.0.0.1/nowhere/a\": https fetch:");
        e.Kind.ShouldBe(GoMod.Core.Vcs.VcsErrorKind.ImportPathNotResolved);
    }

    [Fact]
    public async Task Direct_errors_outrank_proxy_errors()
    {
        await using var broken = Failing(500);
        using var box = new FetchSandbox();
        using var d = box.Downloader($"{broken.Url}|direct", options: FetchSandbox.NoRetry);
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(LoopbackOnly));
        e.Message.ShouldContain("unrecognized import path");
    }

    [Fact]
    public async Task GONOPROXY_sends_matching_modules_around_every_proxy()
    {
        var corp = TestModule.Simple("127.0.0.1/corp/lib", "v1.2.3");
        await using var server = TestProxyServer.For(A, corp);
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, goNoProxy: "127.0.0.1/corp");
        (await d.GoModAsync(A.ModuleVersion)).ShouldBe(A.GoModBytes);
        var e = await Should.ThrowAsync<GoMod.Core.Vcs.VcsNotFoundException>(() => d.GoModAsync(corp.ModuleVersion));
        e.Message.ShouldStartWith("module 127.0.0.1/corp/lib: unrecognized import path");
        server.Paths.ShouldBe(["/example.com/a/@v/v1.0.0.mod"]);
    }

    [Fact]
    public async Task GOPRIVATE_routes_like_GONOPROXY()
    {
        var priv = TestModule.Simple("127.0.0.1/private/a", "v1.0.0");
        await using var server = TestProxyServer.For(priv);
        using var box = new FetchSandbox();
        using var d = new ModuleDownloader(box.Env(server.Url, goPrivate: "127.0.0.1/private"), options: FetchSandbox.FastOptions);
        var e = await Should.ThrowAsync<GoMod.Core.Vcs.VcsNotFoundException>(() => d.GoModAsync(priv.ModuleVersion));
        e.Kind.ShouldBe(GoMod.Core.Vcs.VcsErrorKind.ImportPathNotResolved);
        server.RequestCount.ShouldBe(0);
    }

    [Fact]
    public async Task File_proxies_are_read_from_disk_and_a_missing_file_is_a_404()
    {
        using var box = new FetchSandbox();
        var empty = box.Dir.Combine("empty-proxy");
        Directory.CreateDirectory(empty);
        var full = ProxyContent.WriteTree(box.Dir.Combine("proxy"), [A]);
        var emptyUrl = new Uri(empty + "/").AbsoluteUri.TrimEnd('/');
        using (var d = box.Downloader($"{emptyUrl},{full}"))
            (await d.DownloadAsync(A.ModuleVersion)).ShouldBe(Path.Combine(box.ModCache, "example.com", "a@v1.0.0"));
        using var box2 = new FetchSandbox();
        using var d2 = box2.Downloader(emptyUrl);
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d2.GoModAsync(A.ModuleVersion));
        e.Message.ShouldBe($"example.com/a@v1.0.0: reading {emptyUrl}/example.com/a/@v/v1.0.0.mod: no such file or directory");
        e.IsNotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task Upper_case_paths_and_versions_are_case_escaped_in_urls_and_the_cache()
    {
        var upper = TestModule.Simple("github.com/Azure/Go-Lib", "v1.0.0-RC1", package: "golib");
        await using var server = TestProxyServer.For(upper);
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url);
        var results = await d.DownloadAsync([upper.ModuleVersion], DownloadParts.All);
        results[0].Error.ShouldBeNull();
        server.Requests.Select(r => r.RawTarget).ShouldBe([
            "/github.com/%21azure/%21go-%21lib/@v/v1.0.0-%21r%21c1.info",
            "/github.com/%21azure/%21go-%21lib/@v/v1.0.0-%21r%21c1.mod",
            "/github.com/%21azure/%21go-%21lib/@v/v1.0.0-%21r%21c1.zip",
        ]);
        var v = Path.Combine(box.ModCache, "cache", "download", "github.com", "!azure", "!go-!lib", "@v");
        File.Exists(Path.Combine(v, "v1.0.0-!r!c1.zip")).ShouldBeTrue();
        Directory.Exists(Path.Combine(box.ModCache, "github.com", "!azure", "!go-!lib@v1.0.0-!r!c1")).ShouldBeTrue();
    }

    internal static int UnusedPort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
