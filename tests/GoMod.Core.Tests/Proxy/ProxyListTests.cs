using GoMod.Core.GoEnv;
using GoMod.Core.Proxy;

namespace GoMod.Core.Tests.Proxy;

public class ProxyListTests
{
    private static string Describe(ProxyList list) =>
        string.Join(" ", list.Entries.Select(e => e.Url + (e.FallBackOnError ? "|" : ",")));

    [Theory]
    [InlineData("https://proxy.golang.org,direct", "https://proxy.golang.org, direct,")]
    [InlineData("https://a.example|https://b.example,off", "https://a.example| https://b.example, off,")]
    [InlineData(" https://a.example , , https://b.example ", "https://a.example, https://b.example,")]
    [InlineData("direct,https://ignored.example", "direct,")]
    [InlineData("off|https://ignored.example", "off,")]
    [InlineData("proxy.example.com", "https://proxy.example.com,")]
    [InlineData("localhost:3000/go", "https://localhost:3000/go,")]
    [InlineData("file:///srv/proxy", "file:///srv/proxy,")]
    [InlineData("http://127.0.0.1:8080|direct", "http://127.0.0.1:8080| direct,")]
    public void Parse_reads_separators_keywords_and_implicit_https_as_go_does(string goproxy, string expected) =>
        Describe(ProxyList.Parse(goproxy, null)).ShouldBe(expected);

    [Fact]
    public void A_nonempty_GONOPROXY_prepends_noproxy_unless_GOPROXY_is_exactly_direct()
    {
        Describe(ProxyList.Parse("https://p.example", "*.corp")).ShouldBe("noproxy, https://p.example,");
        Describe(ProxyList.Parse("direct", "*.corp")).ShouldBe("direct,");
    }

    [Theory]
    [InlineData(",", "GOPROXY list is not the empty string, but contains no entries")]
    [InlineData(" | ", "GOPROXY list is not the empty string, but contains no entries")]
    [InlineData("myproxy", "invalid proxy URL missing scheme: myproxy")]
    [InlineData("/srv/proxy", "invalid proxy URL missing scheme: /srv/proxy")]
    [InlineData("ftp://example.com", "invalid proxy URL scheme (must be https, http, file): ftp://example.com")]
    [InlineData("file://host/srv", "invalid file:// proxy URL with non-path elements: file://host/srv")]
    [InlineData("file:///srv?x=1", "invalid file:// proxy URL with non-path elements: file:///srv?x=1")]
    [InlineData("ftp://user:secret@example.com", "invalid proxy URL scheme (must be https, http, file): ftp://user:xxxxx@example.com")]
    public void Parse_rejects_unusable_entries_with_gos_message(string goproxy, string message) =>
        Should.Throw<GoEnvironmentException>(() => ProxyList.Parse(goproxy, null)).Message.ShouldBe(message);

    [Theory]
    [InlineData("https://user:pa%20ss@p.example/base", "https://user:xxxxx@p.example/base")]
    [InlineData("https://user@p.example/base", "https://user@p.example/base")]
    [InlineData("https://p.example/base", "https://p.example/base")]
    public void Redact_hides_passwords_like_go_URL_Redacted(string url, string expected) =>
        ProxyUrl.Redact(url).ShouldBe(expected);

    [Fact]
    public void Resolve_percent_escapes_the_case_escaped_path_like_go()
    {
        var url = ProxyUrl.Parse("http://127.0.0.1:1/base/");
        url.Resolve("github.com/!azure/go", "@v/v1.0.0-!r!c1.info").ShouldBe("http://127.0.0.1:1/base/github.com/%21azure/go/@v/v1.0.0-%21r%21c1.info");
        url.Resolve("example.com/a", "@v/v1.0.0+incompatible.zip").ShouldBe("http://127.0.0.1:1/base/example.com/a/@v/v1.0.0+incompatible.zip");
    }
}
