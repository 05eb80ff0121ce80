using GoMod.Core.Restore;
using GoMod.Testing;

namespace GoMod.Core.Tests.Vendor;

/// <summary>
/// A real module ecosystem (<see cref="DebianCorpus"/>): at least 100 of Debian's Go modules as a proxy, and a main
/// module importing a package of each. Our <c>GoVendor=true</c> restore must write exactly the vendor/ tree <c>go mod
/// vendor</c> writes — every path, every byte, modules.txt included.
/// </summary>
public sealed class VendorEcosystemTests : IDisposable
{
    private readonly TempDirectory _dir = new("vecosys");

    public void Dispose() => _dir.Dispose();

    [GoFact]
    public async Task GoVendor_equals_go_mod_vendor_over_a_hundred_and_more_real_modules()
    {
        if (!DebianCorpus.Available()) return;
        var corpus = DebianCorpus.Build(_dir.Combine("corpus"));
        var proxy = DebianCorpus.ProxyUrl(corpus);
        var goMain = _dir.Combine("gomain");
        var ourMain = _dir.Combine("ourmain");
        VendorOracleRun.CopyTree(corpus.MainDir, goMain);
        VendorOracleRun.CopyTree(corpus.MainDir, ourMain);

        var home = _dir.Combine("gohome");
        Directory.CreateDirectory(home);
        var env = new Dictionary<string, string?> { ["GOPROXY"] = proxy, ["GONOSUMDB"] = "*" };
        GoOracle.Run(goMain, home, env, "mod", "vendor").EnsureSuccess("go mod vendor");

        var result = await new ModuleRestorer().RestoreAsync(
            VendorRestoreDifferentialTests.Options(ourMain, _dir.Combine("ourcache"), proxy, vendor: true), CancellationToken.None);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics.Take(20)));
        var goTree = VendorOracleRun.Tree(Path.Combine(goMain, "vendor"));
        goTree.Count.ShouldBeGreaterThan(1000);
        VendorOracleRun.Diff(goTree, VendorOracleRun.Tree(Path.Combine(ourMain, "vendor"))).ShouldBeEmpty();
    }
}
