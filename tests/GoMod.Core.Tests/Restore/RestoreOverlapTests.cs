using System.Diagnostics;
using GoMod.Testing;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Core.Tests.Mvs;

namespace GoMod.Core.Tests.Restore;

/// <summary>
/// What keeps a cold restore from waiting on one round trip at a time, checked at a slow loopback proxy (mechanisms,
/// not timings): the retraction and deprecation lookups of the direct requirements run side by side (as go's
/// <c>go list -m -u -retracted</c> does), and they start while the zips are still being downloaded instead of after.
/// </summary>
public sealed class RestoreOverlapTests : IDisposable
{
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(300);
    private readonly TempDirectory _dir = new("restore-overlap");
    private readonly string _proxy;
    private readonly string _main;

    public RestoreOverlapTests() => (_proxy, _main) = ProxyScenario.Parse(RetractionWarningTests.Scenario).Materialize(_dir.Path);

    public void Dispose() => _dir.Dispose();

    private TestProxyServer Server() => ProxyTreeRestore.Serve(_proxy);

    private RestoreResult Restore(string proxy) => ProxyTreeRestore.Run(ProxyTreeRestore.Options(Path.Combine(_main, "go.mod"), _dir.Combine("modcache"), proxy));

    private static bool IsLookup(string path) => path.EndsWith("/@v/list", StringComparison.Ordinal) || path.EndsWith("/@latest", StringComparison.Ordinal);

    [Fact]
    public async Task The_lookups_of_several_direct_requirements_are_in_flight_at_once()
    {
        await using var server = Server();
        int inFlight = 0, most = 0;
        server.Delay = r =>
        {
            if (!IsLookup(r.Path)) return null;
            InterlockedMax(ref most, Interlocked.Increment(ref inFlight));
            return Slow;
        };
        server.Handler = r =>
        {
            if (IsLookup(r.Path)) Interlocked.Decrement(ref inFlight);
            return null;
        };

        var result = Restore(server.Url);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Diagnostics.Count(d => d.Code is "GOMOD0350" or "GOMOD0351").ShouldBe(4, string.Join("\n", result.Diagnostics));
        // Five direct requirements, each looked up in order (list, latest, …): one at a time before, side by side now.
        Volatile.Read(ref most).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task The_lookups_start_while_zips_are_still_downloading()
    {
        await using var server = Server();
        var clock = Stopwatch.StartNew();
        long lastZipServed = 0, firstLookup = long.MaxValue;
        server.Delay = r =>
        {
            if (IsLookup(r.Path)) InterlockedMin(ref firstLookup, clock.ElapsedTicks);
            return r.Path.EndsWith(".zip", StringComparison.Ordinal) ? Slow : null;
        };
        server.Handler = r =>
        {
            if (r.Path.EndsWith(".zip", StringComparison.Ordinal)) InterlockedMax(ref lastZipServed, clock.ElapsedTicks);
            return null;
        };

        var result = Restore(server.Url);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Diagnostics.Count(d => d.Code is "GOMOD0350" or "GOMOD0351").ShouldBe(4, string.Join("\n", result.Diagnostics));
        server.Paths.Count(p => p.EndsWith(".zip", StringComparison.Ordinal)).ShouldBeGreaterThan(0);
        Interlocked.Read(ref firstLookup).ShouldBeLessThan(Interlocked.Read(ref lastZipServed));
    }

    [Fact]
    public async Task The_graph_reads_more_go_mod_files_at_once_than_there_are_cores_when_they_wait_on_the_network()
    {
        // Twenty direct requirements, each a module of its own: the graph read asks for twenty .mod files at once.
        const int count = 20;
        var scenario = new System.Text.StringBuilder("-- go.mod --\nmodule example.com/wide\n\ngo 1.19\n\nrequire (\n");
        for (int i = 0; i < count; i++) scenario.Append($"\texample.com/w{i:D2} v1.0.0\n");
        scenario.Append(")\n");
        for (int i = 0; i < count; i++) scenario.Append($"-- example.com/w{i:D2}@v1.0.0 --\ngo 1.19\n-- example.com/w{i:D2}@v1.0.0/w.go --\npackage w\n");
        using var dir = new TempDirectory("restore-wide");
        var (proxy, main) = ProxyScenario.Parse(scenario.ToString()).Materialize(dir.Path);
        await using var server = ProxyTreeRestore.Serve(proxy);
        int inFlight = 0, most = 0;
        server.Delay = r =>
        {
            if (!r.Path.EndsWith(".mod", StringComparison.Ordinal)) return null;
            InterlockedMax(ref most, Interlocked.Increment(ref inFlight));
            return Slow;
        };
        server.Handler = r =>
        {
            if (r.Path.EndsWith(".mod", StringComparison.Ordinal)) Interlocked.Decrement(ref inFlight);
            return null;
        };

        var result = await new ModuleRestorer().RestoreAsync(
            ProxyTreeRestore.Options(Path.Combine(main, "go.mod"), dir.Combine("modcache"), server.Url), CancellationToken.None);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        server.Paths.Count(p => p.EndsWith(".mod", StringComparison.Ordinal)).ShouldBe(count);
        // Before, at most max(8, 2 × cores) were read at once whatever the latency; the downloader allows 16 requests in flight.
        Volatile.Read(ref most).ShouldBeGreaterThanOrEqualTo(12);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    private static void InterlockedMin(ref long target, long value)
    {
        long seen;
        while (value < (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
