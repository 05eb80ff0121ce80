using GoMod.Core.ModLoad;
using GoMod.Core.Module;
using GoMod.Core.Packages;
using GoMod.Core.Semver;
using GoMod.Core.Sum;

namespace GoMod.Core.Tidy;

/// <summary>
/// go.sum as <c>go mod tidy</c> leaves it (go's <c>keepSums</c>, <c>TrimGoSum</c>, <c>WriteGoSum</c>): every line go.sum
/// had for a module or go.mod in the keep set stays (every other goes), and every sum checked during the command
/// that is in the keep set and was missing is added.
/// </summary>
internal static class TidySums
{
    /// <summary>From this go line (Go Modules Reference; go 1.21), tidy keeps the go.mod sum of every module providing a package.</summary>
    public const string PackageGoModSumsVersion = "1.21";

    /// <summary>
    /// The sums to keep: go's <c>keepSums</c> for the loaded packages under <paramref name="rs"/> (zip sums of the modules
    /// that provide or could provide a loaded package, go.mod sums of every module whose requirements the graph read);
    /// from go 1.21 also the go.mod sum of each package's module (read now if the load did not need it).
    /// </summary>
    public static async Task<ModuleLoader.KeepSet> KeepAsync(ModuleLoader loader, Requirements rs, PackageGraph graph, string goVersion, CancellationToken ct)
    {
        var keep = await loader.KeepSumsAsync(rs, graph.LoadOrder, buildListZips: false, ct).ConfigureAwait(false);
        if (GoToolchainVersions.Compare(goVersion, PackageGoModSumsVersion) < 0) return keep;
        foreach (var pkg in graph.LoadOrder)
        {
            if (pkg.IsTest || pkg.Module.Path is not { Length: > 0 } || !ModulePath.IsValidImportPath(pkg.ImportPath)) continue;
            var r = loader.Main.Resolve(pkg.Module);
            if (r.Version.Length == 0) continue;
            if (keep.GoMods.Add(r)) await loader.RawSummaryAsync(r, ct).ConfigureAwait(false);
        }
        return keep;
    }

    /// <summary>
    /// The new go.sum text, or null when tidy leaves go.sum as it is (go writes it only when a line goes or comes).
    /// </summary>
    public static string? Update(ModuleLoader loader, ModuleLoader.KeepSet keep, string? originalText)
    {
        var sumPath = Path.Combine(loader.Main.ModRoot, "go.sum");
        var sums = originalText is null ? new GoSumFile(sumPath) : GoSumFile.Parse(sumPath, originalText);
        bool dirty = false;
        foreach (var line in sums.Lines.ToList())
        {
            const string suffix = "/go.mod";
            bool kept = line.Version.EndsWith(suffix, StringComparison.Ordinal)
                ? keep.GoMods.Contains(new ModuleVersion(line.Path, line.Version[..^suffix.Length]))
                : keep.Zips.Contains(new ModuleVersion(line.Path, line.Version));
            if (kept) continue;
            sums.Remove(line.Path, line.Version, line.Hash);
            dirty = true;
        }
        foreach (var (m, data) in loader.GoModData)
        {
            // A line already there for the key is kept as is (go would have stopped on a mismatch).
            if (data is null || !keep.GoMods.Contains(m) || loader.HadGoModSum(m)) continue;
            dirty |= sums.Add(m.Path, m.Version + "/go.mod", DirHash.HashGoMod(data));
        }
        foreach (var (m, zip) in loader.DownloadedZips)
        {
            if (!keep.Zips.Contains(m) || loader.HadSum(m)) continue;
            dirty |= sums.Add(m.Path, m.Version, DirHash.HashZip(zip));
        }
        return dirty ? sums.Format() : null;
    }
}
