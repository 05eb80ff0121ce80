using GoMod.Core.GoEnv;
using GoMod.Core.Restore;
using GoMod.Core.Vendor;
using GoMod.Testing;

namespace GoMod.Core.Tests.Vendor;

/// <summary>
/// The whole of <c>GoVendor=true</c> against the real go on every authored scenario: our restore loads the packages
/// (pattern <c>all</c>, any tags but ignore, the main module's tests, no dependency tests) and writes vendor/; the tree
/// must equal <c>go mod vendor</c>'s path for path and byte for byte; <c>go build -mod=vendor ./...</c> must succeed
/// on it; and a restore under <c>-mod=vendor</c> then publishes modules.txt's build list with the proxy gone.
/// </summary>
public sealed class VendorRestoreDifferentialTests
{
    public static TheoryData<string> Scenarios => VendorScenarios.Names();

    internal static RestoreOptions Options(string main, string modCache, string proxy, bool vendor, string mode = "", string? list = null) => new()
    {
        ModFile = Path.Combine(main, "go.mod"),
        ModMode = mode,
        WriteVendor = vendor,
        VendorListFile = list,
        Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = modCache, ["GOPROXY"] = proxy, ["GOSUMDB"] = "off" },
        GetEnvironmentVariable = name => name switch { "GOENV" => "off", "CGO_ENABLED" => "0", _ => null },
    };

    [GoTheory]
    [MemberData(nameof(Scenarios))]
    public async Task GoVendor_restore_writes_go_mod_vendor_s_tree(string scenario)
    {
        await using var run = new VendorOracleRun(VendorScenarios.Text(scenario), tidy: !VendorScenarios.NoTidy.Contains(scenario));
        run.GoVendor().EnsureSuccess("go mod vendor");

        var result = await new ModuleRestorer().RestoreAsync(Options(run.OurMain, run.OurModCache, run.ProxyUrl, vendor: true), CancellationToken.None);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        VendorOracleRun.Diff(VendorOracleRun.Tree(Path.Combine(run.GoMain, "vendor")), VendorOracleRun.Tree(Path.Combine(run.OurMain, "vendor")))
            .ShouldBeEmpty();
        run.Go(run.OurMain, "vendor", "build", "./...").EnsureSuccess("go build -mod=vendor ./... on our vendor/");

        // -mod=vendor (go's default now that vendor/ exists at go >= 1.14): modules.txt's build list, no network.
        var vendorMode = await new ModuleRestorer().RestoreAsync(
            Options(run.OurMain, run.Scratch("nocache"), "http://127.0.0.1:9", vendor: false, mode: "vendor"), CancellationToken.None);
        vendorMode.Succeeded.ShouldBeTrue(string.Join("\n", vendorMode.Diagnostics));
        vendorMode.Mode.ShouldBe(ModMode.Vendor);
        var txt = ModulesTxt.Parse("modules.txt", File.ReadAllText(Path.Combine(run.GoMain, "vendor", "modules.txt")));
        vendorMode.Modules.Skip(1).Select(m => m.Path + "@" + m.Version).ShouldBe(txt.BuildList.Select(m => m.Path + "@" + m.Version));
        vendorMode.Modules.Skip(1).ShouldAllBe(m => m.Dir.StartsWith(Path.Combine(run.OurMain, "vendor")));
        Directory.Exists(run.Scratch("nocache")).ShouldBeFalse();
    }
}
