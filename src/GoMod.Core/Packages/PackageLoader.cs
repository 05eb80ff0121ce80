using GoMod.Core.Fetch;
using GoMod.Core.Imports;
using GoMod.Core.Internal;
using GoMod.Core.ModLoad;
using GoMod.Core.Module;
using GoMod.Core.Mvs;
using GoMod.Core.Semver;
using GoMod.Core.Sum;

namespace GoMod.Core.Packages;

/// <summary>
/// go's package loader (<c>modload.loadFromRoots</c>): the packages matched by the patterns and everything they import
/// (and, as asked, their tests), each import resolved to the one module of the build list that provides it (longest
/// path prefix; the standard library from <see cref="StandardLibrary"/>). For a pruned main module, modules providing
/// packages the main module imports become roots; under <see cref="PackageLoadOptions.ResolveMissingImports"/> an
/// import no module provides is looked up at its latest version and added. It repeats until the requirements stop
/// changing; then the packages carry their errors and the graph carries the requirements to commit.
/// </summary>
internal sealed class PackageLoader
{
    private readonly ModuleLoader _loader;
    private readonly PackageLoadOptions _options;
    private readonly PackageQuery _query;
    private Dictionary<string, GoPackage> _cache = new(StringComparer.Ordinal);
    private readonly Queue<GoPackage> _work = new();
    private readonly List<Exception> _failures = [];
    private readonly List<string> _messages = [];
    private List<GoPackage> _roots = [];
    private List<GoPackage> _pkgs = [];
    private bool _allPatternIsRoot;
    private bool _allClosesOverTests;
    /// <summary>The main modules' <c>tool</c> packages (Go 1.24+): always in <c>all</c>.</summary>
    private HashSet<string> _tools = [];

    public PackageLoader(ModuleLoader loader, PackageLoadOptions options)
    {
        _loader = loader;
        // A load without its own file facts shares the run's (the module loader's), so every command of a run (tidy, go
        // get, why, not only the restore) reads each module-cache file once and finds what earlier runs stored.
        _options = options.SourceFacts is null && loader.Options.SourceFacts is { } facts ? options with { SourceFacts = facts } : options;
        _query = new PackageQuery(loader);
        if (options.MainModules is { } mains)
            foreach (var m in mains) _mainDirs[m.Path] = m.Dir;
    }

    /// <summary>Workspace mode: the used modules' directories by path (empty for a single main module).</summary>
    private readonly Dictionary<string, string> _mainDirs = new(StringComparer.Ordinal);

    private bool Workspace => _options.MainModules is not null;

    /// <summary>go's <c>MainModules.Contains</c>.</summary>
    private bool IsMainPath(string path) => Workspace ? _mainDirs.ContainsKey(path) : path == MainPath;

    /// <summary>go's <c>rootSelected</c>: a main module at no version, else the highest root version.</summary>
    private bool RootSelected(Requirements rs, string path, out string version)
    {
        if (IsMainPath(path)) { version = ""; return true; }
        return rs.RootSelected(MainPath, path, out version);
    }

    /// <summary>go's <c>fetch</c>: a main module is its directory; anything else as the module loader fetches it.</summary>
    private Task<ModuleContent> FetchAsync(ModuleVersion m, CancellationToken ct) =>
        Workspace && m.Version.Length == 0 && _mainDirs.TryGetValue(m.Path, out var dir)
            ? Task.FromResult(ModuleContent.FromDirectory(dir))
            : _loader.FetchAsync(m, ct);

    /// <summary>The requirements the load is at (updated as it goes).</summary>
    public Requirements Requirements { get; private set; } = null!;

    private bool ModMode => !_loader.Options.ReadOnly;

    private string MainPath => _loader.Main.Path;

    /// <summary>Loads the packages of <paramref name="patterns"/> starting from requirements <paramref name="rs"/>.</summary>
    public async Task<PackageGraph> LoadAsync(Requirements rs, IReadOnlyList<string> patterns, CancellationToken ct)
    {
        _allPatternIsRoot = patterns.Contains("all");
        // Before go 1.16, "all" also closed over the tests of every package in it (narrowAllVersionV).
        _allClosesOverTests = SemVer.Compare("v" + _loader.EffectiveGoVersion, "v1.16") < 0;
        Requirements = rs;
        var matchErrors = new List<string>();
        var warnings = new List<string>();
        var dirTags = _options.Tags.IsAny ? BuildTags.Host(goVersion: _loader.EffectiveGoVersion) : _options.Tags;
        var matcher = new PackagePatterns(_loader, _options.MainModules);
        _tools = [.. matcher.Tools()];
        var rootPaths = matcher.Roots(patterns, dirTags, _options.Tags, matchErrors, warnings);
        foreach (var e in matchErrors) _failures.Add(new GoCommandException(e));
        try
        {
            await RunAsync(rootPaths, ct).ConfigureAwait(false);
        }
        catch (AbortedException)
        {
        }
        foreach (var pkg in _pkgs)
        {
            if (pkg.Error is ImportMissingSumException sumErr && pkg.Stack is { } importer)
                pkg.Error = sumErr.WithImporter(importer.ImportPath, importer.Module.Version ?? "", importer.IsTest);
            if (Workspace && pkg.Error is ImportMissingException { SuggestsGoGet: true } missing)
                pkg.Error = WithImportingMainModule(pkg, missing);
        }
        return new PackageGraph(Requirements, _roots, _pkgs, _messages, _failures, warnings) { Tools = _tools };
    }

    /// <summary>
    /// go's <c>ImportingMainModule</c> (set when <c>queryImport</c> fails in workspace mode): the first main module on the
    /// package's import stack; when it is not the module holding the working directory, go's fix says where to run.
    /// </summary>
    private ImportMissingException WithImportingMainModule(GoPackage pkg, ImportMissingException missing)
    {
        var cwd = Path.GetFullPath(_loader.Options.WorkingDirectory ?? _options.MainModules![0].Dir);
        string? cwdModule = null;
        int best = -1;
        foreach (var m in _options.MainModules!)
        {
            var root = Path.GetFullPath(m.Dir).TrimEnd(Path.DirectorySeparatorChar);
            if ((cwd == root || cwd.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) && root.Length > best)
            {
                best = root.Length;
                cwdModule = m.Path;
            }
        }
        for (var importer = pkg.Stack; importer is not null; importer = importer.Stack)
        {
            if (!importer.InMainModule) continue;
            if (importer.Module.Path == cwdModule) return missing;
            return ImportMissingException.NoModuleFrom(missing.ImportPath, _mainDirs[importer.Module.Path]);
        }
        return missing;
    }

    /// <summary>Stops the load after an error go treats as fatal (reported in the graph's errors).</summary>
    internal sealed class AbortedException : Exception;

    private async Task RunAsync(IReadOnlyList<string> rootPaths, CancellationToken ct)
    {
        if (Requirements.Pruning == ModulePruning.Unpruned)
        {
            var (expanded, _, err) = await _loader.ExpandGraphAsync(Requirements, ct).ConfigureAwait(false);
            if (err is not null) _failures.Add(err);
            Requirements = expanded;
        }

        while (true)
        {
            _cache = new Dictionary<string, GoPackage>(StringComparer.Ordinal);
            _pkgs = [];
            _roots = [];
            if (Requirements.Pruning == ModulePruning.Pruned && ModMode)
            {
                if (await PreloadRootModulesAsync(rootPaths, ct).ConfigureAwait(false)) continue;
            }

            foreach (var path in rootPaths)
            {
                var root = Pkg(path, PackageFlags.IsRoot);
                if (!_roots.Contains(root)) _roots.Add(root);
            }
            while (_work.Count > 0) await LoadBatchAsync(ct).ConfigureAwait(false);

            BuildStacks();

            bool changed;
            try
            {
                changed = await UpdateRequirementsAsync(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is GoCommandException or BuildListException or ModuleException)
            {
                _failures.Add(e);
                break;
            }
            if (changed) continue;
            if (!_options.ResolveMissingImports || !ModMode) break;

            var modAddedBy = await ResolveMissingImportsAsync(ct).ConfigureAwait(false);
            if (modAddedBy.Count == 0) break;
            var toAdd = Requirements.Sorted(modAddedBy.Keys);
            try
            {
                var updated = await _loader.UpdateRootsAsync(Requirements.Direct, Requirements, toAdd, ct, [], _options.AssumeRootsImported).ConfigureAwait(false);
                if (updated.RootModules.SequenceEqual(Requirements.RootModules))
                    throw new InvalidOperationException($"internal error: adding {string.Join(", ", toAdd)} to module graph had no effect on root requirements");
                Requirements = updated;
            }
            catch (BuildListException e) when (modAddedBy.TryGetValue(e.Module, out var pkg))
            {
                _failures.Add(new GoCommandException($"{pkg.StackText()}: {e.InnerException?.Message ?? e.Message}", e));
                break;
            }
            catch (Exception e) when (e is GoCommandException or BuildListException or ModuleException)
            {
                _failures.Add(e);
                break;
            }
        }

        // go mod tidy: the requirements become the tidy roots, before package errors are reported.
        if (_options.TidyRoots is { } tidy)
        {
            try
            {
                Requirements = await tidy(Requirements, _pkgs, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is GoCommandException or BuildListException or ModuleException)
            {
                _failures.Add(e);
            }
        }
    }

    private GoPackage Pkg(string path, PackageFlags flags)
    {
        if (!_cache.TryGetValue(path, out var pkg))
        {
            pkg = new GoPackage(path);
            _cache[path] = pkg;
            ApplyFlags(pkg, flags);
            _work.Enqueue(pkg);
            return pkg;
        }
        ApplyFlags(pkg, flags);
        return pkg;
    }

    /// <summary>go's <c>pkgTest</c>: the test of <paramref name="pkg"/>, created (and queued) once.</summary>
    private GoPackage PkgTest(GoPackage pkg, PackageFlags testFlags)
    {
        if (pkg.Test is null)
        {
            var test = new GoPackage(pkg.ImportPath, pkg)
            {
                Module = pkg.Module,
                Dir = pkg.Dir,
                AbsoluteDir = pkg.AbsoluteDir,
                Files = pkg.Files,
                Error = pkg.Error,
                IsStandard = pkg.IsStandard,
                InMainModule = pkg.InMainModule,
            };
            pkg.Test = test;
            ApplyFlags(test, testFlags);
            _work.Enqueue(test);
            return test;
        }
        ApplyFlags(pkg.Test, testFlags);
        return pkg.Test;
    }

    /// <summary>go's <c>applyPkgFlags</c>: flags spread to imports once they are loaded; tests are added where wanted.</summary>
    private void ApplyFlags(GoPackage pkg, PackageFlags flags)
    {
        if (flags == PackageFlags.None) return;
        if ((flags & PackageFlags.InAll) != 0 && _allPatternIsRoot && !pkg.IsTest) flags |= PackageFlags.IsRoot;
        if ((flags & PackageFlags.IsRoot) != 0) flags |= PackageFlags.FromRoot;
        var old = pkg.Flags;
        var @new = old | flags;
        pkg.Flags = @new;
        if (@new == old || (@new & PackageFlags.ImportsLoaded) == 0) return;

        if (!pkg.IsTest)
        {
            bool wantTest = (_allPatternIsRoot && pkg.InMainModule)
                || (_allPatternIsRoot && _allClosesOverTests && (@new & PackageFlags.InAll) != 0)
                || (_options.LoadTests && (@new & PackageFlags.IsRoot) != 0);
            if (wantTest)
            {
                var testFlags = pkg.InMainModule || (_allClosesOverTests && (@new & PackageFlags.InAll) != 0) ? PackageFlags.InAll : PackageFlags.None;
                PkgTest(pkg, testFlags);
            }
        }
        const PackageFlags allLoaded = PackageFlags.InAll | PackageFlags.ImportsLoaded;
        const PackageFlags rootLoaded = PackageFlags.FromRoot | PackageFlags.ImportsLoaded;
        if ((@new & PackageFlags.InAll) != 0 && (old & allLoaded) != allLoaded)
            foreach (var dep in pkg.ImportedPackages) ApplyFlags(dep, PackageFlags.InAll);
        if ((@new & PackageFlags.FromRoot) != 0 && (old & rootLoaded) != rootLoaded)
            foreach (var dep in pkg.ImportedPackages) ApplyFlags(dep, PackageFlags.FromRoot);
    }

    /// <summary>go's <c>preloadRootModules</c>: modules providing root packages become roots before loading the rest.</summary>
    private async Task<bool> PreloadRootModulesAsync(IReadOnlyList<string> rootPaths, CancellationToken ct)
    {
        var need = new HashSet<ModuleVersion>();
        foreach (var path in rootPaths)
        {
            var found = await ImportFromModulesAsync(path, Requirements, null, ct).ConfigureAwait(false);
            var m = found.Mod;
            if (found.Err is not null)
            {
                if (found.Err is not ImportMissingException || !_options.ResolveMissingImports) continue;
                var (qm, qerr) = await QueryImportAsync(path, ct).ConfigureAwait(false);
                if (qerr is not null) continue;
                m = qm;
            }
            if (m.Path is not { Length: > 0 }) continue;
            if (!RootSelected(Requirements, m.Path, out var v) || v != m.Version) need.Add(m);
        }
        if (need.Count == 0) return false;
        try
        {
            Requirements = await _loader.UpdateRootsAsync(Requirements.Direct, Requirements, Requirements.Sorted(need), ct, [], _options.AssumeRootsImported).ConfigureAwait(false);
        }
        catch (Exception e) when (e is GoCommandException or BuildListException or ModuleException)
        {
            _failures.Add(e);
            throw new AbortedException();
        }
        return true;
    }

    /// <summary>
    /// Loads the packages queued so far as go's <c>load</c> and <c>loadTest</c> would one after the other, in three
    /// steps: each package's module and directory are found in queue order, the directories are read on every core,
    /// then, again in queue order, files, errors and flags are recorded and imports queued. Nothing that decides the
    /// queue's order happens before the last step, so the load order is the serial one.
    /// </summary>
    private async Task LoadBatchAsync(CancellationToken ct)
    {
        var batch = new GoPackage[_work.Count];
        for (int i = 0; i < batch.Length; i++) batch[i] = _work.Dequeue();
        await PrefetchAsync(batch, ct).ConfigureAwait(false);
        var loads = new PendingLoad?[batch.Length];
        for (int i = 0; i < batch.Length; i++)
            if (!batch[i].IsTest) loads[i] = await FindAsync(batch[i], ct).ConfigureAwait(false);

        var scans = new List<PendingLoad>();
        foreach (var l in loads)
            if (l is { Content: not null }) scans.Add(l);
        if (scans.Count > 1) OrderedParallel.For(scans.Count, i => Scan(scans[i]), ct);
        else foreach (var l in scans) Scan(l);

        for (int i = 0; i < batch.Length; i++)
        {
            if (batch[i].IsTest) LoadTest(batch[i]);
            else Finish(batch[i], loads[i]!);
        }
    }

    /// <summary>
    /// Fetches at once (up to <see cref="LoadOptions.MaxParallelism"/> at a time) the modules the batch's lookups will
    /// look into first: for each package not in the standard library, every module of the build list (the roots for a
    /// pruned main module, else the graph) whose path prefixes the package's, as <see cref="ImportFromModulesAsync"/>
    /// fetches them one at a time. The fetches are cached, so the lookups that follow, in queue order, find them done;
    /// a failed fetch fails the same lookup as before. Only a lookup that stops at a failed longer prefix would not
    /// have fetched the shorter ones, and then that package's load fails anyway.
    /// </summary>
    private async Task PrefetchAsync(GoPackage[] batch, CancellationToken ct)
    {
        ModuleGraph? mg = null;
        if (Requirements.Pruning == ModulePruning.Unpruned)
        {
            var (g, err) = await Requirements.GraphAsync(_loader, ct).ConfigureAwait(false);
            if (err is null) mg = g;
        }
        var mods = new HashSet<ModuleVersion>();
        foreach (var pkg in batch)
        {
            var path = pkg.ImportPath;
            if (pkg.IsTest || path == "C" || (StandardLibrary.IsStandardImportPath(path) && StandardLibrary.Contains(path, _loader.EffectiveGoVersion))) continue;
            for (var prefix = path; prefix != "."; prefix = ParentPath(prefix))
            {
                string v;
                if (mg is null)
                {
                    if (!RootSelected(Requirements, prefix, out v)) continue;
                }
                else v = IsMainPath(prefix) ? "" : mg.Selected(prefix);
                if (v is "none" or "") continue;
                var m = new ModuleVersion(prefix, v);
                if (!ModMode && !Workspace && _loader.Main.Resolve(m) is { Version.Length: > 0 } actual && !_loader.HadSum(actual)) continue;
                mods.Add(m);
            }
        }
        if (mods.Count < 2) return;
        await Parallel.ForEachAsync(mods, new ParallelOptions { MaxDegreeOfParallelism = _loader.Options.MaxParallelism, CancellationToken = ct }, async (m, token) =>
        {
            try
            {
                await FetchAsync(m, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ModuleException or GoCommandException or IOException or InvalidDataException)
            {
                // The lookup that fetches it again (cached) reports it.
            }
        }).ConfigureAwait(false);
    }

    /// <summary>One package between finding its directory and recording what its files say.</summary>
    private sealed class PendingLoad
    {
        /// <summary>The module content to read the directory from; null when there is nothing to read.</summary>
        public ModuleContent? Content;

        public string Dir = "";

        public bool Standard;

        public PackageFiles? Files;
    }

    private void Scan(PendingLoad load) =>
        load.Files = PackageFiles.Scan(load.Content!.Files(load.Dir), _options.Tags, _options.SourceFacts, load.Content.FullDirectory(load.Dir));

    /// <summary>go's <c>load</c>, first part: finds the package's module and directory (no flag applied, nothing queued).</summary>
    private async Task<PendingLoad> FindAsync(GoPackage pkg, CancellationToken ct)
    {
        var load = new PendingLoad();
        ModuleGraph? mg = null;
        if (Requirements.Pruning == ModulePruning.Unpruned)
        {
            var (g, err) = await Requirements.GraphAsync(_loader, ct).ConfigureAwait(false);
            if (err is null) mg = g;
        }
        var found = await ImportFromModulesAsync(pkg.ImportPath, Requirements, mg, ct).ConfigureAwait(false);
        pkg.Module = found.Mod;
        pkg.Dir = found.Dir;
        pkg.AltModules = found.AltMods;
        pkg.Error = found.Err;
        pkg.IsStandard = found.IsStd;
        pkg.InMainModule = found.Mod.Path is { Length: > 0 } && found.Mod.Version.Length == 0 && IsMainPath(found.Mod.Path);
        if (found.Dir is null) return load;
        if (found.IsStd)
        {
            if (_options.GoRoot is { } goRoot) pkg.AbsoluteDir = Path.Combine([goRoot, "src", .. found.Dir.Split('/')]);
            load.Standard = true;
            return load;
        }
        var content = found.Content!;
        if (content.IsLocal) pkg.AbsoluteDir = content.Describe(found.Dir);
        if (_options.AllowPackage is { } allow && found.Mod.Version.Length != 0)
        {
            if (!await allow(pkg.ImportPath, found.Mod, ct).ConfigureAwait(false)) pkg.Error = new VersionChangeException();
        }
        load.Content = content;
        load.Dir = found.Dir;
        return load;
    }

    /// <summary>go's <c>load</c>, last part: records the files or the error, queues the imports and applies the flags.</summary>
    private void Finish(GoPackage pkg, PendingLoad load)
    {
        // A tool of a main module is in "all" whether or not it was found (so that a missing tool is an error of "all").
        if (_tools.Contains(pkg.ImportPath)) ApplyFlags(pkg, PackageFlags.InAll);
        if (load.Standard)
        {
            ApplyFlags(pkg, PackageFlags.ImportsLoaded);
            return;
        }
        if (load.Content is not { } content) return;
        if (pkg.InMainModule) ApplyFlags(pkg, PackageFlags.InAll);
        var files = load.Files!;
        if (files.Error is not null)
        {
            pkg.Error = new GoCommandException(files.Error);
            return;
        }
        if (files.NoGoFiles)
        {
            pkg.Error = new NoGoFilesException(Describe(pkg.Module, content, load.Dir), files.IgnoredGoFiles.Count > 0);
            return;
        }
        pkg.Files = files;
        var importFlags = pkg.Has(PackageFlags.InAll) ? PackageFlags.InAll : PackageFlags.None;
        foreach (var imp in files.Imports) pkg.ImportedPackages.Add(Pkg(imp.Path, importFlags));
        ApplyFlags(pkg, PackageFlags.ImportsLoaded);
    }

    /// <summary>go's <c>loadTest</c>: the test imports of the tested package.</summary>
    private void LoadTest(GoPackage test)
    {
        var importFlags = test.Has(PackageFlags.InAll) ? PackageFlags.InAll : PackageFlags.None;
        foreach (var imp in test.TestOf!.TestImports) test.ImportedPackages.Add(Pkg(imp.Path, importFlags));
        ApplyFlags(test, PackageFlags.ImportsLoaded);
    }

    /// <summary>go's <c>buildStacks</c>: the load order (roots, then breadth-first) and each package's importer on its shortest stack.</summary>
    private void BuildStacks()
    {
        var seen = new HashSet<GoPackage>(_roots);
        _pkgs = [.. _roots];
        foreach (var r in _roots) r.Stack = null;
        for (int i = 0; i < _pkgs.Count; i++)
        {
            var pkg = _pkgs[i];
            foreach (var next in pkg.ImportedPackages)
            {
                if (!seen.Add(next)) continue;
                next.Stack = pkg;
                _pkgs.Add(next);
            }
            if (pkg.Test is { } test && seen.Add(test))
            {
                test.Stack = pkg;
                _pkgs.Add(test);
            }
        }
    }

    /// <summary>go's <c>updateRequirements</c>: roots updated for the loaded packages; changed when a package's module moved.</summary>
    private async Task<bool> UpdateRequirementsAsync(CancellationToken ct)
    {
        var rs = Requirements;
        if (Workspace)
        {
            await CheckWorkspaceImportsAsync(rs, ct).ConfigureAwait(false);
            return false;
        }
        // Only a load of "all" under any tags sees every direct import: otherwise the direct marks are kept.
        bool loadedDirect = _allPatternIsRoot && _options.Tags.IsAny;
        var direct = loadedDirect ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(rs.Direct, StringComparer.Ordinal);
        foreach (var pkg in _pkgs)
        {
            if (!pkg.InMainModule || pkg.Module.Version.Length != 0) continue;
            foreach (var dep in pkg.ImportedPackages)
            {
                if (!dep.FromExternalModule) continue;
                if (pkg.Error is null && !ModMode && (!rs.RootSelected(MainPath, dep.Module.Path, out var v) || v != dep.Module.Version))
                {
                    pkg.Error = new ImplicitDependencyImportException(pkg.ImportPath, dep.ImportPath, dep.Module);
                    continue;
                }
                direct.Add(dep.Module.Path);
            }
        }
        // go mod tidy adds the roots tidy needs on every round (and removes nothing until the end).
        IReadOnlyList<ModuleVersion> addRoots = _options.TidyRoots is { } tidy ? (await tidy(rs, _pkgs, ct).ConfigureAwait(false)).RootModules : [];
        var updated = await _loader.UpdateRootsAsync(direct, rs, addRoots, ct, _pkgs, _options.AssumeRootsImported).ConfigureAwait(false);
        bool changed = false;
        if (!ReferenceEquals(updated, rs) && !updated.RootModules.SequenceEqual(rs.RootModules))
        {
            var (mg, err) = await updated.GraphAsync(_loader, ct).ConfigureAwait(false);
            if (err is not null) throw err;
            foreach (var pkg in _pkgs)
            {
                if (pkg.FromExternalModule && mg.Selected(pkg.Module.Path) != pkg.Module.Version) { changed = true; break; }
                if (pkg.Error is not null && (await ImportFromModulesAsync(pkg.ImportPath, updated, null, ct).ConfigureAwait(false)).Err is null) { changed = true; break; }
            }
        }
        Requirements = updated;
        return changed;
    }

    /// <summary>
    /// go's <c>updateRequirements</c> in workspace mode: the roots are the main modules and never change, but a main
    /// module's package importing from a module whose requirements are not in the graph is a
    /// <see cref="ImplicitDependencyImportException"/>.
    /// </summary>
    private async Task CheckWorkspaceImportsAsync(Requirements rs, CancellationToken ct)
    {
        var (mg, err) = await rs.GraphAsync(_loader, ct).ConfigureAwait(false);
        if (err is not null) throw err;
        foreach (var pkg in _pkgs)
        {
            if (!pkg.InMainModule || pkg.Error is not null) continue;
            foreach (var dep in pkg.ImportedPackages)
            {
                if (!dep.FromExternalModule || mg.TryGetRequirements(dep.Module, out _)) continue;
                pkg.Error = new ImplicitDependencyImportException(pkg.ImportPath, dep.ImportPath, dep.Module);
                break;
            }
        }
    }

    /// <summary>go's <c>resolveMissingImports</c>: for each package no module provides, the module its latest version is in.</summary>
    private async Task<Dictionary<ModuleVersion, GoPackage>> ResolveMissingImportsAsync(CancellationToken ct)
    {
        var found = new List<(GoPackage Pkg, ModuleVersion Mod)>();
        foreach (var pkg in _pkgs)
        {
            if (pkg.Error is not ImportMissingException || pkg.IsTest) continue;
            var (mod, err) = await QueryImportAsync(pkg.ImportPath, ct).ConfigureAwait(false);
            if (err is not null) pkg.Error = err;
            found.Add((pkg, mod));
        }
        var modAddedBy = new Dictionary<ModuleVersion, GoPackage>();
        foreach (var (pkg, mod) in found)
        {
            if (mod.Path is not { Length: > 0 }) continue;
            _messages.Add($"go: found {pkg.ImportPath} in {mod.Path} {mod.Version}");
            modAddedBy.TryAdd(mod, pkg);
        }
        return modAddedBy;
    }

    /// <summary>
    /// go's <c>queryImport</c>: the module to add for an import no module of the build list provides — a replaced module
    /// (its highest replaced version) holding the package, else the latest version of the longest module path that
    /// provides it (<c>go: finding module for package …</c>). Under readonly, never looked up.
    /// </summary>
    private async Task<(ModuleVersion Mod, Exception? Err)> QueryImportAsync(string path, CancellationToken ct)
    {
        var main = _loader.Main;
        var mods = new List<ModuleVersion>();
        foreach (var (mp, hv) in main.HighestReplaced)
        {
            if (!(mp == path || (path.Length > mp.Length && path[mp.Length] == '/' && path.StartsWith(mp, StringComparison.Ordinal)))) continue;
            var mv = hv;
            if (mv.Length == 0)
            {
                mv = ModulePath.SplitPathVersion(mp, out _, out var pathMajor) && pathMajor.Length > 0
                    ? PseudoVersion.ZeroPseudoVersion(pathMajor[1..])
                    : PseudoVersion.ZeroPseudoVersion("v0");
            }
            var (mg, gerr) = await Requirements.GraphAsync(_loader, ct).ConfigureAwait(false);
            if (gerr is not null) return (default, gerr);
            if (ModuleLoader.CompareVersions(mg.Selected(mp), mv) >= 0) continue;
            mods.Add(new ModuleVersion(mp, mv));
        }
        mods.Sort((a, b) => b.Path.Length.CompareTo(a.Path.Length));
        foreach (var m in mods)
        {
            ModuleContent content;
            try
            {
                content = await _loader.FetchAsync(m, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ModuleException or GoCommandException or IOException or InvalidDataException)
            {
                return (default, e);
            }
            if (ModuleLoader.DirInModule(path, m.Path, content).HasGoFiles)
                return ModMode ? (m, null) : (default, ImportMissingException.ReplacedNotRequired(path, m));
        }
        if (mods.Count > 0 && !ModulePath.IsValidPath(path))
            return (default, new PackageNotInModuleException(mods[0], main.Replacement(mods[0]), "latest", path));
        if (StandardLibrary.IsStandardImportPath(path)) return (default, ImportMissingException.NotInGoRoot(path, _options.GoRoot));
        if (!ModMode)
            return (default, ImportMissingException.NoModule(path, modMode: false,
                queryText: _loader.Options.ModFlagExplicit ? "import lookup disabled by -mod=readonly" : null));

        _messages.Add($"go: finding module for package {path}");
        var (graph, err) = await Requirements.GraphAsync(_loader, ct).ConfigureAwait(false);
        if (err is not null) return (default, err);
        var (candidates, qerr) = await _query.QueryPackagesAsync(path, "latest", graph.Selected, _ => _loader.CheckAllowedAsync, ct).ConfigureAwait(false);
        if (qerr is not null)
        {
            if (PackageQuery.IsNotExist(qerr)) return (default, ImportMissingException.NoModule(path, modMode: true, qerr));
            return (default, qerr);
        }
        string missingVersion = "";
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var v = graph.Selected(c.Path);
            if (v != "none" && SemVer.Compare(v, c.Version) > 0)
            {
                if (i == 0) missingVersion = v;
                continue;
            }
            return (c, null);
        }
        return (default, ImportMissingException.NewerSelected(path, candidates[0], missingVersion));
    }

    /// <summary>
    /// go's <c>importFromModules</c> over a given graph, for a caller re-resolving loaded packages under other requirements
    /// (go mod tidy's <c>-compat</c> check): the module providing <paramref name="path"/>, or the failure.
    /// </summary>
    internal async Task<(ModuleVersion Mod, Exception? Err)> ResolveImportAsync(string path, Requirements rs, ModuleGraph mg, CancellationToken ct)
    {
        var found = await ImportFromModulesAsync(path, rs, mg, ct).ConfigureAwait(false);
        return (found.Mod, found.Err);
    }

    /// <summary>What <see cref="ImportFromModulesAsync"/> found.</summary>
    private readonly record struct Found(ModuleVersion Mod, ModuleContent? Content, string? Dir, IReadOnlyList<ModuleVersion> AltMods, Exception? Err, bool IsStd = false);

    /// <summary>
    /// go's <c>importFromModules</c>: the one module of the build list providing package <paramref name="path"/>
    /// (trying the roots first when <paramref name="mg"/> is null, then the whole graph). Standard-library paths have
    /// no module; several providers are an <see cref="AmbiguousImportException"/>, none an
    /// <see cref="ImportMissingException"/>; under readonly a module without a go.sum zip line that may hold the package
    /// is an <see cref="ImportMissingSumException"/>. Every module looked into is fetched.
    /// </summary>
    private async Task<Found> ImportFromModulesAsync(string path, Requirements rs, ModuleGraph? mg, CancellationToken ct)
    {
        if (path == "C") return new Found(default, null, null, [], null);
        try
        {
            ModulePath.CheckImportPath(path);
        }
        catch (ModulePathException e)
        {
            return new Found(default, null, null, [], new GoCommandException(e.Message, e));
        }
        bool pathIsStd = StandardLibrary.IsStandardImportPath(path);
        if (pathIsStd && StandardLibrary.Contains(path, _loader.EffectiveGoVersion)) return new Found(default, null, path, [], null, IsStd: true);

        while (true)
        {
            var mods = new List<ModuleVersion>();
            var contents = new List<ModuleContent>();
            var dirs = new List<string>();
            var altMods = new List<ModuleVersion>();
            var sumErrMods = new List<ModuleVersion>();
            for (var prefix = path; prefix != "."; prefix = ParentPath(prefix))
            {
                string v;
                if (mg is null)
                {
                    if (!RootSelected(rs, prefix, out v)) continue;
                }
                else v = IsMainPath(prefix) ? "" : mg.Selected(prefix);
                if (v == "none") continue;
                var m = new ModuleVersion(prefix, v);
                ModuleContent content;
                try
                {
                    // go checks go.sum here outside workspace mode only (modload.fetch).
                    if (!ModMode && !Workspace && v.Length != 0 && _loader.Main.Resolve(m) is { Version.Length: > 0 } actual && !_loader.HadSum(actual))
                    {
                        sumErrMods.Add(m);
                        continue;
                    }
                    content = await FetchAsync(m, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is ModuleException or GoCommandException or IOException or InvalidDataException)
                {
                    return new Found(default, null, null, [], e);
                }
                var (dir, ok) = ModuleLoader.DirInModule(path, m.Path, content);
                if (ok)
                {
                    mods.Add(m);
                    contents.Add(content);
                    dirs.Add(Describe(m, content, dir!));
                }
                else altMods.Add(m);
            }
            if (mods.Count > 1)
            {
                mods.Reverse();
                dirs.Reverse();
                return new Found(default, null, null, [], new AmbiguousImportException(path, dirs, mods));
            }
            if (sumErrMods.Count > 0)
            {
                sumErrMods.Reverse();
                return new Found(default, null, null, [], new ImportMissingSumException(path, sumErrMods, mods.Count > 0, null, "", false));
            }
            if (mods.Count == 1)
            {
                var (dir, _) = ModuleLoader.DirInModule(path, mods[0].Path, contents[0]);
                return new Found(mods[0], contents[0], dir, altMods, null);
            }
            if (mg is not null)
                return new Found(default, null, null, [], pathIsStd
                    ? ImportMissingException.NotInGoRoot(path, _options.GoRoot)
                    : ImportMissingException.NoModule(path, ModMode));
            var (g, err) = await rs.GraphAsync(_loader, ct).ConfigureAwait(false);
            if (err is not null) return new Found(default, null, null, [], err);
            mg = g;
        }
    }

    /// <summary>A package directory as go names it: on disk for local trees, else in the module cache (when known).</summary>
    private string Describe(ModuleVersion m, ModuleContent content, string rel)
    {
        if (content.IsLocal || _options.ModuleCacheDirectory is not { } cache) return content.Describe(rel);
        var actual = _loader.Main.Resolve(m);
        var root = Path.Combine([cache, .. $"{ModulePath.EscapePath(actual.Path)}@{ModulePath.EscapeVersion(actual.Version)}".Split('/')]);
        return rel.Length == 0 ? root : Path.Combine([root, .. rel.Split('/')]);
    }

    private static string ParentPath(string p)
    {
        int i = p.LastIndexOf('/');
        return i < 0 ? "." : p[..i];
    }
}
