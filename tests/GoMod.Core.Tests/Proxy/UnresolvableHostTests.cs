using System.Net.Http;
using System.Net.Sockets;
using GoMod.Core.Fetch;
using GoMod.Core.Module;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.Proxy;

/// <summary>
/// A proxy host whose name does not resolve is asked once per run: every later request to it fails at once with the
/// same error (its own URL in the message), other hosts are unaffected, and a lookup that only failed for now is asked
/// again. The resolver's answers come from the connection callback (no name lookup leaves the machine); the HTTP stack,
/// the transport and the downloader are the real ones, and the other host is a real loopback proxy.
/// </summary>
public sealed class UnresolvableHostTests
{
    private const string Nowhere = "proxy.unresolvable.test";
    private static readonly TestModule A = TestModule.Simple("example.com/a", "v1.0.0");

    private sealed class Resolver(SocketError answer)
    {
        public int Asked;

        public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
        {
            if (context.DnsEndPoint.Host == Nowhere)
            {
                Interlocked.Increment(ref Asked);
                throw new SocketException((int)answer);
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }

    private static async Task<string> FailureOf(Task t)
    {
        var e = await Should.ThrowAsync<Exception>(t);
        return e.Message;
    }

    [Fact]
    public async Task A_host_that_does_not_resolve_is_asked_once_and_every_request_to_it_fails_with_its_error()
    {
        var resolver = new Resolver(SocketError.HostNotFound);
        using var box = new FetchSandbox();
        using var d = box.Downloader($"http://{Nowhere}", options: FetchSandbox.FastOptions with { ConnectCallback = resolver.ConnectAsync });

        var first = await FailureOf(d.GoModAsync(new ModuleVersion("example.com/m00", "v1.0.0")));
        var rest = await Task.WhenAll(Enumerable.Range(1, 19).Select(i => FailureOf(d.GoModAsync(new ModuleVersion($"example.com/m{i:D2}", "v1.0.0")))));

        resolver.Asked.ShouldBe(1, "the name is looked up once");
        first.ShouldContain($"Get \"http://{Nowhere}/example.com/m00/@v/v1.0.0.mod\": ");
        var cause = first[(first.IndexOf("\": ", StringComparison.Ordinal) + 3)..];
        cause.ShouldNotBeEmpty();
        for (var i = 1; i < 20; i++)
            rest[i - 1].ShouldContain($"Get \"http://{Nowhere}/example.com/m{i:D2}/@v/v1.0.0.mod\": {cause}");
    }

    [Fact]
    public async Task Other_hosts_of_the_proxy_list_still_answer()
    {
        var resolver = new Resolver(SocketError.HostNotFound);
        await using var server = TestProxyServer.For(A);
        using var box = new FetchSandbox();
        using var d = box.Downloader($"http://{Nowhere}|{server.Url}", options: FetchSandbox.FastOptions with { ConnectCallback = resolver.ConnectAsync });

        (await d.GoModAsync(A.ModuleVersion)).ShouldBe(A.GoModBytes);
        (await d.StatAsync(A.ModuleVersion)).Version.ShouldBe(A.Version);

        resolver.Asked.ShouldBe(1);
        server.Paths.ShouldBe(["/example.com/a/@v/v1.0.0.mod", "/example.com/a/@v/v1.0.0.info"]);
    }

    [Fact]
    public async Task A_lookup_that_failed_for_now_is_asked_again()
    {
        var resolver = new Resolver(SocketError.TryAgain);
        using var box = new FetchSandbox();
        using var d = box.Downloader($"http://{Nowhere}", options: FetchSandbox.NoRetry with { ConnectCallback = resolver.ConnectAsync });

        await FailureOf(d.GoModAsync(new ModuleVersion("example.com/m00", "v1.0.0")));
        await FailureOf(d.GoModAsync(new ModuleVersion("example.com/m01", "v1.0.0")));

        resolver.Asked.ShouldBe(2);
    }
}
