using GoMod.Core.Fetch;
using GoMod.Core.Module;
using GoMod.Core.Proxy;
using GoMod.Core.Tests.Fetch.Infrastructure;

namespace GoMod.Core.Tests.Proxy;

public class RetryTests
{
    private static readonly TestModule A = TestModule.Simple("example.com/a", "v1.0.0");

    /// <summary>A server that answers the first <paramref name="failures"/> requests with <paramref name="failure"/>.</summary>
    private static TestProxyServer FailingFirst(int failures, TestResponse failure)
    {
        var count = 0;
        var server = TestProxyServer.For(A);
        server.Handler = _ => Interlocked.Increment(ref count) <= failures ? failure : null;
        return server;
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(429)]
    public async Task Transient_statuses_are_retried(int status)
    {
        await using var server = FailingFirst(2, TestResponse.Text(status, "later\n"));
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url);
        (await d.GoModAsync(A.ModuleVersion)).ShouldBe(A.GoModBytes);
        server.RequestCount.ShouldBe(3);
    }

    [Theory]
    [InlineData(Fault.Reset)]
    [InlineData(Fault.Truncate)]
    public async Task Resets_and_truncated_bodies_are_retried_and_leave_no_partial_zip(Fault fault)
    {
        var count = 0;
        await using var server = TestProxyServer.For(A);
        server.Handler = r => r.Path.EndsWith(".zip") && Interlocked.Increment(ref count) == 1
            ? new TestResponse(200, A.Zip(), "application/zip", fault)
            : null;
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url);
        var results = await d.DownloadAsync([A.ModuleVersion], DownloadParts.Build);
        results[0].Error.ShouldBeNull();
        server.Paths.Count(p => p.EndsWith(".zip")).ShouldBe(2);
        Directory.EnumerateFiles(box.ModCache, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_damaged_zip_is_fetched_again_and_reported_with_its_url_when_it_stays_damaged()
    {
        var count = 0;
        await using var server = TestProxyServer.For(A);
        server.Handler = r => r.Path.EndsWith(".zip") && Interlocked.Increment(ref count) == 1 ? new TestResponse(200, "PK\u0003\u0004garbage"u8.ToArray()) : null;
        using var box = new FetchSandbox();
        using (var d = box.Downloader(server.Url))
            await d.DownloadZipAsync(A.ModuleVersion);
        count.ShouldBe(2);

        server.Handler = r => r.Path.EndsWith(".zip") ? new TestResponse(200, "not a zip"u8.ToArray()) : null;
        using var box2 = new FetchSandbox();
        using var d2 = box2.Downloader(server.Url);
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d2.DownloadZipAsync(A.ModuleVersion));
        e.Message.ShouldStartWith($"example.com/a@v1.0.0: reading {server.Url}/example.com/a/@v/v1.0.0.zip: not a valid zip file: ");
        Directory.EnumerateFiles(box2.ModCache, "*", SearchOption.AllDirectories).ShouldNotContain(f => f.Contains(".zip"));
    }

    [Fact]
    public async Task A_stalled_response_times_out_and_is_retried()
    {
        await using var server = FailingFirst(1, TestResponse.Of(Fault.Stall));
        server.StallTime = TimeSpan.FromSeconds(3);
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, options: FetchSandbox.FastOptions with { ResponseTimeout = TimeSpan.FromMilliseconds(300) });
        (await d.GoModAsync(A.ModuleVersion)).ShouldBe(A.GoModBytes);
        server.RequestCount.ShouldBe(2);
    }

    [Fact]
    public async Task Retry_after_is_honoured()
    {
        var failure = TestResponse.Text(503, "busy\n") with { Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } };
        await using var server = FailingFirst(1, failure);
        using var box = new FetchSandbox();
        var options = FetchSandbox.FastOptions with { Retry = FetchSandbox.FastOptions.Retry with { MaxDelay = TimeSpan.FromSeconds(2) } };
        using var d = box.Downloader(server.Url, options: options);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await d.GoModAsync(A.ModuleVersion);
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task Exhausted_retries_are_reported_with_the_last_answer_and_the_attempt_count()
    {
        await using var server = FailingFirst(100, TestResponse.Text(503, "down for maintenance\n"));
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url);
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(A.ModuleVersion));
        e.Message.ShouldStartWith($"example.com/a@v1.0.0: reading {server.Url}/example.com/a/@v/v1.0.0.mod: 503 Service Unavailable\n\tserver response: down for maintenance\n\t(gave up after 4 attempts in ");
        server.RequestCount.ShouldBe(4);
        e.Request!.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public async Task Retrying_stops_when_the_total_time_budget_is_spent()
    {
        await using var server = FailingFirst(100, TestResponse.Text(500, "x\n"));
        using var box = new FetchSandbox();
        var options = FetchSandbox.FastOptions with
        {
            Retry = new RetryPolicy { MaxAttempts = 1000, InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(50), MaxTotalTime = TimeSpan.FromMilliseconds(400) },
        };
        using var d = box.Downloader(server.Url, options: options);
        await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(A.ModuleVersion));
        server.RequestCount.ShouldBeLessThan(12);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(410)]
    [InlineData(403)]
    [InlineData(501)]
    public async Task Answers_that_are_not_transient_are_not_retried(int status)
    {
        await using var server = FailingFirst(100, TestResponse.Text(status, "no\n"));
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url);
        await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(A.ModuleVersion));
        server.RequestCount.ShouldBe(1);
    }

    [Fact]
    public async Task Connections_are_reused_across_requests()
    {
        var modules = Enumerable.Range(0, 12).Select(i => TestModule.Simple($"example.com/m{i}", "v1.0.0")).ToArray();
        await using var server = TestProxyServer.For(modules);
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, options: FetchSandbox.FastOptions with { MaxParallelDownloads = 2 });
        var results = await d.DownloadAsync(modules.Select(m => m.ModuleVersion), DownloadParts.All);
        results.ShouldAllBe(r => r.Error == null);
        server.RequestCount.ShouldBe(36);
        server.ConnectionCount.ShouldBeLessThanOrEqualTo(2);
    }
}
