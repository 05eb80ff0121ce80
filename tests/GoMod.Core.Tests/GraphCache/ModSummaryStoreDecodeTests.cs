using System.Security.Cryptography;
using GoMod.Testing;
using GoMod.Core.GraphCache;
using GoMod.Core.Tests.Mvs;
using GoMod.Core.Tests.Restore;

namespace GoMod.Core.Tests.GraphCache;

/// <summary>
/// The store file is read straight from its bytes: a file cut short anywhere, even one whose trailing checksum was
/// recomputed to match, is ignored as damaged (never an exception, never a partial set of entries).
/// </summary>
public sealed class ModSummaryStoreDecodeTests : IDisposable
{
    private readonly TempDirectory _dir = new("modsum-decode");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_store_cut_short_with_a_matching_checksum_is_ignored_at_every_length()
    {
        var (proxy, main) = ProxyScenario.Parse(RetractionWarningTests.Scenario).Materialize(_dir.Path);
        var modFile = Path.Combine(main, "go.mod");
        var modCache = _dir.Combine("modcache");
        var result = ProxyTreeRestore.Run(ProxyTreeRestore.Options(modFile, modCache, new Uri(proxy + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/')));
        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        var file = ModSummaryStore.DefaultFile(modCache, modFile);
        var good = File.ReadAllBytes(file);
        var loaded = ModSummaryStore.Open(file).Loaded;
        loaded.ShouldBeGreaterThan(0);

        var body = good.AsSpan(0, good.Length - 32).ToArray();
        for (var cut = 8; cut < body.Length; cut++)
        {
            File.WriteAllBytes(file, [.. body.AsSpan(0, cut), .. SHA256.HashData(body.AsSpan(0, cut))]);
            var store = ModSummaryStore.Open(file);
            store.WasCorrupt.ShouldBeTrue($"cut at {cut} of {body.Length}");
            store.Loaded.ShouldBe(0);
        }
        // A trailing byte is damage too; the intact file still loads.
        File.WriteAllBytes(file, [.. body, 0, .. SHA256.HashData([.. body, 0])]);
        ModSummaryStore.Open(file).WasCorrupt.ShouldBeTrue();
        File.WriteAllBytes(file, good);
        ModSummaryStore.Open(file).Loaded.ShouldBe(loaded);
    }
}
