using System.Diagnostics;
using GoMod.Core.Diagnostics;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Module;
using GoMod.Core.Proxy;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Testing;

namespace GoMod.Core.Tests.Proxy;

/// <summary>
/// The stall rule: a body that makes too little progress over a sliding window fails as a network failure naming the
/// (redacted) URL and leaves nothing in the cache, while a slow body that keeps making progress is left alone. The
/// window is short here so the tests are quick; the default is 30 s. The windows are short enough that a thread pool
/// busy with other tests could hold a read's continuation past one (a body that kept coming then counted as stalled,
/// once, in a CI run), so these tests run in a collection of their own, after the parallel ones.
/// </summary>
[Collection(nameof(StallTimingCollection))]
public class StallTests
{
    /// <summary>A module whose zip is ~48 KiB of incompressible text, so throttling it takes several windows.</summary>
    private static readonly TestModule Big = new("example.com/big", "v1.0.0", new Dictionary<string, string>
    {
        ["big.go"] = "package big\n\nconst Data = \"" + Noise(48 * 1024) + "\"\n",
    });

    private static readonly TestModule A = TestModule.Simple("example.com/a", "v1.0.0");

    /// <summary>One-second window, 256 bytes minimum, one retry.</summary>
    private static FetchOptions Stall(FetchOptions? basis = null) => (basis ?? FetchSandbox.FastOptions) with
    {
        StallWindow = TimeSpan.FromSeconds(1),
        StallMinimumBytes = 256,
        Retry = new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(10) },
    };

    private static string Noise(int length)
    {
        var random = new Random(42);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[r.Next(alphabet.Length)];
        });
    }

    private static TestProxyServer Trickling(TestModule module, string suffix)
    {
        var server = TestProxyServer.For(module);
        server.TrickleDelay = TimeSpan.FromMilliseconds(200);
        server.Handler = r => r.Path.EndsWith(suffix, StringComparison.Ordinal)
            ? new TestResponse(200, server.Files[r.Path], "application/octet-stream", Fault.Trickle)
            : null;
        return server;
    }

    [Fact]
    public async Task A_trickling_zip_fails_as_a_network_failure_with_the_url_and_leaves_nothing_behind()
    {
        await using var server = Trickling(Big, ".zip");
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, options: Stall());
        var clock = Stopwatch.StartNew();
        var results = await d.DownloadAsync([Big.ModuleVersion], DownloadParts.Build);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "the stall rule did not bound the download");

        var e = results[0].Exception.ShouldBeOfType<ModuleFetchException>();
        e.Message.ShouldStartWith($"example.com/big@v1.0.0: read \"{server.Url}/example.com/big/@v/v1.0.0.zip\": download stalled: fewer than 256 bytes in 1s (received ");
        e.Message.ShouldContain($" of {Big.Zip().Length} bytes)");
        var stall = e.Request.ShouldNotBeNull().InnerException.ShouldBeOfType<DownloadStalledException>();
        stall.Url.ShouldBe($"{server.Url}/example.com/big/@v/v1.0.0.zip");
        stall.Received.ShouldBeLessThan(Big.Zip().Length);
        FailureCodes.For(e).ShouldBe(DiagnosticCodes.ProxyRequestFailed);
        server.Paths.Count(p => p.EndsWith(".zip", StringComparison.Ordinal)).ShouldBe(2, "a stall is transient: retried once under this policy");

        var download = Path.Combine(box.ModCache, "cache", "download", "example.com", "big", "@v");
        Directory.EnumerateFiles(download).Select(Path.GetFileName).ShouldNotContain(f => f!.Contains(".zip"));
        Directory.Exists(Path.Combine(box.ModCache, "example.com", "big@v1.0.0")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_trickling_go_mod_stalls_too()
    {
        await using var server = Trickling(A, ".mod");
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, options: Stall() with { Retry = RetryPolicy.None });
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.GoModAsync(A.ModuleVersion));
        e.Request.ShouldNotBeNull().InnerException.ShouldBeOfType<DownloadStalledException>();
        File.Exists(Path.Combine(box.ModCache, "cache", "download", "example.com", "a", "@v", "v1.0.0.mod")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_slow_body_that_keeps_making_progress_is_not_a_stall()
    {
        // 1 KiB every 100 ms: ~20 KiB per two-second window, far above the 256-byte minimum, for more than two windows in all.
        await using var server = TestProxyServer.For(Big);
        server.ThrottleChunk = 1024;
        server.ThrottleDelay = TimeSpan.FromMilliseconds(100);
        using var box = new FetchSandbox();
        using var d = box.Downloader(server.Url, options: Stall() with { StallWindow = TimeSpan.FromSeconds(2), Retry = RetryPolicy.None });
        var clock = Stopwatch.StartNew();
        var results = await d.DownloadAsync([Big.ModuleVersion], DownloadParts.Build);
        results[0].Error.ShouldBeNull();
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(4), "the body should have taken more than two windows");
        File.Exists(Path.Combine(results[0].Dir!, "big.go")).ShouldBeTrue();
    }

    [Fact]
    public async Task Credentials_in_the_proxy_url_are_redacted_in_the_stall_failure()
    {
        await using var server = new TestProxyServer(ProxyContent.Build([Big]), TestCertificates.Loopback) { TrickleDelay = TimeSpan.FromMilliseconds(200) };
        server.Handler = r => r.Path.EndsWith(".zip", StringComparison.Ordinal) ? new TestResponse(200, server.Files[r.Path], "application/zip", Fault.Trickle) : null;
        var url = server.Url.Replace("https://", "https://bob:hunter2@");
        using var box = new FetchSandbox();
        using var d = box.Downloader(url, options: Stall(FetchSandbox.FastOptions with { TrustedRootCertificates = [TestCertificates.Loopback] }) with { Retry = RetryPolicy.None });
        var e = await Should.ThrowAsync<ModuleFetchException>(() => d.DownloadZipAsync(Big.ModuleVersion));
        e.Request.ShouldNotBeNull().InnerException.ShouldBeOfType<DownloadStalledException>();
        e.Message.ShouldContain("https://bob:xxxxx@127.0.0.1:");
        e.Message.ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task A_restore_through_a_trickling_proxy_fails_with_a_coded_network_error_at_the_requirement()
    {
        await using var server = Trickling(Big, ".zip");
        using var box = new FetchSandbox();
        var main = box.Dir.Write("main/go.mod", "module example.com/main\n\ngo 1.17\n\nrequire example.com/big v1.0.0\n");
        var result = await new ModuleRestorer().RestoreAsync(new RestoreOptions
        {
            ModFile = main,
            ModMode = "mod",
            Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = box.ModCache, ["GOPROXY"] = server.Url, ["GOSUMDB"] = "off", ["GOFLAGS"] = "" },
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : name == "HOME" ? box.Dir.Path : null,
            Fetch = Stall(),
        }, CancellationToken.None);

        var error = result.Diagnostics.Where(x => x.Severity == DiagnosticSeverity.Error).ShouldHaveSingleItem();
        error.Code.ShouldBe(DiagnosticCodes.ProxyRequestFailed.Code);
        error.Message.ShouldContain($"{server.Url}/example.com/big/@v/v1.0.0.zip");
        error.Message.ShouldContain("download stalled");
        error.Line.ShouldBe(5);
        Directory.EnumerateFiles(box.ModCache, "*", SearchOption.AllDirectories)
            .ShouldNotContain(f => f.EndsWith(".tmp", StringComparison.Ordinal) || f.Contains(".zip"));
    }

    [Fact]
    public async Task Cancelling_a_restore_stops_a_trickling_download_at_once()
    {
        await using var server = Trickling(Big, ".zip");
        var zipRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inner = server.Handler!;
        server.Handler = r =>
        {
            if (r.Path.EndsWith(".zip", StringComparison.Ordinal)) zipRequested.TrySetResult();
            return inner(r);
        };
        using var box = new FetchSandbox();
        var main = box.Dir.Write("main/go.mod", "module example.com/main\n\ngo 1.17\n\nrequire example.com/big v1.0.0\n");
        using var cts = new CancellationTokenSource();
        var restore = new ModuleRestorer().RestoreAsync(new RestoreOptions
        {
            ModFile = main,
            ModMode = "mod",
            Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = box.ModCache, ["GOPROXY"] = server.Url, ["GOSUMDB"] = "off", ["GOFLAGS"] = "" },
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : name == "HOME" ? box.Dir.Path : null,
            Fetch = FetchSandbox.FastOptions, // default 30 s stall window: only cancellation can end it quickly
        }, cts.Token);
        (await Task.WhenAny(zipRequested.Task, Task.Delay(TimeSpan.FromSeconds(60)))).ShouldBe(zipRequested.Task);
        await Task.Delay(300);
        restore.IsCompleted.ShouldBeFalse();
        cts.Cancel();
        (await Task.WhenAny(restore, Task.Delay(TimeSpan.FromSeconds(10)))).ShouldBe(restore, "the restore ignored cancellation");
        await Should.ThrowAsync<OperationCanceledException>(() => restore);
        Directory.EnumerateFiles(box.ModCache, "*", SearchOption.AllDirectories)
            .ShouldNotContain(f => f.EndsWith(".tmp", StringComparison.Ordinal) || f.Contains(".zip"));
    }
}
