using System.Diagnostics;
using System.Text.RegularExpressions;
using GoMod.Core.Diagnostics;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.ModCache;
using GoMod.Core.Proxy;
using GoMod.Core.Restore;
using GoMod.Core.Sum;
using GoMod.Core.Tests.Fetch.Infrastructure;
using GoMod.Testing;

namespace GoMod.Core.Tests.Restore;

/// <summary>
/// Whole restores (ModuleRestorer, in process) of a 30-module graph through a proxy that fails at random in every way
/// a hostile or broken server can — 500/503/429, resets before the answer, bodies cut short, headers that never come,
/// bodies trickled a byte at a time, redirect loops, zips that are corrupted or an HTML login page: every restore
/// ends within its bound and either succeeds or fails with coded diagnostics (never GOMOD0902), the module cache never
/// holds a temporary file or anything that does not verify, and once the proxy behaves a restore completes and the
/// real <c>go mod verify</c> (GOFLAGS=-mod=mod, GOPROXY=off, same GOMODCACHE) says "all modules verified".
/// </summary>
public sealed partial class HostileProxyRestoreTests : IDisposable
{
    private const int Size = 30;

    /// <summary>
    /// example.com/g/m00…m29: m(i) requires m(i+1), m(i+3) and m(i+7) where they exist, at v1.1.0 when i+j is even
    /// (so MVS raises some versions) and v1.0.0 otherwise; every module exists at both versions.
    /// </summary>
    private static readonly TestModule[] Modules = BuildGraph();

    private readonly TempDirectory _dir = new("hostile");
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public HostileProxyRestoreTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    public void Dispose() => _dir.Dispose();

    private static string Name(int i) => $"example.com/g/m{i:D2}";

    private static TestModule[] BuildGraph()
    {
        var modules = new List<TestModule>();
        for (var i = 0; i < Size; i++)
        {
            var requires = string.Concat(new[] { 1, 3, 7 }.Where(j => i + j < Size)
                .Select(j => $"\t{Name(i + j)} {((i + j) % 2 == 0 ? "v1.1.0" : "v1.0.0")}\n"));
            foreach (var version in new[] { "v1.0.0", "v1.1.0" })
                modules.Add(TestModule.Simple(Name(i), version, requires: requires.Length > 0 ? "require (\n" + requires + ")\n" : ""));
        }
        return [.. modules];
    }

    private static string GoSum()
    {
        using var tmp = new TempDirectory("hostile-sum");
        return string.Concat(Modules.OrderBy(m => m.Path, StringComparer.Ordinal).ThenBy(m => m.Version, StringComparer.Ordinal).Select(m =>
        {
            var zip = tmp.Combine(m.Path.Replace('/', '_') + m.Version + ".zip");
            File.WriteAllBytes(zip, m.Zip());
            return $"{m.Path} {m.Version} {DirHash.HashZip(zip)}\n{m.Path} {m.Version}/go.mod {DirHash.HashGoMod(m.GoModBytes)}\n";
        }));
    }

    private static FetchOptions Hostile => new()
    {
        Retry = new RetryPolicy { MaxAttempts = 4, InitialDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(40), MaxTotalTime = TimeSpan.FromSeconds(5) },
        ResponseTimeout = TimeSpan.FromMilliseconds(800),
        ReadIdleTimeout = TimeSpan.FromSeconds(2),
        StallWindow = TimeSpan.FromMilliseconds(500),
        StallMinimumBytes = 64,
        MaxParallelDownloads = 8,
        Netrc = NetrcFile.Empty,
    };

    [GeneratedRegex("^GOMOD[0-9]{4}$")]
    private static partial Regex CodePattern();

    private Task<RestoreResult> RestoreAsync(string modFile, string modCache, string proxy, CancellationToken ct) =>
        new ModuleRestorer().RestoreAsync(new RestoreOptions
        {
            ModFile = modFile,
            ModMode = "mod",
            Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = modCache, ["GOPROXY"] = proxy, ["GOSUMDB"] = "off", ["GOFLAGS"] = "" },
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : name == "HOME" ? _dir.Path : null,
            Fetch = Hostile,
        }, ct);

    [GoFact]
    public async Task Restores_through_a_hostile_proxy_succeed_or_fail_with_codes_and_leave_a_cache_go_verifies()
    {
        var total = Stopwatch.StartNew();
        await using var server = new TestProxyServer(ProxyContent.Build(Modules))
        {
            StallTime = TimeSpan.FromSeconds(3),
            TrickleDelay = TimeSpan.FromMilliseconds(150),
        };
        var main = _dir.Combine("main");
        var goMod = _dir.Write("main/go.mod", "module example.com/main\n\ngo 1.16\n\nrequire (\n"
            + string.Concat(Enumerable.Range(0, 5).Select(i => $"\t{Name(i)} v1.0.0\n")) + ")\n");
        var goModBytes = File.ReadAllBytes(goMod);
        var goSum = GoSum();
        var modCache = _dir.Combine("gopath", "pkg", "mod");

        var outcomes = new List<string>();
        var faults = 0;
        for (var round = 0; round < 6; round++)
        {
            // Every other round starts from an empty cache; the others continue from what the last one left.
            if (round % 2 == 0 && Directory.Exists(modCache)) ModuleCache.RemoveAll(modCache);
            File.WriteAllBytes(goMod, goModBytes);
            File.WriteAllText(Path.Combine(main, "go.sum"), goSum);
            var injector = new FaultInjector(round + 1)
            {
                ResetRate = 0.03, TruncateRate = 0.03, ServerErrorRate = 0.03, UnavailableRate = 0.03, TooManyRequestsRate = 0.02,
                CorruptZipRate = 0.04, StallRate = 0.02, TrickleRate = 0.02, RedirectLoopRate = 0.01, HtmlForZipRate = 0.04,
                MaxFaults = 25,
            };
            server.Faults = injector;

            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(45));
            var restore = RestoreAsync(goMod, modCache, server.Url, bound.Token);
            (await Task.WhenAny(restore, Task.Delay(TimeSpan.FromSeconds(40)))).ShouldBe(restore, $"round {round}: the restore hung");
            var result = await restore;
            faults += injector.FaultCount;

            foreach (var d in result.Diagnostics)
            {
                CodePattern().IsMatch(d.Code).ShouldBeTrue($"round {round}: uncoded diagnostic {d}");
                d.Code.ShouldNotBe(DiagnosticCodes.InternalError.Code, $"round {round}: {d}");
                d.Code.ShouldNotBe(DiagnosticCodes.Canceled.Code, $"round {round}: {d}");
            }
            outcomes.Add(result.Succeeded ? "ok" : string.Join(",", result.Diagnostics.Where(d => d.IsError).Select(d => d.Code).Distinct()));
            if (result.Succeeded) result.Modules.Where(m => !m.Main).ShouldAllBe(m => Directory.Exists(m.Dir), $"round {round}");

            // Nothing half-written, nothing that does not verify against what was recorded.
            Directory.EnumerateFiles(modCache, "*", SearchOption.AllDirectories)
                .Where(f => f.Contains(".tmp", StringComparison.Ordinal) || f.EndsWith(".partial", StringComparison.Ordinal))
                .ShouldBeEmpty($"round {round}");
            (await ModuleCacheVerifier.VerifyAllAsync(new ModuleCache(modCache))).Output.ShouldBe("all modules verified\n", $"round {round}");
        }
        _output.WriteLine($"{faults} faults; outcomes: {string.Join(" ", outcomes)}; {total.Elapsed.TotalSeconds:0.0}s");
        outcomes.ShouldContain("ok", "with these rates some restores should get through");
        faults.ShouldBeGreaterThan(20, "the proxy should have misbehaved often");

        // Once the proxy behaves, the restore completes on what the hostile rounds left, and go agrees.
        server.Faults = null;
        File.WriteAllBytes(goMod, goModBytes);
        File.WriteAllText(Path.Combine(main, "go.sum"), goSum);
        var clean = await RestoreAsync(goMod, modCache, server.Url, CancellationToken.None);
        clean.Succeeded.ShouldBeTrue(string.Join("\n", clean.Diagnostics));
        clean.Modules.Count(m => !m.Main).ShouldBe(Size);
        GoOracle.Run(main, _dir.Path, new Dictionary<string, string?> { ["GOPROXY"] = "off", ["GOFLAGS"] = "-mod=mod", ["GOMODCACHE"] = modCache }, "mod", "verify")
            .EnsureSuccess("go mod verify").StdOut.ShouldBe("all modules verified\n");
        total.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(120), "outcomes: " + string.Join(" ", outcomes));
    }
}
