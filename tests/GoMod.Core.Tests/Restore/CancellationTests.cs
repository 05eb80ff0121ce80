using GoMod.Testing;
using GoMod.Core.GoEnv;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Mvs;

namespace GoMod.Core.Tests.Restore;

/// <summary>
/// Cancelling a restore (MSBuild's Ctrl+C reaches the task as a cancelled token) stops a download that is waiting on
/// the network at once, not when the server gives up, and leaves nothing in the module cache that looks complete.
/// </summary>
public sealed class CancellationTests : IDisposable
{
    private const string Scenario = """
        -- go.mod --
        module example.com/m

        go 1.19

        require example.com/slow v1.0.0
        -- example.com/slow@v1.0.0 --
        go 1.19
        -- example.com/slow@v1.0.0/slow.go --
        package slow
        """;

    private readonly TempDirectory _dir = new("cancel");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Cancelling_stops_a_stalled_zip_download_at_once_and_keeps_nothing_half_written()
    {
        var (proxy, main) = ProxyScenario.Parse(Scenario).Materialize(_dir.Path);
        var files = Directory.EnumerateFiles(proxy, "*", SearchOption.AllDirectories)
            .ToDictionary(f => "/" + Path.GetRelativePath(proxy, f).Replace('\\', '/'), File.ReadAllBytes);
        var zipRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new TestProxyServer(files)
        {
            // The zip never comes: without cancellation the restore would wait for the server far longer than the bound below.
            StallTime = TimeSpan.FromMinutes(2),
            Handler = r =>
            {
                if (!r.Path.EndsWith(".zip", StringComparison.Ordinal)) return null;
                zipRequested.TrySetResult();
                return TestResponse.Of(Fault.Stall);
            },
        };
        var modCache = _dir.Combine("modcache");
        using var cts = new CancellationTokenSource();
        var restore = new ModuleRestorer().RestoreAsync(new RestoreOptions
        {
            ModFile = Path.Combine(main, "go.mod"),
            ModMode = "mod",
            Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = modCache, ["GOPROXY"] = server.Url, ["GOSUMDB"] = "off" },
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
        }, cts.Token);

        (await Task.WhenAny(zipRequested.Task, Task.Delay(TimeSpan.FromSeconds(60)))).ShouldBe(zipRequested.Task, "the restore never asked for the zip");
        restore.IsCompleted.ShouldBeFalse("the restore should be waiting on the stalled zip");
        cts.Cancel();

        var finished = await Task.WhenAny(restore, Task.Delay(TimeSpan.FromSeconds(15)));
        finished.ShouldBe(restore, "the restore kept waiting on the network after cancellation");
        await Should.ThrowAsync<OperationCanceledException>(() => restore);
        var versionDir = Path.Combine(modCache, "cache", "download", "example.com", "slow", "@v");
        File.Exists(Path.Combine(versionDir, "v1.0.0.zip")).ShouldBeFalse();
        File.Exists(Path.Combine(versionDir, "v1.0.0.ziphash")).ShouldBeFalse();
        Directory.Exists(Path.Combine(modCache, "example.com", "slow@v1.0.0")).ShouldBeFalse();
    }
}
