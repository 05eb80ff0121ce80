using GoMod.Core.Imports;
using GoMod.Core.ModLoad;
using GoMod.Core.Reports;

namespace GoMod.Core.Packages;

/// <summary>
/// Package patterns of the main module as go's <c>LoadPackages</c> matches them: directory patterns (<c>.</c>,
/// <c>./dir</c>, <c>./...</c>, <c>./dir/...</c>, absolute directories) walk the main module's tree (go's
/// <c>MatchDirs</c>: not into <c>.</c>/<c>_</c>-prefixed directories, <c>testdata</c> or nested modules; <c>vendor</c>
/// elements never match <c>...</c>) keeping directories with a file built for this platform; <c>all</c> starts from the
/// main module's packages (go's <c>matchPackages</c> over the main module, for the load's tags); import paths name
/// themselves, and an import path pattern with <c>...</c> matches the main module's packages.
/// </summary>
internal sealed class PackagePatterns(ModuleLoader loader, IReadOnlyList<MainModuleRoot>? mainModules = null)
{
    /// <summary>The main modules: a workspace's used modules, else the loader's main module.</summary>
    private IReadOnlyList<MainModuleRoot> Mains => mainModules ?? [new MainModuleRoot(loader.Main.Path, loader.Main.ModRoot, loader.Main.File)];

    /// <summary>
    /// The main module whose tree holds <paramref name="absDir"/> (go's <c>findModuleRoot</c> among the main modules:
    /// the deepest root), or the first main module when none does.
    /// </summary>
    private MainModuleRoot MainFor(string absDir)
    {
        MainModuleRoot? best = null;
        foreach (var m in Mains)
        {
            var root = Path.GetFullPath(m.Dir).TrimEnd(Path.DirectorySeparatorChar);
            if ((absDir == root || absDir.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                && (best is null || root.Length > Path.GetFullPath(best.Dir).TrimEnd(Path.DirectorySeparatorChar).Length))
                best = m;
        }
        return best ?? Mains[0];
    }

    private string WorkingDirectory => loader.Options.WorkingDirectory ?? Mains[0].Dir;

    /// <summary>go's <c>search.IsRelativePath</c> or an absolute path: a directory pattern.</summary>
    public static bool IsLocal(string p) =>
        Path.IsPathRooted(p) || p is "." or ".." || p.StartsWith("./", StringComparison.Ordinal) || p.StartsWith("../", StringComparison.Ordinal);

    /// <summary>go's <c>DirImportPath</c>: the import path (pattern) of a directory (pattern) of the main module, or ".".</summary>
    public string DirImportPath(string pattern, out string absDir)
    {
        absDir = Path.GetFullPath(Path.Combine(WorkingDirectory, pattern));
        var main = MainFor(absDir);
        var root = Path.GetFullPath(main.Dir).TrimEnd(Path.DirectorySeparatorChar);
        if (absDir == root) return main.Path;
        if (absDir.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return main.Path + absDir[root.Length..].Replace(Path.DirectorySeparatorChar, '/');
        return ".";
    }

    /// <summary>
    /// The import paths a load starts from, pattern by pattern: directory patterns resolved as go's package loader
    /// resolves them (a <c>...</c> pattern to the directories with files built for <paramref name="dirTags"/>, a literal
    /// directory to itself, which must hold <c>.go</c> files), <c>all</c> to the main module's packages, a main-module
    /// import path pattern with <c>...</c> to the matching packages, other paths as given. Matching failures go to
    /// <paramref name="errors"/>; patterns matching nothing to <paramref name="warnings"/> (go's wording).
    /// </summary>
    public List<string> Roots(IReadOnlyList<string> patterns, BuildTags dirTags, BuildTags loadTags, List<string>? errors, List<string>? warnings = null)
    {
        var roots = new List<string>();
        foreach (var pattern in patterns)
        {
            if (pattern == "all")
            {
                // go's matchPackages over every main module, sorted as one list, then (Go 1.24+) the main modules' tools.
                var all = new List<string>();
                foreach (var m in Mains) all.AddRange(PackagesOf(m, m.Path + "/...", loadTags));
                all.Sort(StringComparer.Ordinal);
                roots.AddRange(all);
                roots.AddRange(Tools());
                continue;
            }
            if (pattern == "tool")
            {
                // The tool meta-pattern (Go 1.24+): the tool packages of the main modules.
                roots.AddRange(Tools());
                continue;
            }
            if (!IsLocal(pattern))
            {
                if (pattern.Contains("...", StringComparison.Ordinal))
                {
                    var found = new List<string>();
                    foreach (var m in Mains) found.AddRange(PackagesOf(m, pattern, loadTags));
                    found.Sort(StringComparer.Ordinal);
                    if (found.Count == 0) warnings?.Add($"go: warning: \"{pattern}\" matched no packages");
                    roots.AddRange(found);
                }
                else roots.Add(pattern);
                continue;
            }
            var dirs = new List<string>();
            var main = MainFor(Path.GetFullPath(Path.Combine(WorkingDirectory, pattern)));
            if (!pattern.Contains("...", StringComparison.Ordinal))
            {
                dirs.Add(Path.GetFullPath(Path.Combine(WorkingDirectory, pattern)));
            }
            else
            {
                var pkgPattern = DirImportPath(pattern, out _);
                foreach (var name in PackageDirectoriesOf(main, pkgPattern, dirTags)) dirs.Add(name);
                if (dirs.Count == 0) warnings?.Add($"go: warning: \"{pattern}\" matched no packages");
            }
            foreach (var dir in dirs)
            {
                var rel = Path.GetRelativePath(main.Dir, dir).Replace(Path.DirectorySeparatorChar, '/');
                if (rel == ".") rel = "";
                if (!Directory.Exists(dir) || !Directory.EnumerateFiles(dir, "*.go").Any())
                {
                    errors?.Add(Directory.Exists(dir) ? $"no Go files in {dir}" : $"stat {dir}: directory not found");
                    continue;
                }
                roots.Add(rel.Length == 0 ? main.Path : main.Path + "/" + rel);
            }
        }
        return roots;
    }

    /// <summary>The <c>tool</c> packages of every main module (go's <c>MainModules.Tools</c>), each once, sorted.</summary>
    public List<string> Tools() => Mains.SelectMany(m => m.Tools).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>go's <c>MatchDirs</c> for the main module: directories matching the pattern with a file built for <paramref name="tags"/>.</summary>
    public List<string> MainPackageDirectories(string pkgPattern, BuildTags tags) => PackageDirectoriesOf(Mains[0], pkgPattern, tags);

    private static List<string> PackageDirectoriesOf(MainModuleRoot main, string pkgPattern, BuildTags tags)
    {
        var content = ModuleContent.FromDirectory(main.Dir);
        var match = ModuleLister.MatchPattern(pkgPattern);
        var found = new List<string>();
        foreach (var rel in ModuleDirectories(main.Dir, skipVendor: false, ignore: main.Ignore))
        {
            var name = rel.Length == 0 ? main.Path : main.Path + "/" + rel;
            if (match(name) && GoSourceScanner.HasBuildableGoFiles(content.Files(rel), tags)) found.Add(FullPath(main.Dir, rel));
        }
        return found;
    }

    /// <summary>
    /// go's <c>matchPackages</c> over the main module: the import paths matching <paramref name="pkgPattern"/> whose
    /// directory has a file that counts for <paramref name="tags"/> (a directory the scanner cannot read counts too).
    /// </summary>
    public List<string> MainModulePackages(string pkgPattern, BuildTags tags) => PackagesOf(Mains[0], pkgPattern, tags);

    private static List<string> PackagesOf(MainModuleRoot main, string pkgPattern, BuildTags tags)
    {
        var content = ModuleContent.FromDirectory(main.Dir);
        var match = ModuleLister.MatchPattern(pkgPattern);
        var found = new List<string>();
        foreach (var rel in ModuleDirectories(main.Dir, skipVendor: true, ignore: main.Ignore))
        {
            var name = rel.Length == 0 ? main.Path : main.Path + "/" + rel;
            if (match(name) && !PackageFiles.Scan(content.Files(rel), tags).NoGoFiles) found.Add(name);
        }
        // matchPackages sorts what it found (the walk visits a/b before a-c; the roots, and so the import stacks, follow the sorted order).
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>
    /// The directories of a module as go's pattern matching walks them (slash-separated, relative to the root, "" for
    /// the root itself), in order: names starting with <c>.</c> or <c>_</c>, <c>testdata</c> and nested modules are
    /// left out, and when <paramref name="skipVendor"/> nothing below a <c>vendor</c> directory under the root; nor, when
    /// <paramref name="prune"/> says so of its full path or <paramref name="ignore"/> (the module's <c>ignore</c>
    /// directives) of its module-relative path, a directory and what is below it; symbolic links to directories are not
    /// followed, as go's walk does not follow them. A directory removed after its parent was read is left out, as if the
    /// walk had come a moment later: builds of other projects write and remove directories below a module at the same
    /// time (obj/, a module cache there), which go's walk never meets.
    /// </summary>
    public static IEnumerable<string> ModuleDirectories(string modRoot, bool skipVendor, Func<string, bool>? prune = null, IgnoredDirectories? ignore = null)
    {
        ignore ??= IgnoredDirectories.None;
        var pending = new Stack<string>([""]);
        while (pending.TryPop(out var rel))
        {
            var full = FullPath(modRoot, rel);
            if (rel.Length != 0 && skipVendor && Path.GetFileName(full) == "vendor")
            {
                yield return rel;
                continue;
            }
            string[] subs;
            try
            {
                subs = RealSubdirectories(full);
            }
            catch (DirectoryNotFoundException) when (rel.Length != 0)
            {
                continue;
            }
            yield return rel;
            foreach (var sub in subs.Order(StringComparer.Ordinal).Reverse())
            {
                var elem = Path.GetFileName(sub);
                if (elem.StartsWith('.') || elem.StartsWith('_') || elem == "testdata") continue;
                var subRel = rel.Length == 0 ? elem : rel + "/" + elem;
                if (ignore.Ignores(subRel)) continue;
                if (File.Exists(Path.Combine(sub, "go.mod"))) continue;
                if (prune is not null && prune(sub)) continue;
                pending.Push(subRel);
            }
        }
    }

    /// <summary>
    /// The subdirectories of <paramref name="dir"/> that are directories themselves, not symbolic links to one: go's walk
    /// looks at each entry without following links (a linked directory, even one looping back, is not part of
    /// <c>./...</c>).
    /// </summary>
    internal static string[] RealSubdirectories(string dir) =>
        [.. new DirectoryInfo(dir).EnumerateDirectories().Where(d => (d.Attributes & FileAttributes.ReparsePoint) == 0).Select(d => d.FullName)];

    /// <summary>The directory of a slash-separated module-relative path.</summary>
    public static string FullPath(string modRoot, string rel) => rel.Length == 0 ? modRoot : Path.Combine([modRoot, .. rel.Split('/')]);
}
