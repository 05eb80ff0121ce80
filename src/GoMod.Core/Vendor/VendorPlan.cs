using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.Vendor;

/// <summary>
/// What <c>go mod vendor</c> (go 1.19) writes, computed without writing: vendor/modules.txt and, for every file, where it
/// comes from. <see cref="Create"/> takes the packages go's load of <c>all</c> vendors (any build tags but
/// <c>ignore</c>, the main module's tests included, dependencies' tests not) and applies go's rules: modules in
/// <c>module.Sort</c> order; at main go ≥ 1.14 every go.mod requirement marked <c>## explicit</c> (listed even without
/// packages) and every replacement that provides no package recorded at the end; at go ≥ 1.17 each module's go version
/// (<c>## go 1.N</c>) and no go.mod/go.sum copied. Per package: its directory's files (<see cref="VendorFileSelection"/>),
/// the license-like files of each parent directory up to its module root, and its embedded files.
/// </summary>
public sealed class VendorPlan
{
    private VendorPlan(ModulesTxt modulesTxt, SortedDictionary<string, string> files)
    {
        ModulesTxt = modulesTxt;
        Files = files;
    }

    /// <summary>vendor/modules.txt; no modules means go's <c>no dependencies to vendor</c> (and no vendor/ at all).</summary>
    public ModulesTxt ModulesTxt { get; }

    /// <summary>Every file below vendor/ but modules.txt: relative slash path → the source file copied there, in ordinal order.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>True when go would print <c>go: no dependencies to vendor</c> and leave no vendor/.</summary>
    public bool IsEmpty => ModulesTxt.Modules.Count == 0;

    /// <summary>
    /// Plans vendor/ for the main module's <paramref name="mainMod"/> and the loaded <paramref name="packages"/> (the
    /// main module's own are ignored). <paramref name="goVersionOf"/> gives the <c>go</c> version of the selected
    /// version of a module path (from its go.mod, after replacement; empty when it has none). With
    /// <paramref name="cgoEnabled"/> false (CGO_ENABLED=0), embed patterns of files importing <c>C</c> are not
    /// resolved, as go/build ignores such files then. Throws <see cref="EmbedPatternException"/> for a pattern go
    /// cannot resolve.
    /// </summary>
    public static VendorPlan Create(GoModFile mainMod, IEnumerable<VendorPackage> packages, Func<string, string> goVersionOf, bool cgoEnabled = true)
    {
        ArgumentNullException.ThrowIfNull(mainMod);
        ArgumentNullException.ThrowIfNull(packages);
        ArgumentNullException.ThrowIfNull(goVersionOf);
        var mainPath = mainMod.Module?.Path ?? "";
        var goV = mainMod.Go is { Length: > 0 } g ? "v" + g : "";
        var at114 = goV.Length > 0 && SemVer.Compare(goV, "v1.14") >= 0;
        var at117 = goV.Length > 0 && SemVer.Compare(goV, "v1.17") >= 0;

        var byModule = new Dictionary<ModuleVersion, List<VendorPackage>>();
        foreach (var p in packages)
        {
            if (p.Module.Path.Length == 0 || p.Module.Version.Length == 0 && p.Module.Path == mainPath) continue;
            if (!byModule.TryGetValue(p.Module, out var list)) byModule[p.Module] = list = [];
            if (!list.Any(x => x.ImportPath == p.ImportPath)) list.Add(p);
        }
        var explicitSet = at114 ? mainMod.Require.Select(r => new ModuleVersion(r.Path, r.Version)).ToHashSet() : [];
        var modules = explicitSet.Concat(byModule.Keys.Where(k => !explicitSet.Contains(k))).ToList();
        modules.Sort(ModuleVersion.SortOrder);

        var entries = new List<VendoredModule>();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var metadataDone = new HashSet<(string Module, string Dst)>();
        foreach (var m in modules)
        {
            var pkgs = byModule.GetValueOrDefault(m) ?? [];
            pkgs.Sort((a, b) => string.CompareOrdinal(a.ImportPath, b.ImportPath));
            entries.Add(new VendoredModule(m, VendorConsistency.Replacement(mainMod, m), explicitSet.Contains(m),
                at117 ? goVersionOf(m.Path) : "", pkgs.Select(p => p.ImportPath).ToList()));
            foreach (var p in pkgs) AddPackage(p, at117, cgoEnabled, files, metadataDone);
        }
        if (at114)
            foreach (var r in mainMod.Replace)
            {
                var old = new ModuleVersion(r.OldPath, r.OldVersion);
                if (byModule.TryGetValue(old, out var provided) && provided.Count > 0) continue;
                entries.Add(new VendoredModule(old, new ModuleVersion(r.NewPath, r.NewVersion), false, "", []));
            }
        if (entries.Count == 0) files.Clear();
        return new VendorPlan(new ModulesTxt(entries), files);
    }

    private static void AddPackage(VendorPackage p, bool dropGoModAndSum, bool cgoEnabled, SortedDictionary<string, string> files,
        HashSet<(string, string)> metadataDone)
    {
        var dst = p.ImportPath;
        foreach (var name in VendorFileSelection.RegularFiles(p.Dir))
        {
            var src = Path.Combine(p.Dir, name);
            if (VendorFileSelection.IsPackageFile(name, () => File.ReadAllBytes(src), dropGoModAndSum)) files[dst + "/" + name] = src;
        }

        // License-like files of every parent directory up to the module root (go's copyMetadata).
        var pkg = p.ImportPath;
        var srcDir = p.Dir;
        var dstDir = dst;
        for (int parent = 0; ; parent++)
        {
            if (!metadataDone.Add((p.Module.Path, dstDir))) break;
            if (parent > 0)
                foreach (var name in VendorFileSelection.RegularFiles(srcDir))
                    if (VendorFileSelection.IsMetadataFile(name)) files[dstDir + "/" + name] = Path.Combine(srcDir, name);
            if (pkg == p.Module.Path || !pkg.Contains('/')) break;
            pkg = pkg[..pkg.LastIndexOf('/')];
            dstDir = dstDir[..dstDir.LastIndexOf('/')];
            srcDir = Path.GetDirectoryName(srcDir)!;
        }

        var patterns = EmbedPatterns(p.Dir, cgoEnabled);
        if (patterns.Count == 0) return;
        foreach (var rel in EmbedResolver.Resolve(p.Dir, patterns))
            files.TryAdd(dst + "/" + rel, Path.Combine(p.Dir, rel.Replace('/', Path.DirectorySeparatorChar)));
    }

    /// <summary>
    /// The embed patterns go/build's <c>ImportDir</c> reports with <c>UseAllFiles</c> (every <c>.go</c> file not
    /// starting with <c>_</c> or <c>.</c>, whatever its constraints or name suffix; not package <c>documentation</c>;
    /// not cgo files when cgo is off): the package's, its tests' and its external tests' patterns. None when no file
    /// counts (go's <c>NoGoError</c>).
    /// </summary>
    private static List<string> EmbedPatterns(string dir, bool cgoEnabled)
    {
        var main = new SortedSet<string>(StringComparer.Ordinal);
        var test = new SortedSet<string>(StringComparer.Ordinal);
        int counted = 0;
        foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var name = entry.Name;
            if ((entry.Attributes & FileAttributes.Directory) != 0) continue;
            if (name.StartsWith('_') || name.StartsWith('.') || !name.EndsWith(".go", StringComparison.Ordinal)) continue;
            byte[] data;
            try
            {
                data = File.ReadAllBytes(entry.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            var info = EmbedDirectives.ReadFile(data);
            if (info.PackageName == "documentation") continue;
            var isTest = name.EndsWith("_test.go", StringComparison.Ordinal);
            if (!isTest && info.ImportsC && !cgoEnabled) continue;
            counted++;
            (isTest ? test : main).UnionWith(info.Patterns);
        }
        if (counted == 0) return [];
        // go lists the package's patterns, then its tests' and external tests'; the two test lists only matter as a set.
        return [.. main, .. test];
    }
}
