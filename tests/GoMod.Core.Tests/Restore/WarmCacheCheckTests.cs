using GoMod.Testing;
using GoMod.Core.Restore;
using GoMod.Core.Tests.Mvs;

namespace GoMod.Core.Tests.Restore;

/// <summary>
/// A restore over a warm module cache checks each module as go does (an extracted tree without <c>.partial</c>, its
/// <c>.ziphash</c> against go.sum) and never opens a zip: go trusts the recorded hash.
/// </summary>
public sealed class WarmCacheCheckTests : IDisposable
{
    private readonly TempDirectory _dir = new("warm-check");
    private readonly string _proxy;
    private readonly string _main;

    public WarmCacheCheckTests() => (_proxy, _main) = ProxyScenario.Parse(RetractionWarningTests.Scenario).Materialize(_dir.Path);

    public void Dispose() => _dir.Dispose();

    private string ModCache => _dir.Combine("modcache");

    private RestoreResult Restore(string proxy) =>
        new ModuleRestorer().RestoreAsync(new RestoreOptions
        {
            ModFile = Path.Combine(_main, "go.mod"),
            Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = ModCache, ["GOPROXY"] = proxy, ["GOSUMDB"] = "off", ["GOFLAGS"] = "-mod=mod" },
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
        }, CancellationToken.None).GetAwaiter().GetResult();

    [Fact]
    public void A_warm_restore_trusts_the_ziphash_and_never_opens_a_zip()
    {
        var first = Restore(new Uri(_proxy + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/'));
        first.Succeeded.ShouldBeTrue(string.Join("\n", first.Diagnostics.Where(d => d.IsError)));
        var zips = Directory.EnumerateFiles(Path.Combine(ModCache, "cache", "download"), "*.zip", SearchOption.AllDirectories).ToList();
        zips.Count.ShouldBe(6);
        // Not zips any more: opening one (to hash or to list it) would fail the restore.
        foreach (var zip in zips)
        {
            File.SetAttributes(zip, FileAttributes.Normal);
            File.WriteAllText(zip, "not a zip");
        }

        var second = Restore("off");

        second.Succeeded.ShouldBeTrue(string.Join("\n", second.Diagnostics.Where(d => d.IsError)));
        second.Modules.Select(m => (m.Path, m.Version, m.Dir, m.Sum)).ShouldBe(first.Modules.Select(m => (m.Path, m.Version, m.Dir, m.Sum)));
        second.Modules.Where(m => !m.Main).ShouldAllBe(m => m.Sum.StartsWith("h1:", StringComparison.Ordinal) && Directory.Exists(m.Dir));
    }

    [Fact]
    public void A_ziphash_that_disagrees_with_go_sum_is_still_a_security_error()
    {
        var first = Restore(new Uri(_proxy + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/'));
        first.Succeeded.ShouldBeTrue(string.Join("\n", first.Diagnostics.Where(d => d.IsError)));
        var ziphash = Directory.EnumerateFiles(Path.Combine(ModCache, "cache", "download", "example.com", "ok"), "v1.0.0.ziphash", SearchOption.AllDirectories).Single();
        File.SetAttributes(ziphash, FileAttributes.Normal);
        File.WriteAllText(ziphash, "h1:" + new string('A', 43) + "=");

        var second = Restore("off");

        second.Succeeded.ShouldBeFalse();
        second.Diagnostics.Where(d => d.IsError).ShouldContain(d => d.Message.Contains("example.com/ok@v1.0.0", StringComparison.Ordinal)
            && d.Message.Contains("SECURITY ERROR", StringComparison.Ordinal));
    }
}
