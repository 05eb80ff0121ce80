using GoMod.Core.Imports;
using GoMod.Core.Internal;
using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.Vendor;

/// <summary>
/// What <c>go mod vendor</c> (go 1.19) writes, computed without writing: vendor/modules.txt and, for every file, where it
/// comes from. <see cref="Create(GoModFile, IEnumerable{VendorPackage}, Func{string, string}, bool)"/> takes the packages go's load of <c>all</c> vendors (any build tags but
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

    /// <summary>vendor/modules.txt; no modules means go's <c>no dependencies to vendor</c> (and no vendor/ at all) outside a workspace.</summary>
    public ModulesTxt ModulesTxt { get; }

    /// <summary>Every file below vendor/ but modules.txt: relative slash path → the source file copied there, in ordinal order.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>The same files with another modules.txt (<c>go work vendor</c>'s, see <c>Workspace.WorkspaceVendor</c>).</summary>
    internal VendorPlan WithModulesTxt(ModulesTxt modulesTxt) => new(modulesTxt, (SortedDictionary<string, string>)Files);

    /// <summary>
    /// True when go would print <c>go: no dependencies to vendor</c> and leave no vendor/: no module to list. A
    /// workspace's modules.txt is never empty (go 1.22+'s <c>go work vendor</c> writes its <c>## workspace</c> line even
    /// with nothing else to list).
    /// </summary>
    public bool IsEmpty => ModulesTxt.Modules.Count == 0 && !ModulesTxt.Workspace;

    /// <summary>
    /// Plans vendor/ for the main module's <paramref name="mainMod"/> and the loaded <paramref name="packages"/> (the
    /// main module's own are ignored). <paramref name="goVersionOf"/> gives the <c>go</c> version of the selected
    /// version of a module path (from its go.mod, after replacement; empty when it has none). With
    /// <paramref name="cgoEnabled"/> false (CGO_ENABLED=0), embed patterns of files importing <c>C</c> are not
    /// resolved, as go/build ignores such files then. Throws <see cref="EmbedPatternException"/> for a pattern go
    /// cannot resolve.
    /// </summary>
    public static VendorPlan Create(GoModFile mainMod, IEnumerable<VendorPackage> packages, Func<string, string> goVersionOf, bool cgoEnabled = true) =>
        Create(mainMod, packages, goVersionOf, cgoEnabled, null);

    /// <summary>
    /// <see cref="Create(GoModFile, IEnumerable{VendorPackage}, Func{string, string}, bool)"/>, each Go file read once per
    /// <paramref name="sourceFacts"/>. <paramref name="testEmbeds"/> false leaves the tests' embed patterns out (go
    /// 1.22+'s vendoring at a main go version of 1.22 or later).
    /// </summary>
    internal static VendorPlan Create(GoModFile mainMod, IEnumerable<VendorPackage> packages, Func<string, string> goVersionOf, bool cgoEnabled,
        GoFileFactsCache? sourceFacts, bool testEmbeds = true)
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
        var ordered = new List<VendorPackage>();
        foreach (var m in modules)
        {
            var pkgs = byModule.GetValueOrDefault(m) ?? [];
            pkgs.Sort((a, b) => string.CompareOrdinal(a.ImportPath, b.ImportPath));
            entries.Add(new VendoredModule(m, VendorConsistency.Replacement(mainMod, m), explicitSet.Contains(m),
                at117 ? goVersionOf(m.Path) : "", pkgs.Select(p => p.ImportPath).ToList()));
            ordered.AddRange(pkgs);
        }

        // Each package directory is read once, on every core; the results are merged in go's order, so the plan and
        // the first failure reported do not depend on scheduling.
        var listings = new DirectoryListings();
        var planned = new PlannedPackage[ordered.Count];
        OrderedParallel.For(ordered.Count, i => planned[i] = PlanPackage(ordered[i], at117, cgoEnabled, listings, sourceFacts, testEmbeds), CancellationToken.None);
        for (int i = 0; i < ordered.Count; i++)
        {
            planned[i].Failure?.Throw();
            var p = ordered[i];
            foreach (var name in planned[i].Files) files[p.ImportPath + "/" + name] = Path.Combine(p.Dir, name);
            AddMetadata(p, files, metadataDone, listings);
            foreach (var rel in planned[i].Embedded)
                files.TryAdd(p.ImportPath + "/" + rel, Path.Combine(p.Dir, rel.Replace('/', Path.DirectorySeparatorChar)));
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

    /// <summary>What one package contributes: its own files (names), its embedded files (relative paths), or the failure.</summary>
    private readonly record struct PlannedPackage(IReadOnlyList<string> Files, IReadOnlyList<string> Embedded, System.Runtime.ExceptionServices.ExceptionDispatchInfo? Failure);

    /// <summary>
    /// One package directory, each <c>.go</c> file read once: the files go copies (<see cref="VendorFileSelection"/>)
    /// and the files its <c>//go:embed</c> patterns name. The patterns are those go/build's <c>ImportDir</c> reports with
    /// <c>UseAllFiles</c> (every <c>.go</c> file not starting with <c>_</c> or <c>.</c>, whatever its constraints or name
    /// suffix; not package <c>documentation</c>; not cgo files when cgo is off): the package's, its tests' and its
    /// external tests'. None when no file counts (go's <c>NoGoError</c>).
    /// </summary>
    private static PlannedPackage PlanPackage(VendorPackage p, bool dropGoModAndSum, bool cgoEnabled, DirectoryListings listings, GoFileFactsCache? sourceFacts,
        bool testEmbeds = true)
    {
        try
        {
            var entries = listings.Get(p.Dir);
            var copied = new List<string>();
            var main = new SortedSet<string>(StringComparer.Ordinal);
            var test = new SortedSet<string>(StringComparer.Ordinal);
            int counted = 0;
            foreach (var e in entries)
            {
                if (e.IsDirectory) continue;
                var name = e.Name;
                bool isGo = name.EndsWith(".go", StringComparison.Ordinal);
                bool embedCandidate = isGo && !name.StartsWith('_') && !name.StartsWith('.');
                bool copyCandidate = e.IsRegular;
                if (!isGo)
                {
                    if (copyCandidate && VendorFileSelection.IsPackageFile(name, static () => [], dropGoModAndSum)) copied.Add(name);
                    continue;
                }
                if (!embedCandidate && !copyCandidate) continue;
                GoFileFacts facts;
                try
                {
                    var path = Path.Combine(p.Dir, name);
                    facts = sourceFacts is not null ? sourceFacts.Get(path, name, () => File.ReadAllBytes(path)) : GoFileFacts.Read(name, path, File.ReadAllBytes(path));
                }
                catch (Exception x) when (!copyCandidate && x is IOException or UnauthorizedAccessException)
                {
                    continue;
                }
                if (embedCandidate)
                {
                    var isTest = name.EndsWith("_test.go", StringComparison.Ordinal);
                    if (facts.EmbedPackageName != "documentation" && (isTest || !facts.ImportsCLiterally || cgoEnabled))
                    {
                        counted++;
                        if (facts.ImportsEmbedLiterally)
                            foreach (var embed in facts.Embeds) (isTest ? test : main).Add(embed.Pattern);
                    }
                }
                // go mod vendor reads the import header: a file it cannot parse is kept; "ignore" leaves it out.
                if (copyCandidate && !name.EndsWith("_test.go", StringComparison.Ordinal) && (facts.HeaderError is not null || facts.ShouldBuild(BuildTags.Any)))
                    copied.Add(name);
            }
            // go lists the package's patterns, then its tests' and external tests'; the two test lists only matter as a set.
            IReadOnlyList<string> embedded = counted == 0 || main.Count + test.Count == 0 ? [] : EmbedResolver.Resolve(p.Dir, testEmbeds ? [.. main, .. test] : [.. main]);
            return new PlannedPackage(copied, embedded, null);
        }
        catch (Exception x)
        {
            return new PlannedPackage([], [], System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(x));
        }
    }

    /// <summary>License-like files of every parent directory of the package up to its module root (go's <c>copyMetadata</c>).</summary>
    private static void AddMetadata(VendorPackage p, SortedDictionary<string, string> files, HashSet<(string, string)> metadataDone, DirectoryListings listings)
    {
        var pkg = p.ImportPath;
        var srcDir = p.Dir;
        var dstDir = p.ImportPath;
        for (int parent = 0; ; parent++)
        {
            if (!metadataDone.Add((p.Module.Path, dstDir))) break;
            if (parent > 0)
                foreach (var e in listings.Get(srcDir))
                    if (e.IsRegular && VendorFileSelection.IsMetadataFile(e.Name)) files[dstDir + "/" + e.Name] = Path.Combine(srcDir, e.Name);
            if (pkg == p.Module.Path || !pkg.Contains('/')) break;
            pkg = pkg[..pkg.LastIndexOf('/')];
            dstDir = dstDir[..dstDir.LastIndexOf('/')];
            srcDir = Path.GetDirectoryName(srcDir)!;
        }
    }
}
