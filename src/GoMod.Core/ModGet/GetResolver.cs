using System.Text;
using GoMod.Core.Fetch;
using GoMod.Core.Imports;
using GoMod.Core.ModFile;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Mvs;
using GoMod.Core.Packages;
using GoMod.Core.Reports;
using GoMod.Core.Semver;

namespace GoMod.Core.ModGet;

/// <summary>
/// The module half of go's <c>modget.resolver</c>: resolves each argument to a module version (or none) relative to the
/// initial build list, edits the requirements until every resolved version is selected, then reports retractions,
/// deprecations and changes, and commits go.mod and go.sum.
/// </summary>
internal sealed class GetResolver
{
    private readonly string _modRoot;
    private readonly IModuleSource _source;
    private readonly IReadOnlyList<string> _args;
    private readonly string _upgrade;
    private readonly bool _tool;
    private readonly LoadOptions _options;
    private readonly StringBuilder _stderr = new();
    private (string File, int Line, int Column)? _location;
    private readonly List<Exception> _failures = [];

    /// <summary>Whether go get has reported an error (and so exits with 1, writing nothing).</summary>
    private bool Failed => _failures.Count > 0;

    private ModuleLoader _loader = null!;
    private Requirements _rs = null!;
    private readonly Dictionary<string, (string Version, GetQuery Reason)> _resolvedVersion = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GetQuery> _nonesByPath = new(StringComparer.Ordinal);
    private IReadOnlyList<ModuleVersion> _buildList = [];
    private Dictionary<string, string> _buildListVersion = new(StringComparer.Ordinal);
    private Dictionary<string, string> _initialVersion = new(StringComparer.Ordinal);

    public GetResolver(string modRoot, IModuleSource source, IReadOnlyList<string> args, string upgrade, bool tool, LoadOptions options)
    {
        _modRoot = modRoot;
        _source = source;
        _args = args;
        _upgrade = upgrade;
        _tool = tool;
        _options = options;
    }

    private sealed class ExitException : Exception;

    public async Task<GoOutput> RunAsync(CancellationToken ct)
    {
        string? goMod = null, goSum = null;
        try
        {
            (goMod, goSum) = await RunCoreAsync(ct).ConfigureAwait(false);
        }
        catch (ExitException)
        {
        }
        catch (Exception e) when (e is GoCommandException or BuildListException or ModuleException)
        {
            if (_loader is not null) FlushMessages();
            Error("go: " + e.Message, e);
            _location = ModuleReports.LocationOf(e);
        }
        return new GoOutput { StdErr = _stderr.ToString(), ExitCode = Failed ? 1 : 0, GoMod = Failed ? null : goMod, GoSum = Failed ? null : goSum, ErrorLocation = _location, Failures = _failures };
    }

    /// <summary>Prints one of go get's error lines and records the typed failure behind it.</summary>
    private void Error(string line, Exception? cause = null)
    {
        ModuleReports.AppendLog(_stderr, line);
        // A broken graph stays the graph's failure (its own code); anything else is go get's, with its cause kept.
        Fail(cause is BuildListException ? ModuleReports.AsCommandFailure(cause)
            : new GoGetException(line.StartsWith("go: ", StringComparison.Ordinal) ? line[4..] : line, cause));
    }

    private void Fail(Exception failure)
    {
        _failures.Add(failure);
    }

    private void ExitIfErrors()
    {
        if (Failed) throw new ExitException();
    }

    private void FlushMessages()
    {
        foreach (var line in _loader.Messages) _stderr.Append(line).Append('\n');
        _loader.Messages.Clear();
    }

    private async Task<(string? GoMod, string? GoSum)> RunCoreAsync(CancellationToken ct)
    {
        // Arguments are checked before anything is loaded.
        var queries = new List<GetQuery>();
        // With no arguments go get means the package in the current directory.
        var args = _args.Count == 0 ? ["."] : _args;
        foreach (var arg in args)
        {
            GetQuery q;
            try
            {
                q = GetQuery.Parse(arg, _upgrade);
            }
            catch (GoCommandException e)
            {
                Error("go: " + e.Message, e);
                continue;
            }
            if (_args.Count == 0) q.Raw = "";
            if (PackagePatterns.IsLocal(q.Pattern))
            {
                if (q.RawVersion.Length != 0)
                {
                    Error($"go: can't request explicit version \"{q.RawVersion}\" of path \"{q.Pattern}\" in main module");
                    continue;
                }
            }
            else if (q.Pattern == "all" || q.Pattern.Contains("...", StringComparison.Ordinal))
            {
                Error($"go: {q.Raw}: package patterns other than directories of the main module are not supported by GoMod.Sdk; name a module or package path");
                continue;
            }
            if (q.Pattern.EndsWith(".go", StringComparison.Ordinal) && q.RawVersion.Length == 0 && !q.Pattern.Contains('/'))
            {
                Error($"go: {q.Raw}: arguments must be package or module paths");
                continue;
            }
            queries.Add(q);
        }
        ExitIfErrors();

        _loader = await ModuleLoader.CreateAsync(_source, _modRoot, _options, ct).ConfigureAwait(false);
        _rs = await _loader.LoadModFileAsync(LoadCommand.Get, ct).ConfigureAwait(false);
        FlushMessages();
        await LoadModGraphAsync(ct).ConfigureAwait(false);
        _initialVersion = new Dictionary<string, string>(_buildListVersion, StringComparer.Ordinal);
        foreach (var q in queries)
            if (q.Version == "none") _nonesByPath[q.Pattern] = q;

        foreach (var q in queries.Where(q => PackagePatterns.IsLocal(q.Pattern))) QueryLocal(q);
        foreach (var q in queries.Where(q => !PackagePatterns.IsLocal(q.Pattern) && q.Pattern != ToolPattern))
        {
            if (q.Version == "none") QueryNone(q);
            else await QueryPathAsync(q, ct).ConfigureAwait(false);
        }
        foreach (var q in queries.Where(q => q.Pattern == ToolPattern)) await QueryToolsAsync(q, ct).ConfigureAwait(false);

        while (true)
        {
            if (await ResolveQueriesAsync(queries, ct).ConfigureAwait(false)) continue;
            var upgrades = await FindAndUpgradeImportsAsync(queries, ct).ConfigureAwait(false);
            if (await ApplyUpgradesAsync(upgrades, ct).ConfigureAwait(false)) continue;
            break;
        }

        var pkgPatterns = queries.Where(q => q.MatchesPackages).Select(q => q.Pattern).ToList();
        var loaded = await CheckPackageProblemsAsync(pkgPatterns, ct).ConfigureAwait(false);
        var toolsChanged = _tool && UpdateTools(queries);

        var oldReqs = _loader.Main.Requires.Select(r => r.Module).ToList();
        var (goMod, goSum) = await _loader.CommitAsync(_rs, ct, loaded?.LoadOrder, rewrite: toolsChanged).ConfigureAwait(false);
        var newReqs = _rs.RootModules;
        ReportChanges(oldReqs, newReqs);
        return (goMod, goSum);
    }

    /// <summary>go's <c>LoadModGraph</c>: the graph of the current requirements, made consistent; errors are fatal.</summary>
    private async Task LoadModGraphAsync(CancellationToken ct)
    {
        var (rs, mg, err) = await _loader.ExpandGraphAsync(_rs, ct).ConfigureAwait(false);
        if (err is not null) throw new GoCommandException(err.Message, err);
        _rs = rs;
        _buildList = mg.BuildList;
        _buildListVersion = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in _buildList) _buildListVersion[m.Path] = m.Version;
    }

    private string InitialSelected(string path) => _initialVersion.TryGetValue(path, out var v) ? v : "none";

    /// <summary>go's <c>queryNone</c>: the argument's path (and any build-list module it names) at version none.</summary>
    private void QueryNone(GetQuery q)
    {
        if (q.Pattern == _loader.Main.Path)
        {
            q.Candidates.Add(PathSet.Error(q.Pattern, new GoCommandException($"can't request version \"{q.Version}\" of the main module ({q.Pattern})")));
            return;
        }
        q.Candidates.Add(new PathSet(q.Pattern, [], new ModuleVersion(q.Pattern, "none"), null));
    }

    /// <summary>The <c>tool</c> meta-pattern (Go 1.24+): the main module's tool packages.</summary>
    private const string ToolPattern = "tool";

    /// <summary>
    /// go's <c>performToolQueries</c> (Go 1.24+): a <c>tool</c> argument stands for each tool package of the main
    /// module, queried as a package at the argument's version.
    /// </summary>
    private async Task QueryToolsAsync(GetQuery q, CancellationToken ct)
    {
        foreach (var tool in new PackagePatterns(_loader).Tools())
        {
            var (pkgMods, err) = await new PackageQuery(_loader).QueryPackagesAsync(tool, q.Version, InitialSelected, v => CheckAllowedOr(v, InitialSelected), ct).ConfigureAwait(false);
            q.Candidates.Add(new PathSet(tool, pkgMods, default, err));
        }
    }

    /// <summary>
    /// go's <c>updateTools</c> for <c>go get -tool</c> (Go 1.24+): each argument's packages get a <c>tool</c> line in
    /// go.mod, or lose it for <c>@none</c> (lines are added, then removed, as go's write does). Every argument counts,
    /// as the Go Modules Reference says; go 1.24 kept only the last argument's lines (golang/go#74035, fixed since).
    /// Meta-patterns are refused as go refuses them. Returns whether the tool lines changed.
    /// </summary>
    private bool UpdateTools(List<GetQuery> queries)
    {
        foreach (var q in queries)
        {
            if (q.Pattern is "all" or "std" or "cmd" or ToolPattern or "toolchain")
            {
                Error($"go: go get -tool does not work with \"{q.Pattern}\".");
                ExitIfErrors();
            }
        }
        var add = new List<string>();
        var drop = new List<string>();
        foreach (var q in queries)
            (q.Version == "none" ? drop : add).AddRange(ResolvePatterns([q.Pattern], null));
        var file = _loader.Main.File;
        var before = file.Tool.ToList();
        foreach (var path in add) file.AddTool(path);
        foreach (var path in drop) file.DropTool(path);
        return !before.SequenceEqual(file.Tool);
    }

    /// <summary>go's <c>queryPath</c>: the candidates for a literal path argument.</summary>
    private async Task QueryPathAsync(GetQuery q, CancellationToken ct)
    {
        var (pkgMods, modOnly, err) = await new PackageQuery(_loader).QueryPatternAsync(q.Pattern, q.Version, InitialSelected, v => CheckAllowedOr(v, InitialSelected), ct).ConfigureAwait(false);
        q.Candidates.Add(err is not null ? PathSet.Error(q.Pattern, err) : new PathSet(q.Pattern, pkgMods, modOnly, null));
    }

    /// <summary>go's <c>checkAllowedOr</c>: the requested version and (for upgrade and patch) the selected one are allowed even if retracted.</summary>
    private AllowedFunc CheckAllowedOr(string requested, Func<string, string> selected) => async (m, ct) =>
    {
        if (m.Version == requested) return _loader.CheckExclusions(m);
        if ((requested is "upgrade" or "patch") && m.Version == selected(m.Path)) return null;
        return await _loader.CheckAllowedAsync(m, ct).ConfigureAwait(false);
    };

    /// <summary>go's <c>resolveQueries</c>: resolves every unambiguous candidate, then edits the build list.</summary>
    private async Task<bool> ResolveQueriesAsync(List<GetQuery> queries, CancellationToken ct)
    {
        int resolved = 0;
        while (true)
        {
            int prevResolved = resolved;
            foreach (var q in queries)
            {
                var unresolved = new List<PathSet>();
                foreach (var cs in q.Candidates)
                {
                    if (cs.Err is not null)
                    {
                        Error(q.FormatError(cs.Err.Message), cs.Err);
                        resolved++;
                        continue;
                    }
                    var (filtered, isPackage, m, unique) = Disambiguate(cs);
                    if (!unique)
                    {
                        unresolved.Add(filtered);
                        continue;
                    }
                    if (m.Path is null) (isPackage, m) = ChooseArbitrarily(cs);
                    if (isPackage) q.MatchesPackages = true;
                    Resolve(q, m);
                    resolved++;
                }
                q.Candidates.Clear();
                q.Candidates.AddRange(unresolved);
            }
            ExitIfErrors();
            if (resolved == prevResolved) break;
        }

        bool changed = false;
        if (resolved > 0)
        {
            if (await UpdateBuildListAsync([], ct).ConfigureAwait(false)) return true;
        }

        int arbitrary = 0;
        foreach (var q in queries)
        {
            foreach (var cs in q.Candidates)
            {
                var (isPackage, m) = ChooseArbitrarily(cs);
                if (isPackage) q.MatchesPackages = true;
                Resolve(q, m);
                arbitrary++;
            }
            q.Candidates.Clear();
        }
        if (arbitrary > 0) changed = await UpdateBuildListAsync([], ct).ConfigureAwait(false);
        return changed;
    }

    private (PathSet Filtered, bool IsPackage, ModuleVersion M, bool Unique) Disambiguate(PathSet cs)
    {
        var filteredPkgMods = new List<ModuleVersion>();
        foreach (var m in cs.PkgMods)
        {
            if (_nonesByPath.ContainsKey(m.Path)) continue;
            if (m.Path == _loader.Main.Path)
            {
                if (m.Version.Length == 0) return (cs, true, m, true);
                continue;
            }
            if (!_resolvedVersion.TryGetValue(m.Path, out var vr))
            {
                filteredPkgMods.Add(m);
                continue;
            }
            if (vr.Version != m.Version) continue;
            return (cs, true, m, true);
        }
        ModuleVersion filteredMod = default;
        if (cs.Mod.Path is not null)
        {
            if (!_resolvedVersion.TryGetValue(cs.Mod.Path, out var vr) || vr.Version == cs.Mod.Version) filteredMod = cs.Mod;
        }
        if (filteredPkgMods.Count == 1 && (filteredMod.Path is null || filteredMod == filteredPkgMods[0]))
            return (cs, true, filteredPkgMods[0], true);
        if (filteredPkgMods.Count == 0) return (cs, false, filteredMod, true);
        return (cs with { PkgMods = filteredPkgMods, Mod = filteredMod }, false, default, false);
    }

    private (bool IsPackage, ModuleVersion M) ChooseArbitrarily(PathSet cs)
    {
        foreach (var m in cs.PkgMods)
            if (InitialSelected(m.Path) != "none") return (true, m);
        if (cs.PkgMods.Count > 0) return (true, cs.PkgMods[0]);
        return (false, cs.Mod);
    }

    private void Resolve(GetQuery q, ModuleVersion m)
    {
        if (m.Path == _loader.Main.Path && m.Version.Length != 0)
        {
            Error(q.FormatError($"can't request version \"{q.Version}\" of the main module ({m.Path})"));
            return;
        }
        if (_resolvedVersion.TryGetValue(m.Path, out var vr) && vr.Version != m.Version)
        {
            ReportConflict(q, m, vr);
            return;
        }
        _resolvedVersion[m.Path] = (m.Version, q);
        q.Resolved.Add(m);
    }

    private void ReportConflict(GetQuery pq, ModuleVersion m, (string Version, GetQuery Reason) conflict)
    {
        if (pq.Conflict is not null) return;
        pq.Conflict = conflict.Reason;
        static string ArgStr(GetQuery q, string v) => v != q.Version ? $"{q.Pattern}@{q.Version} ({v})" : q.ToString();
        var modDetail = m.Path != pq.Pattern ? $"for module {m.Path}, " : "";
        Error(pq.FormatError($"{modDetail}{ArgStr(pq, m.Version)} conflicts with {ArgStr(conflict.Reason, conflict.Version)}"));
    }

    /// <summary>go's <c>updateBuildList</c>: edits the requirements so every resolved version is selected.</summary>
    private async Task<bool> UpdateBuildListAsync(IReadOnlyList<ModuleVersion> additions, CancellationToken ct)
    {
        var resolved = _resolvedVersion.Where(kv => kv.Key != _loader.Main.Path).Select(kv => new ModuleVersion(kv.Key, kv.Value.Version)).ToList();
        Requirements edited;
        bool changed;
        try
        {
            (edited, changed) = await _loader.EditRequirementsAsync(_rs, additions, resolved, ct).ConfigureAwait(false);
        }
        catch (ConstraintException ce)
        {
            string Reason(ModuleVersion m)
            {
                var rv = _resolvedVersion[m.Path];
                return rv.Reason.ResolvedString(new ModuleVersion(m.Path, rv.Version));
            }
            foreach (var c in ce.Conflicts) Error($"go: {Reason(c.Source)} requires {c.Dep}, not {Reason(c.Constraint)}");
            ExitIfErrors();
            return false;
        }
        catch (Exception e) when (e is GoCommandException or BuildListException or ModuleException)
        {
            Error("go: " + e.Message, e);
            ExitIfErrors();
            return false;
        }
        _rs = edited;
        if (!changed) return false;
        await LoadModGraphAsync(ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>go's <c>performLocalQueries</c>: a directory argument names packages of the main module, never a version.</summary>
    private void QueryLocal(GetQuery q)
    {
        var main = _loader.Main;
        var pkgPattern = new PackagePatterns(_loader).DirImportPath(q.Pattern, out var absDir);
        var absDetail = Path.IsPathRooted(q.Pattern) ? "" : $" ({absDir})";
        if (pkgPattern == ".")
        {
            q.Candidates.Add(PathSet.Error(q.Pattern, new GoCommandException($"{q.Pattern}{absDetail} is not within module rooted at {main.ModRoot}")));
            return;
        }
        if (MainPackages(pkgPattern).Count == 0)
        {
            if (q.Raw.Length == 0 || q.Raw == ".")
                q.Candidates.Add(PathSet.Error(q.Pattern, new GoCommandException("no package to get in current directory")));
            else if (!pkgPattern.Contains("...", StringComparison.Ordinal))
                q.Candidates.Add(PathSet.Error(q.Pattern, new GoCommandException($"{q.Pattern}{absDetail} is not a package in module rooted at {main.ModRoot}")));
            else
                _stderr.Append($"go: warning: \"{pkgPattern}\" matched no packages\n");
            return;
        }
        q.Candidates.Add(new PathSet(q.Pattern, [main.Version], default, null));
    }

    /// <summary>
    /// go's <c>MatchInModule</c> for the main module under any build tags: the package of a literal path, or every
    /// package directory matching a <c>...</c> pattern (not below testdata, <c>_</c> or <c>.</c> directories, vendor,
    /// or nested modules).
    /// </summary>
    private List<string> MainPackages(string pkgPattern)
    {
        var main = _loader.Main;
        var content = ModuleContent.FromDirectory(main.ModRoot);
        bool IsPackage(string rel) =>
            content.HasGoFiles(rel) && GoSourceScanner.ScanDir(content.Files(rel)).Error != GoSourceScanner.NoGoFiles;
        if (!pkgPattern.Contains("...", StringComparison.Ordinal))
        {
            var (dir, hasGo) = ModuleLoader.DirInModule(pkgPattern, main.Path, content);
            return dir is not null && hasGo && IsPackage(dir) ? [pkgPattern] : [];
        }
        var match = ModuleLister.MatchPattern(pkgPattern);
        var found = new List<string>();
        foreach (var rel in PackagePatterns.ModuleDirectories(main.ModRoot, skipVendor: true, ignore: IgnoredDirectories.From(main.File.Ignore)))
        {
            var name = rel.Length == 0 ? main.Path : main.Path + "/" + rel;
            if (match(name) && IsPackage(rel)) found.Add(name);
        }
        return found;
    }

    /// <summary>The import paths a load starts from (directory patterns resolved as go's package loader resolves them).</summary>
    private List<string> ResolvePatterns(IReadOnlyList<string> patterns, List<string>? errors) =>
        new PackagePatterns(_loader).Roots(patterns, BuildTags.Host(), BuildTags.Any, errors);

    private string Selected(string path) => _buildListVersion.TryGetValue(path, out var v) ? v : "none";

    private static bool IsNoSuchPackageVersion(Exception e) =>
        e is ModuleNotFoundException or NoMatchingVersionException or PackageNotInModuleException;

    /// <summary>go get's package load: the roots and their imports under any tags, the roots counted as imported by the main module.</summary>
    private Task<PackageGraph> LoadPackagesAsync(IReadOnlyList<string> roots, Func<string, ModuleVersion, CancellationToken, Task<bool>>? allowPackage, CancellationToken ct) =>
        _loader.LoadPackagesAsync(_rs, roots, new PackageLoadOptions { Tags = BuildTags.Any, AssumeRootsImported = true, AllowPackage = allowPackage }, ct);

    /// <summary>
    /// go's <c>findAndUpgradeImports</c>: loads the packages the arguments named (and their imports) and returns, for
    /// each package whose module <c>-u</c> would upgrade or that no module in the build list provides, the modules
    /// that could provide it.
    /// </summary>
    private async Task<List<PathSet>> FindAndUpgradeImportsAsync(List<GetQuery> queries, CancellationToken ct)
    {
        var patterns = queries.Where(q => q.MatchesPackages).Select(q => q.Pattern).ToList();
        if (patterns.Count == 0) return [];
        var upgrades = new List<PathSet>();

        async Task<bool> FindPackage(string path, ModuleVersion m, CancellationToken token)
        {
            var version = "latest";
            if (m.Path is not null && m.Path.Length != 0)
            {
                if (_upgrade.Length == 0) return true;
                if (_resolvedVersion.ContainsKey(m.Path)) return true;
                version = _upgrade;
            }
            // Unlike arguments, -u upgrades relative to the current build list, not the initial one.
            var (pkgMods, err) = await new PackageQuery(_loader).QueryPackagesAsync(path, version, Selected, v => CheckAllowedOr(v, Selected), token).ConfigureAwait(false);
            if (m.Path is not null && pkgMods.Contains(m)) return true;
            if (err is not null && (IsNoSuchPackageVersion(err) || ((m.Path is null || m.Path.Length == 0) && !ModulePath.IsValidPath(path)))) return true;
            upgrades.Add(new PathSet(path, pkgMods, default, err));
            return false;
        }

        var load = await LoadPackagesAsync(ResolvePatterns(patterns, null), FindPackage, ct).ConfigureAwait(false);
        foreach (var e in load.Errors) Error(e);
        ExitIfErrors();
        _rs = load.Requirements;

        foreach (var pkg in load.LoadOrder.OrderBy(p => p.ImportPath, StringComparer.Ordinal))
        {
            if (pkg.Error is ImportMissingException or AmbiguousImportException)
                await FindPackage(pkg.ImportPath, default, ct).ConfigureAwait(false);
        }
        upgrades.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return upgrades;
    }

    /// <summary>go's <c>applyUpgrades</c>: adds one module per upgrade set (not resolved, so arguments still win) and edits.</summary>
    private async Task<bool> ApplyUpgradesAsync(List<PathSet> upgrades, CancellationToken ct)
    {
        var tentative = new List<ModuleVersion>();
        foreach (var cs in upgrades)
        {
            if (cs.Err is not null)
            {
                Error("go: " + cs.Err.Message, cs.Err);
                continue;
            }
            var (filtered, _, m, unique) = Disambiguate(cs);
            if (!unique) (_, m) = ChooseArbitrarily(filtered);
            if (m.Path is null) continue;
            tentative.Add(m);
        }
        ExitIfErrors();
        return await UpdateBuildListAsync(tentative, ct).ConfigureAwait(false);
    }

    [Flags]
    private enum ModFlags { None = 0, Resolved = 1, Named = 2, HasPkg = 4, Direct = 8 }

    /// <summary>
    /// go's <c>checkPackageProblems</c>: reloads the named packages (printing the import errors left), reports
    /// deprecations and retractions of the modules involved, and fetches the zips whose sums go.sum should keep.
    /// </summary>
    private async Task<PackageGraph?> CheckPackageProblemsAsync(List<string> pkgPatterns, CancellationToken ct)
    {
        var relevant = new Dictionary<ModuleVersion, ModFlags>();
        void Flag(ModuleVersion m, ModFlags f) => relevant[m] = relevant.GetValueOrDefault(m) | f;
        foreach (var (path, reason) in _resolvedVersion) Flag(new ModuleVersion(path, reason.Version), ModFlags.Resolved);

        PackageGraph? load = null;
        bool packageErrors = false;
        if (pkgPatterns.Count > 0)
        {
            var matchErrors = new List<string>();
            var roots = ResolvePatterns(pkgPatterns, matchErrors);
            foreach (var e in matchErrors)
            {
                ModuleReports.AppendLog(_stderr, e);
                packageErrors = true;
            }
            load = await LoadPackagesAsync(roots, null, ct).ConfigureAwait(false);
            // With errors allowed, go prints them and carries on.
            foreach (var e in load.Errors) ModuleReports.AppendLog(_stderr, e);
            _rs = load.Requirements;
            foreach (var pkg in load.LoadOrder)
            {
                if (pkg.Error is null || pkg.Error is NoGoFilesException) continue;
                ModuleReports.AppendLog(_stderr, $"{pkg.StackText()}: {pkg.Error.Message}");
            }
            foreach (var pkg in load.LoadOrder.OrderBy(p => p.ImportPath, StringComparer.Ordinal))
            {
                if (pkg.Error is not null && !(pkg.Dir is not null && pkg.Error is NoGoFilesException))
                {
                    packageErrors = true;
                    if (pkg.Error is AmbiguousImportException amb) foreach (var m in amb.Modules) Flag(m, ModFlags.HasPkg);
                }
                if (pkg.Module.Path is { Length: > 0 }) Flag(pkg.Module, ModFlags.HasPkg);
            }
            foreach (var pkg in load.LoadOrder)
                if (roots.Contains(pkg.ImportPath) && pkg.Module.Path is { Length: > 0 }) Flag(pkg.Module, ModFlags.Named);
        }
        foreach (var m in relevant.Keys.ToList())
            if (_rs.Direct.Contains(m.Path)) Flag(m, ModFlags.Direct);

        var retractions = relevant.Where(kv => (kv.Value & (ModFlags.Resolved | ModFlags.Named | ModFlags.HasPkg)) != 0)
            .Select(kv => kv.Key).OrderBy(m => m.Path, StringComparer.Ordinal).ToList();
        var retractMessages = new string?[retractions.Count];
        for (int i = 0; i < retractions.Count; i++)
            if (await _loader.CheckRetractionsAsync(retractions[i], ct).ConfigureAwait(false) is DisallowedVersionException { IsRetraction: true } re)
                retractMessages[i] = re.Message;

        var deprecations = relevant.Where(kv => (kv.Value & (ModFlags.Resolved | ModFlags.Named)) != 0 || (kv.Value & (ModFlags.HasPkg | ModFlags.Direct)) == (ModFlags.HasPkg | ModFlags.Direct))
            .Select(kv => kv.Key).OrderBy(m => m.Path, StringComparer.Ordinal).ToList();
        var deprecationMessages = new string?[deprecations.Count];
        for (int i = 0; i < deprecations.Count; i++)
        {
            try
            {
                var d = await _loader.CheckDeprecationAsync(deprecations[i], ct).ConfigureAwait(false);
                if (d.Length != 0) deprecationMessages[i] = DisallowedVersionException.ShortMessage(d, "");
            }
            catch (GoCommandException)
            {
            }
        }

        var sumErrors = new List<string>();
        foreach (var m in _buildList)
        {
            var mActual = _loader.Main.Resolve(m);
            if (!_initialVersion.TryGetValue(m.Path, out var oldVersion) || oldVersion.Length == 0) continue;
            var old = new ModuleVersion(m.Path, oldVersion);
            var oldActual = _loader.Main.Resolve(old);
            if (mActual == oldActual || mActual.Version.Length == 0 || !_loader.HadSum(oldActual)) continue;
            try
            {
                await _loader.FetchAsync(m, ct).ConfigureAwait(false);
            }
            catch (ModuleException e)
            {
                var verb = SemVer.Compare(m.Version, old.Version) < 0 ? "downgraded" : "upgraded";
                var replaced = mActual != m ? $" (replaced by {mActual})" : "";
                sumErrors.Add($"go: {verb} {m.Path} {old.Version} => {m.Version}{replaced}: error finding sum for {mActual}: {e.Message}");
            }
        }

        for (int i = 0; i < deprecations.Count; i++)
            if (deprecationMessages[i] is { } d) _stderr.Append($"go: module {deprecations[i].Path} is deprecated: {d}\n");
        string? retractPath = null;
        for (int i = 0; i < retractions.Count; i++)
        {
            if (retractMessages[i] is not { } r) continue;
            _stderr.Append($"go: warning: {r}\n");
            retractPath = retractPath is null ? retractions[i].Path : "<module>";
        }
        if (retractPath is not null)
            _stderr.Append($"go: to switch to the latest unretracted version, run:\n\tgo get {retractPath}@latest\n");
        foreach (var e in sumErrors) Error(e);
        if (packageErrors) Fail(new GoGetException("errors loading packages"));
        ExitIfErrors();
        return load;
    }

    /// <summary>go's <c>reportChanges</c>: the versions that changed for arguments and for go.mod requirements.</summary>
    private void ReportChanges(IReadOnlyList<ModuleVersion> oldReqs, IReadOnlyList<ModuleVersion> newReqs)
    {
        var changes = new Dictionary<string, (string Old, string New)>(StringComparer.Ordinal);
        foreach (var (path, reason) in _resolvedVersion)
        {
            var old = _initialVersion.TryGetValue(path, out var o) ? o : "";
            var @new = reason.Version;
            if (old != @new && (old.Length != 0 || @new != "none")) changes[path] = (old, @new);
        }
        foreach (var req in oldReqs)
        {
            var @new = _buildListVersion.TryGetValue(req.Path, out var n) ? n : "";
            if (req.Version != @new) changes[req.Path] = (req.Version, @new);
        }
        foreach (var req in newReqs)
        {
            var old = _initialVersion.TryGetValue(req.Path, out var o) ? o : "";
            if (old != req.Version) changes[req.Path] = (old, req.Version);
        }
        foreach (var (path, (old, @new)) in changes.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (old.Length == 0) _stderr.Append($"go: added {path} {@new}\n");
            else if (@new is "none" or "") _stderr.Append($"go: removed {path} {old}\n");
            else if (SemVer.Compare(@new, old) > 0) _stderr.Append($"go: upgraded {path} {old} => {@new}\n");
            else _stderr.Append($"go: downgraded {path} {old} => {@new}\n");
        }
    }
}
