using System.Security.Cryptography.X509Certificates;
using System.Text;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Module;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.Proxy;

/// <summary>Private proxies over https: .netrc credentials, certificate trust, no downgrade to http.</summary>
public class HttpsProxyTests
{
    private static readonly TestModule A = TestModule.Simple("example.com/a", "v1.0.0");

    private static FetchOptions Trusting(string? netrc = null) => FetchSandbox.FastOptions with
    {
        TrustedRootCertificates = [TestCertificates.Loopback],
        Netrc = NetrcFile.Parse(netrc ?? ""),
    };

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));

    [Fact]
    public async Task Netrc_credentials_for_the_host_are_sent_over_https()
    {
        await using var server = new TestProxyServer(ProxyContent.Build([A]), TestCertificates.Loopback);
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, options: Trusting("machine 127.0.0.1 login alice password s3cret\n"));
        (await d.DownloadAsync([A.ModuleVersion], DownloadParts.All)).ShouldAllBe(r => r.Error == null);
        server.Requests.ShouldAllBe(r => r.Header("authorization") == Basic("alice", "s3cret"));
    }

    [Fact]
    public async Task Netrc_entries_for_other_hosts_are_not_sent()
    {
        await using var server = new TestProxyServer(ProxyContent.Build([A]), TestCertificates.Loopback);
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, options: Trusting("machine proxy.example login alice password s3cret\n"));
        await d.GoModAsync(A.ModuleVersion);
        server.Requests[0].Header("authorization").ShouldBeNull();
    }

    [Fact]
    public async Task User_info_in_an_https_proxy_url_is_sent_as_basic_auth_and_redacted_in_errors()
    {
        await using var server = new TestProxyServer(ProxyContent.Build([A]), TestCertificates.Loopback);
        var url = server.Url.Replace("https://", "https://bob:hunter2@");
        using var box = new FetchSandbox();
        using var d = box.Downloader(url, options: Trusting());
        await d.GoModAsync(A.ModuleVersion);
        server.Requests[0].Header("authorization").ShouldBe(Basic("bob", "hunter2"));
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(new("example.com/missing", "v1.0.0")));
        e.Message.ShouldContain("https://bob:xxxxx@127.0.0.1:");
        e.Message.ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task A_redirect_from_https_to_http_is_refused()
    {
        await using var plain = TestProxyServer.For(A);
        await using var secure = new TestProxyServer(certificate: TestCertificates.Loopback)
        {
            Handler = r => TestResponse.Text(302, "") with { Headers = new Dictionary<string, string> { ["Location"] = plain.Url + r.RawTarget } },
        };
        using var box = new FetchSandbox();
        using var d = box.Downloader(secure.Url, options: Trusting("machine 127.0.0.1 login alice password s3cret\n"));
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(A.ModuleVersion));
        e.Message.ShouldContain($"redirected from secure URL {secure.Url}/example.com/a/@v/v1.0.0.mod to insecure URL {plain.Url}/example.com/a/@v/v1.0.0.mod");
        plain.RequestCount.ShouldBe(0);
    }

    [Fact]
    public async Task An_untrusted_certificate_fails_without_retrying()
    {
        await using var server = new TestProxyServer(ProxyContent.Build([A]), TestCertificates.Untrusted);
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, options: Trusting());
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(A.ModuleVersion));
        e.Message.ShouldStartWith($"example.com/a@v1.0.0: Get \"{server.Url}/example.com/a/@v/v1.0.0.mod\": ");
        server.RequestCount.ShouldBe(0);
        server.ConnectionCount.ShouldBe(1);
    }
}
