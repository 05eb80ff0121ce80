using GoMod.Core.Imports;
using GoMod.Core.ModLoad;
using GoMod.Core.Module;

namespace GoMod.Core.Packages;

/// <summary>
/// The result of a package load (go's <c>loader</c> after <c>loadFromRoots</c>): the requirements it ended with
/// (updated when modules had to become roots or missing imports were resolved), the packages, and what go would
/// print along the way.
/// </summary>
internal sealed class PackageGraph
{
    private readonly Dictionary<string, GoPackage> _byPath;

    internal PackageGraph(Requirements requirements, IReadOnlyList<GoPackage> roots, IReadOnlyList<GoPackage> loadOrder,
        IReadOnlyList<string> messages, IReadOnlyList<Exception> failures, IReadOnlyList<string> matchWarnings)
    {
        Requirements = requirements;
        Roots = roots;
        LoadOrder = loadOrder;
        Messages = messages;
        LoadFailures = failures;
        Errors = failures.Select(e => "go: " + e.Message).ToList();
        MatchWarnings = matchWarnings;
        _byPath = new Dictionary<string, GoPackage>(StringComparer.Ordinal);
        foreach (var p in loadOrder) if (!p.IsTest) _byPath.TryAdd(p.ImportPath, p);
        Packages = DepsOrder(roots);
        All = loadOrder.Where(p => p.InAll && !p.IsTest).Select(p => p.ImportPath).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The main modules' <c>tool</c> packages (Go 1.24+), which are in <c>all</c> whether or not anything imports them.</summary>
    public IReadOnlySet<string> Tools { get; init; } = new HashSet<string>();

    /// <summary>The requirements after loading: the build list's roots, to commit to go.mod under <c>-mod=mod</c>.</summary>
    public Requirements Requirements { get; }

    /// <summary>The packages the patterns matched, in pattern order (go's matches, distinct).</summary>
    public IReadOnlyList<GoPackage> Roots { get; }

    /// <summary>
    /// Every package of the load, tests included, in go's <c>ld.pkgs</c> order: the roots, then breadth-first along
    /// imports (a package's test right after its imports), which is the order of the shortest import stacks.
    /// </summary>
    public IReadOnlyList<GoPackage> LoadOrder { get; }

    /// <summary>
    /// The packages (not tests) in the order <c>go list -deps</c> prints them: depth-first from each root in turn, each
    /// package after the packages it imports (in import path order).
    /// </summary>
    /// <remarks>
    /// The standard library's packages are leaves here (their own imports are not read without a GOROOT); since they
    /// never import a module's package, the order of the other packages is go's.
    /// </remarks>
    public IReadOnlyList<GoPackage> Packages { get; }

    /// <summary>go's "all" (<c>computePatternAll</c>): the import paths of the packages in "all", sorted.</summary>
    public IReadOnlyList<string> All { get; }

    /// <summary>What go prints to stderr while loading (<c>go: finding module for package …</c>, <c>go: found … in … v…</c>).</summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>
    /// Failures of the load itself (the module graph cannot be loaded, go.mod needs updates under readonly, a directory
    /// pattern names no package…), typed; package failures are on the packages.
    /// </summary>
    public IReadOnlyList<Exception> LoadFailures { get; }

    /// <summary><see cref="LoadFailures"/> as go prints them (<c>go: …</c>).</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>go's <c>go: warning: "pattern" matched no packages</c> lines.</summary>
    public IReadOnlyList<string> MatchWarnings { get; }

    /// <summary>The packages (not tests) that failed to load, in load order.</summary>
    public IEnumerable<GoPackage> Failed => LoadOrder.Where(p => p.Error is not null && !p.IsTest);

    /// <summary>The package (not a test) of an import path, if loaded.</summary>
    public GoPackage? Find(string importPath) => _byPath.GetValueOrDefault(importPath);

    /// <summary>
    /// Where the package was imported from on its import stack: the importing package's file, line and column of the
    /// import spec (the file as an absolute path when the importer is on disk, else relative to its module); null for a
    /// root package.
    /// </summary>
    public (string File, SourcePosition Position)? ImportPosition(GoPackage pkg)
    {
        var importer = pkg.Stack;
        if (importer is null) return null;
        var files = importer.TestOf ?? importer;
        var list = importer.IsTest ? files.TestImports : files.Imports;
        foreach (var imp in list)
        {
            if (imp.Path != pkg.ImportPath) continue;
            var dir = files.AbsoluteDir ?? files.Dir ?? "";
            return (dir.Length == 0 ? imp.Position.File : Path.Combine(dir, imp.Position.File), imp.Position);
        }
        return null;
    }

    /// <summary>
    /// go's text for a package's failure (<c>load.PackageError</c>): a failure of the import itself (no module, several,
    /// a missing go.sum line) at the import's position (<c>file:line:col: …</c>, the file shortened by
    /// <paramref name="shortPath"/>); any other failure of an imported package after its import stack
    /// (<c>package a\n\timports b: …</c>); a root's failure alone. Empty when the package loaded.
    /// </summary>
    public string ErrorText(GoPackage pkg, Func<string, string> shortPath)
    {
        if (pkg.Error is not { } error) return "";
        if (IsImportFailure(error) && ImportPosition(pkg) is { } at)
            return $"{shortPath(at.File)}:{at.Position.Line}:{at.Position.Column}: {error.Message}";
        var stack = pkg.ImportStack;
        if (stack.Count <= 1) return error.Message;
        return "package " + string.Join("\n\timports ", stack.Select(p => p.ImportPath)) + ": " + error.Message;
    }

    /// <summary>A failure to resolve an import to one module (reported at the import), rather than a failure of the package found.</summary>
    public static bool IsImportFailure(Exception e) => e is ImportMissingException or AmbiguousImportException or ImportMissingSumException;

    /// <summary>The modules that provide a package of the load (not the standard library), in module order.</summary>
    public IReadOnlyList<ModuleVersion> ProvidingModules() =>
        LoadOrder.Where(p => p.Module.Path is { Length: > 0 } && !p.InMainModule).Select(p => p.Module).Distinct()
            .OrderBy(m => m, ModuleVersion.SortOrder).ToList();

    /// <summary>Gives the packages of downloaded modules their directory on disk, once the caller has extracted the modules.</summary>
    public void SetModuleDirectories(Func<ModuleVersion, string?> moduleDir)
    {
        foreach (var p in LoadOrder)
        {
            if (p.AbsoluteDir is not null || p.Dir is null || p.Module.Path is not { Length: > 0 } || p.InMainModule) continue;
            if (moduleDir(p.Module) is not { Length: > 0 } root) continue;
            p.AbsoluteDir = p.Dir.Length == 0 ? root : Path.Combine([root, .. p.Dir.Split('/')]);
        }
    }

    private static List<GoPackage> DepsOrder(IReadOnlyList<GoPackage> roots)
    {
        var seen = new HashSet<GoPackage>();
        var all = new List<GoPackage>();
        var stack = new Stack<(GoPackage Pkg, int Next)>();
        foreach (var root in roots)
        {
            if (!seen.Add(root)) continue;
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (pkg, next) = stack.Pop();
                if (next < pkg.ImportedPackages.Count)
                {
                    stack.Push((pkg, next + 1));
                    var dep = pkg.ImportedPackages[next];
                    if (seen.Add(dep)) stack.Push((dep, 0));
                    continue;
                }
                all.Add(pkg);
            }
        }
        return all;
    }
}
