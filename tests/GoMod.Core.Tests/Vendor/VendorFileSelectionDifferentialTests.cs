using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Restore;
using GoMod.Core.Vendor;
using GoMod.Testing;

namespace GoMod.Core.Tests.Vendor;

/// <summary>
/// The copying half of <c>go mod vendor</c> against the real go, on every authored scenario: given the packages go
/// vendored (read from go's modules.txt) and the modules our restore downloaded, <see cref="VendorPlan"/> and
/// <see cref="VendorTreeWriter"/> must produce go's tree path for path and byte for byte — modules.txt included — and
/// <c>go build -mod=vendor ./...</c> must succeed on it with the proxy off. (The package load that chooses the packages
/// is the package graph's.)
/// </summary>
public sealed class VendorFileSelectionDifferentialTests
{
    public static TheoryData<string> Scenarios => VendorScenarios.Names();

    [GoTheory]
    [MemberData(nameof(Scenarios))]
    public async Task Vendor_tree_equals_go_mod_vendor_s(string scenario)
    {
        await using var run = new VendorOracleRun(VendorScenarios.Text(scenario), tidy: !VendorScenarios.NoTidy.Contains(scenario));
        run.GoVendor().EnsureSuccess("go mod vendor");
        var goTxt = File.ReadAllText(Path.Combine(run.GoMain, "vendor", "modules.txt"));

        var restore = await new ModuleRestorer().RestoreAsync(new RestoreOptions
        {
            ModFile = Path.Combine(run.OurMain, "go.mod"),
            Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = run.OurModCache, ["GOPROXY"] = run.ProxyUrl, ["GOSUMDB"] = "off" },
            GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
        }, CancellationToken.None);
        restore.Succeeded.ShouldBeTrue(string.Join("\n", restore.Diagnostics));

        var mod = GoModFile.Parse(Path.Combine(run.OurMain, "go.mod"), File.ReadAllText(Path.Combine(run.OurMain, "go.mod")));
        // The restore extracts what go build needs (host tags); the modules go vendored come from go's extraction.
        var plan = VendorPlan.Create(mod, PackagesOf(ModulesTxt.Parse("modules.txt", goTxt), m => ModuleDir(run, mod, m)),
            path => GoVersionOf(run, mod, restore.Modules, path), cgoEnabled: false);
        VendorTreeWriter.Write(Path.Combine(run.OurMain, "vendor"), plan);

        plan.ModulesTxt.Format().ShouldBe(goTxt);
        var diff = VendorOracleRun.Diff(VendorOracleRun.Tree(Path.Combine(run.GoMain, "vendor")), VendorOracleRun.Tree(Path.Combine(run.OurMain, "vendor")));
        diff.ShouldBeEmpty();
        run.Go(run.OurMain, "vendor", "build", "./...").EnsureSuccess("go build -mod=vendor ./... on our vendor/");
    }

    /// <summary>The packages of go's modules.txt, each with its module's directory.</summary>
    internal static IEnumerable<VendorPackage> PackagesOf(ModulesTxt txt, Func<ModuleVersion, string> moduleDir)
    {
        foreach (var m in txt.Modules)
        {
            if (m.Packages.Count == 0) continue;
            var root = moduleDir(m.Module);
            foreach (var p in m.Packages)
            {
                var rel = p.Length == m.Module.Path.Length ? "" : p[(m.Module.Path.Length + 1)..];
                yield return new VendorPackage(p, m.Module, Path.Combine(root, rel), root);
            }
        }
    }

    /// <summary>Where go extracted a module (its replacement's directory or version when replaced).</summary>
    private static string ModuleDir(VendorOracleRun run, GoModFile mod, ModuleVersion m)
    {
        var target = VendorConsistency.Replacement(mod, m) ?? m;
        return target.Version.Length == 0
            ? Path.GetFullPath(Path.Combine(run.OurMain, target.Path))
            : Path.Combine(run.GoModCache, ModulePath.EscapePath(target.Path) + "@" + ModulePath.EscapeVersion(target.Version));
    }

    /// <summary>The go version of the selected module of a path, from the go.mod go downloaded for it ("" without a go line).</summary>
    private static string GoVersionOf(VendorOracleRun run, GoModFile mod, IReadOnlyList<RestoredModule> modules, string path)
    {
        var m = modules.FirstOrDefault(r => r.Path == path);
        if (m is null) return "";
        var target = VendorConsistency.Replacement(mod, new ModuleVersion(m.Path, m.Version)) ?? new ModuleVersion(m.Path, m.Version);
        var goMod = target.Version.Length == 0
            ? Path.Combine(run.OurMain, target.Path, "go.mod")
            : Path.Combine(run.GoModCache, "cache", "download", ModulePath.EscapePath(target.Path), "@v", ModulePath.EscapeVersion(target.Version) + ".mod");
        return File.Exists(goMod) ? GoModFile.ParseLax(goMod, File.ReadAllText(goMod)).Go ?? "" : "";
    }
}
