extern alias benchmarks;
using GoMod.Core.Restore;
using GoMod.Testing;
using benchmarks::GoMod.Benchmarks.Corpus;

namespace GoMod.Core.Tests.Vendor;

/// <summary>
/// A real module ecosystem: Debian's Go sources (<c>/usr/share/gocode/src</c>, the <c>golang-*-dev</c> packages) made
/// into a <c>file://</c> proxy of at least 100 modules with our zip writer (<see cref="GoCorpus"/>), and a main module
/// importing a package of each. Our <c>GoVendor=true</c> restore must write exactly the vendor/ tree <c>go mod
/// vendor</c> writes — every path, every byte, modules.txt included.
/// </summary>
public sealed class VendorEcosystemTests : IDisposable
{
    private const string Sources = "/usr/share/gocode/src";
    private readonly TempDirectory _dir = new("vecosys");

    public void Dispose() => _dir.Dispose();

    [GoFact]
    public async Task GoVendor_equals_go_mod_vendor_over_a_hundred_and_more_real_modules()
    {
        if (!Directory.Exists(Sources))
        {
            // Under CI the corpus is part of the machine (.ci/run installs golang-*-dev packages): missing it fails.
            GoOracle.IsCI.ShouldBeFalse($"{Sources} is missing: apt-get install the golang-*-dev packages");
            return;
        }
        var corpus = GoCorpus.BuildProxy(Sources, _dir.Combine("corpus"), new CorpusOptions { MaxModules = 110, Parallelism = 2 });
        corpus.Modules.Count.ShouldBeGreaterThanOrEqualTo(100);
        var proxy = new Uri(corpus.ProxyDir + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
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
