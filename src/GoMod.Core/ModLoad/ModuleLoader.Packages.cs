using System.Text;
using GoMod.Core.Imports;
using GoMod.Core.Module;
using GoMod.Core.Mvs;

namespace GoMod.Core.ModLoad;

/// <summary>go's <c>ImportMissingError</c> with no module found.</summary>
internal sealed class ImportMissingException(string path, bool isStd)
    : Exception(isStd ? $"package {path} is not in GOROOT" : "cannot find module providing package " + path)
{
    public string ImportPath { get; } = path;
}

/// <summary>go's <c>AmbiguousImportError</c>: several modules in the build list provide the package.</summary>
internal sealed class AmbiguousImportException(string path, IReadOnlyList<string> dirs, IReadOnlyList<ModuleVersion> modules)
    : Exception(Format(path, dirs, modules))
{
    public IReadOnlyList<ModuleVersion> Modules { get; } = modules;

    private static string Format(string path, IReadOnlyList<string> dirs, IReadOnlyList<ModuleVersion> modules)
    {
        var b = new StringBuilder($"ambiguous import: found package {path} in multiple {(modules.Count == 0 ? "directories" : "modules")}:");
        for (int i = 0; i < dirs.Count; i++)
        {
            b.Append("\n\t");
            if (i < modules.Count)
            {
                b.Append(modules[i].Path);
                if (modules[i].Version.Length != 0) b.Append(' ').Append(modules[i].Version);
                b.Append(" (").Append(dirs[i]).Append(')');
            }
            else b.Append(dirs[i]);
        }
        return b.ToString();
    }
}

/// <summary>A package directory whose Go files all fall outside the build (go's <c>imports.ErrNoGo</c>).</summary>
internal sealed class NoGoFilesException(string dir) : Exception($"no Go files in {dir}");

/// <summary>A package whose module must change version before its imports matter (go's <c>errVersionChange</c>).</summary>
internal sealed class VersionChangeException() : Exception("version change needed");

internal sealed partial class ModuleLoader
{
    /// <summary>go's <c>search.IsStandardImportPath</c>: the first path element has no dot.</summary>
    public static bool IsStandardImportPath(string path)
    {
        int i = path.IndexOf('/');
        return !(i < 0 ? path : path[..i]).Contains('.');
    }

    /// <summary>
    /// go's <c>importFromModules</c>: the one module of the build list providing package <paramref name="path"/>
    /// (trying the roots first when <paramref name="mg"/> is null, then the whole graph). Standard-library paths have
    /// no module; several providers are an <see cref="AmbiguousImportException"/>, none an
    /// <see cref="ImportMissingException"/>. Every module looked into is fetched.
    /// </summary>
    public async Task<(ModuleVersion Mod, ModuleContent? Content, string? Dir, IReadOnlyList<ModuleVersion> AltMods, Exception? Err)>
        ImportFromModulesAsync(string path, Requirements rs, ModuleGraph? mg, CancellationToken ct)
    {
        if (path == "C") return (default, null, null, [], null);
        try
        {
            ModulePath.CheckImportPath(path);
        }
        catch (ModulePathException e)
        {
            return (default, null, null, [], new GoCommandException(e.Message, e));
        }
        bool pathIsStd = IsStandardImportPath(path);
        if (pathIsStd) return (default, null, "", [], null);

        while (true)
        {
            var mods = new List<ModuleVersion>();
            var contents = new List<ModuleContent>();
            var dirs = new List<string>();
            var altMods = new List<ModuleVersion>();
            for (var prefix = path; prefix != "."; prefix = Dir(prefix))
            {
                string v;
                if (mg is null)
                {
                    if (!rs.RootSelected(Main.Path, prefix, out v)) continue;
                }
                else v = mg.Selected(prefix);
                if (v == "none") continue;
                var m = new ModuleVersion(prefix, v);
                ModuleContent content;
                try
                {
                    content = await FetchAsync(m, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is ModuleException or GoCommandException or IOException or InvalidDataException)
                {
                    return (default, null, null, [], e);
                }
                var (dir, ok) = DirInModule(path, m.Path, content);
                if (ok)
                {
                    mods.Add(m);
                    contents.Add(content);
                    dirs.Add(content.Describe(dir!));
                }
                else altMods.Add(m);
            }
            if (mods.Count > 1)
            {
                mods.Reverse();
                dirs.Reverse();
                return (default, null, null, [], new AmbiguousImportException(path, dirs, mods));
            }
            if (mods.Count == 1)
            {
                var (dir, _) = DirInModule(path, mods[0].Path, contents[0]);
                return (mods[0], contents[0], dir, altMods, null);
            }
            if (mg is not null) return (default, null, null, [], new ImportMissingException(path, false));
            var (g, err) = await rs.GraphAsync(this, ct).ConfigureAwait(false);
            if (err is not null) return (default, null, null, [], err);
            mg = g;
        }

        static string Dir(string p)
        {
            int i = p.LastIndexOf('/');
            return i < 0 ? "." : p[..i];
        }
    }
}

/// <summary>
/// go's package loader (<c>loadFromRoots</c>) as <c>go get</c> runs it: the named packages and their transitive
/// imports under any build tags, without tests, treating the roots as imported by the main module; modules that
/// provide them become roots (for a pruned main module), repeating until the requirements stop changing.
/// </summary>
internal sealed class PackageLoad(ModuleLoader loader, Func<string, ModuleVersion, CancellationToken, Task<bool>>? allowPackage)
{
    private Dictionary<string, LoadedPackage> _cache = new(StringComparer.Ordinal);
    private readonly Queue<LoadedPackage> _work = new();

    public Requirements Requirements { get; private set; } = null!;

    /// <summary>The packages in import-stack order (roots first), after the last iteration.</summary>
    public List<LoadedPackage> Packages { get; private set; } = [];

    public async Task RunAsync(Requirements rs, IReadOnlyList<string> rootPaths, List<string> errors, CancellationToken ct)
    {
        Requirements = rs;
        if (Requirements.Pruning == ModulePruning.Unpruned)
        {
            var (expanded, _, err) = await loader.ExpandGraphAsync(Requirements, ct).ConfigureAwait(false);
            if (err is not null) errors.Add("go: " + err.Message);
            Requirements = expanded;
        }

        while (true)
        {
            _cache = new Dictionary<string, LoadedPackage>(StringComparer.Ordinal);
            Packages = [];
            if (Requirements.Pruning == ModulePruning.Pruned && !loader.Options.ReadOnly)
            {
                if (await PreloadRootModulesAsync(rootPaths, errors, ct).ConfigureAwait(false)) continue;
            }

            var roots = new List<LoadedPackage>();
            foreach (var path in rootPaths)
            {
                var root = Pkg(path, PackageFlags.IsRoot);
                if (!roots.Contains(root)) roots.Add(root);
            }
            while (_work.Count > 0) await LoadAsync(_work.Dequeue(), ct).ConfigureAwait(false);

            BuildStacks(roots);

            bool changed;
            try
            {
                changed = await UpdateRequirementsAsync(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is GoCommandException or BuildListException or ModuleException)
            {
                errors.Add("go: " + e.Message);
                break;
            }
            if (!changed) break;
        }
    }

    private LoadedPackage Pkg(string path, PackageFlags flags)
    {
        if (!_cache.TryGetValue(path, out var pkg))
        {
            pkg = new LoadedPackage(path);
            _cache[path] = pkg;
            ApplyFlags(pkg, flags);
            _work.Enqueue(pkg);
        }
        ApplyFlags(pkg, flags);
        return pkg;
    }

    /// <summary>go's <c>applyPkgFlags</c> (no tests): roots are from-root; in-all and from-root spread to imports once loaded.</summary>
    private static void ApplyFlags(LoadedPackage pkg, PackageFlags flags)
    {
        if (flags == PackageFlags.None) return;
        if ((flags & PackageFlags.IsRoot) != 0) flags |= PackageFlags.FromRoot;
        var old = pkg.Flags;
        var @new = old | flags;
        pkg.Flags = @new;
        if (@new == old || (@new & PackageFlags.ImportsLoaded) == 0) return;
        if ((@new & PackageFlags.InAll) != 0 && (old & (PackageFlags.InAll | PackageFlags.ImportsLoaded)) != (PackageFlags.InAll | PackageFlags.ImportsLoaded))
            foreach (var dep in pkg.Imports) ApplyFlags(dep, PackageFlags.InAll);
        if ((@new & PackageFlags.FromRoot) != 0 && (old & (PackageFlags.FromRoot | PackageFlags.ImportsLoaded)) != (PackageFlags.FromRoot | PackageFlags.ImportsLoaded))
            foreach (var dep in pkg.Imports) ApplyFlags(dep, PackageFlags.FromRoot);
    }

    private async Task<bool> PreloadRootModulesAsync(IReadOnlyList<string> rootPaths, List<string> errors, CancellationToken ct)
    {
        var need = new HashSet<ModuleVersion>();
        foreach (var path in rootPaths)
        {
            var (m, _, _, _, err) = await loader.ImportFromModulesAsync(path, Requirements, null, ct).ConfigureAwait(false);
            if (err is not null || m.Path is null || m.Path.Length == 0) continue;
            if (!Requirements.RootSelected(loader.Main.Path, m.Path, out var v) || v != m.Version) need.Add(m);
        }
        if (need.Count == 0) return false;
        var toAdd = Requirements.Sorted(need);
        try
        {
            Requirements = await loader.UpdateRootsAsync(Requirements.Direct, Requirements, toAdd, ct, [], rootsImported: true).ConfigureAwait(false);
        }
        catch (Exception e) when (e is GoCommandException or BuildListException or ModuleException)
        {
            errors.Add("go: " + e.Message);
            throw new GoGetExitException();
        }
        return true;
    }

    private async Task LoadAsync(LoadedPackage pkg, CancellationToken ct)
    {
        ModuleGraph? mg = null;
        if (Requirements.Pruning == ModulePruning.Unpruned)
        {
            var (g, err) = await Requirements.GraphAsync(loader, ct).ConfigureAwait(false);
            if (err is null) mg = g;
        }
        var (mod, content, dir, altMods, perr) = await loader.ImportFromModulesAsync(pkg.Path, Requirements, mg, ct).ConfigureAwait(false);
        pkg.Mod = mod;
        pkg.Dir = dir;
        pkg.AltMods = altMods;
        pkg.Err = perr;
        if (dir is null) return;
        if (mod.Path == loader.Main.Path && mod.Version.Length == 0) ApplyFlags(pkg, PackageFlags.InAll);
        if (allowPackage is not null && mod.Path is not null && mod.Version.Length != 0)
        {
            if (!await allowPackage(pkg.Path, mod, ct).ConfigureAwait(false)) pkg.Err = new VersionChangeException();
        }
        if (content is null)
        {
            // The standard library: its imports never reach a module.
            return;
        }
        var (imports, _, scanErr) = GoSourceScanner.ScanDir(content.Files(dir));
        if (scanErr is not null)
        {
            pkg.Err = scanErr == GoSourceScanner.NoGoFiles ? new NoGoFilesException(content.Describe(dir)) : new GoCommandException(scanErr);
            return;
        }
        var importFlags = pkg.Has(PackageFlags.InAll) ? PackageFlags.InAll : PackageFlags.None;
        foreach (var path in imports) pkg.Imports.Add(Pkg(path, importFlags));
        ApplyFlags(pkg, PackageFlags.ImportsLoaded);
    }

    private void BuildStacks(List<LoadedPackage> roots)
    {
        var seen = new HashSet<LoadedPackage>(roots);
        Packages = [.. roots];
        for (int i = 0; i < Packages.Count; i++)
        {
            foreach (var next in Packages[i].Imports)
            {
                if (seen.Add(next))
                {
                    next.Stack = Packages[i];
                    Packages.Add(next);
                }
            }
        }
    }

    /// <summary>go's <c>updateRequirements</c>: roots updated for the loaded packages; changed when a package's module moved.</summary>
    private async Task<bool> UpdateRequirementsAsync(CancellationToken ct)
    {
        var rs = Requirements;
        var direct = new HashSet<string>(rs.Direct, StringComparer.Ordinal);
        foreach (var pkg in Packages)
        {
            if (pkg.Mod.Path != loader.Main.Path || pkg.Mod.Version.Length != 0) continue;
            foreach (var dep in pkg.Imports)
                if (dep.FromExternalModule(loader.Main.Path)) direct.Add(dep.Mod.Path);
        }
        var updated = await loader.UpdateRootsAsync(direct, rs, [], ct, Packages, rootsImported: true).ConfigureAwait(false);
        bool changed = false;
        if (!ReferenceEquals(updated, rs) && !updated.RootModules.SequenceEqual(rs.RootModules))
        {
            var (mg, err) = await updated.GraphAsync(loader, ct).ConfigureAwait(false);
            if (err is not null) throw err;
            foreach (var pkg in Packages)
            {
                if (pkg.FromExternalModule(loader.Main.Path) && mg.Selected(pkg.Mod.Path) != pkg.Mod.Version) { changed = true; break; }
                if (pkg.Err is not null && (await loader.ImportFromModulesAsync(pkg.Path, updated, null, ct).ConfigureAwait(false)).Err is null) { changed = true; break; }
            }
        }
        Requirements = updated;
        return changed;
    }
}

/// <summary>Stops <c>go get</c> after errors were reported.</summary>
internal sealed class GoGetExitException : Exception;
