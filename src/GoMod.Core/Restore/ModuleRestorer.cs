using GoMod.Core.Diagnostics;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.ModCache;
using GoMod.Core.ModFile;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Reports;
using GoMod.Core.Semver;
using GoMod.Core.Sum;
using GoMod.Core.SumDb;
using GoMod.Core.Vendor;
using GoMod.Core.Internal;
using GoMod.Core.Workspace;

namespace GoMod.Core.Restore;

/// <summary>
/// The restore as the SDK runs it, without MSBuild: set up the run (<see cref="RestoreSetup"/>), compute the build
/// list, download what it needs into the module cache (every .mod and .zip checked against go.sum), and report
/// everything that is wrong as <see cref="Diagnostic"/> data (never by throwing, except for cancellation). The MSBuild
/// task is a thin adapter over <see cref="RestoreAsync(RestoreOptions, CancellationToken)"/>.
/// </summary>
/// <remarks>
/// The build list is go's (<c>go list -m all</c>: MVS with graph pruning, replace and exclude from the main module),
/// read through the module proxy and cache; the zips downloaded are those <c>go mod download</c> fetches (from go 1.17
/// the modules go.mod requires, which are all the modules that provide packages). Failures are typed values; their
/// codes come from <see cref="FailureCodes"/>, their locations from the go.mod line of the module they concern.
/// </remarks>
public sealed class ModuleRestorer
{
    /// <summary>Runs one restore. Throws only <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.</summary>
    public async Task<RestoreResult> RestoreAsync(RestoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var phases = PhaseTimer.For(options);
        var (setup, failures) = await RestoreSetup.CreateAsync(options, cancellationToken).ConfigureAwait(false);
        phases.Mark("restore-setup");
        if (setup is null) return new RestoreResult([], failures.SelectMany(f => SetupDiagnostics(f, options)).ToList());
        return await RestoreAsync(setup, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one restore over a setup already made (<c>go mod verify</c> shares it).</summary>
    public Task<RestoreResult> RestoreAsync(RestoreSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.Workspace is { } workspace) return WorkspaceRestore.RestoreAsync(setup, workspace, cancellationToken);
        return new Run(setup).RestoreAsync(cancellationToken);
    }

    /// <summary>The diagnostics of a setup failure: go.mod and go.sum syntax errors at their positions, settings without a file.</summary>
    public static IEnumerable<Diagnostic> SetupDiagnostics(Exception failure, RestoreOptions options)
    {
        switch (failure)
        {
            case ModFileParseException e:
                foreach (var error in e.Errors) yield return FailureCodes.ToDiagnostic(e, options.ModFile, error.Line, error.Column, error.Message);
                break;
            case GoSumParseException e:
                yield return FailureCodes.ToDiagnostic(e, options.SumFile, e.Line, 1, $"malformed go.sum: wrong number of fields {e.FieldCount}");
                break;
            case ModuleFileUnreadableException e:
                yield return FailureCodes.ToDiagnostic(e, e.Path);
                break;
            case WorkspaceException e:
                yield return FailureCodes.ToDiagnostic(e, e.WorkFile);
                break;
            case NoModuleDeclarationException e:
                yield return FailureCodes.ToDiagnostic(e, options.ModFile, message: e.Message.Replace(":\n\t", ": ", StringComparison.Ordinal));
                break;
            default:
                yield return FailureCodes.ToDiagnostic(failure, message: GoMessage(failure.Message));
                break;
        }
    }

    /// <summary>go's message without the "go: " command prefix (our diagnostics carry their own code and prefix).</summary>
    internal static string GoMessage(string message) => message.StartsWith("go: ", StringComparison.Ordinal) ? message[4..] : message;

    /// <summary>The state of one restore over its setup.</summary>
    private sealed class Run(RestoreSetup setup)
    {
        private readonly List<Diagnostic> _diagnostics = setup.Warnings.Select(w => FailureCodes.ToDiagnostic(w, setup.ModFile)).ToList();
        private GoModFile _mod = setup.Mod;
        private GoSumFile _sum = setup.Sum;
        private MainModuleFiles _files = new(setup.ModText, setup.SumText);

        private string ModFile => setup.ModFile;

        private readonly List<string> _messages = [];

        private RequirementNotices? _notices;

        private RequirePositions? _positions;
        private GoModFile? _positionsOf;

        /// <summary>The require lines of the go.mod the restore works from now, indexed once per go.mod (thousands of lookups otherwise scan it each).</summary>
        private RequirePositions Positions
        {
            get
            {
                if (_positions is null || !ReferenceEquals(_positionsOf, _mod)) (_positions, _positionsOf) = (_mod.RequirePositionIndex(), _mod);
                return _positions;
            }
        }

        private RestoreResult Result(IReadOnlyList<RestoredModule> modules, int downloaded = 0, long bytes = 0) =>
            new(modules, _diagnostics)
            {
                Mode = setup.Mode, Downloaded = downloaded, DownloadedBytes = bytes, Messages = _messages, Notices = _notices,
                IgnoredDirectories = _ignoredDirectories,
            };

        /// <summary>See <see cref="RestoreResult.IgnoredDirectories"/>; set once the package load is done.</summary>
        private IReadOnlyList<string> _ignoredDirectories = [];

        /// <summary>A failure about a module, on the go.mod line that requires (or replaces) it.</summary>
        private void Report(Exception failure, ModFilePosition? at = null)
        {
            var (code, decisive) = FailureCodes.Decide(failure);
            _diagnostics.Add(decisive switch
            {
                GoEnvironmentException => code.Create(GoMessage(decisive.Message)),
                _ => code.Create(decisive.Message.TrimEnd(), ModFile, at?.Line ?? 0, at?.Column ?? 0),
            });
        }

        private bool Failed => _diagnostics.Any(d => d.IsError);

        private readonly PhaseTimer _phases = PhaseTimer.For(setup.Options);

        public async Task<RestoreResult> RestoreAsync(CancellationToken ct)
        {
            var mode = setup.Mode;
            var module = _mod.Module!;
            var modules = new List<RestoredModule> { new(module.Path, "", setup.ModuleDir, "", "", "", Indirect: false, Main: true) };
            if (mode == ModMode.Vendor) return VendorMode(modules);
            // What to fetch for each published module (its replacement when replaced by a module), and where go.mod names it.
            var fetch = new List<(int Index, ModuleVersion Target, ModFilePosition? At)>();
            var replaces = _mod.Replace;
            foreach (var req in _mod.Require)
            {
                var at = Positions.Of(req.Path, req.Version);
                var replace = replaces.FirstOrDefault(r => r.OldPath == req.Path && r.OldVersion == req.Version)
                              ?? replaces.FirstOrDefault(r => r.OldPath == req.Path && r.OldVersion.Length == 0);
                var replaceAt = replace is null ? null : _mod.PositionOfReplace(req.Path, req.Version);
                if (replace is { IsDirectory: true })
                {
                    var dir = Path.GetFullPath(Path.Combine(setup.ModuleDir, replace.NewPath));
                    if (!Directory.Exists(dir))
                        Report(new ReplacementDirectoryMissingException(new ModuleVersion(req.Path, req.Version), replace.NewPath), replaceAt);
                    modules.Add(new(req.Path, req.Version, Directory.Exists(dir) ? dir : "", "", "", replace.NewPath, req.Indirect, Main: false));
                    continue;
                }

                var target = replace is null ? new ModuleVersion(req.Path, req.Version) : new ModuleVersion(replace.NewPath, replace.NewVersion);
                var where = replace is null ? at : replaceAt;
                try
                {
                    ModulePath.Check(target.Path, target.Version);
                }
                catch (Exception e) when (e is ModulePathException or ModuleException or InvalidVersionException or FormatException)
                {
                    Report(new InvalidRequirementException(target, e), where);
                    continue;
                }
                // go checks go.mod hashes while it loads the module graph, before any zip: go 1.19's wording.
                if (mode != ModMode.Mod && !HasSum(target, goMod: true))
                    Report(MissingGoSumEntryException.ForBuild(target, goMod: true), at);
                fetch.Add((modules.Count, target, where));
                modules.Add(new(req.Path, req.Version, "", FirstHash(target.Path, target.Version), FirstHash(target.Path, target.Version + "/go.mod"),
                    replace is null ? "" : $"{replace.NewPath}@{replace.NewVersion}", req.Indirect, Main: false));
            }
            // Offline (design time) still publishes what the module cache has, whatever is wrong with go.mod's requirements.
            if (Failed && !setup.Options.Offline) return Result(modules);

            if (setup.Options.Offline)
                return await OfflineAsync(modules, fetch, ct).ConfigureAwait(false);
            try
            {
                return await OnlineAsync(modules, fetch.Select(f => (new ModuleVersion(modules[f.Index].Path, modules[f.Index].Version), f.Target)), ct).ConfigureAwait(false);
            }
            catch (GoEnvironmentException e)
            {
                Report(e);
                return Result(modules);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Report(new ModuleCacheWriteException(setup.Environment.ModCache, e));
                return Result(modules);
            }
        }

        private async Task<RestoreResult> OnlineAsync(List<RestoredModule> modules, IEnumerable<(ModuleVersion Required, ModuleVersion Target)> requirements,
            CancellationToken ct)
        {
            var mode = setup.Mode;
            _phases.MarkProcessAge("process-age-at-restore");
            var progress = new DownloadCounter(0, setup.Options.Progress);
            // MVS reads every .mod through the downloader, which checks hashes against go.sum and records new ones
            // (ModMode.Mod): a missing line is MVS's error to report, in go's words, and only -mod=mod writes any.
            var recorder = new GoSumChecker(setup.SumFile, _sum, ModMode.Mod);
            // Only -mod=mod adds go.sum lines, so only then does a new hash need the checksum database's word.
            using var sumDb = mode == ModMode.Mod ? ChecksumDatabase.Create(setup.Environment, setup.Fetch) : null;
            using var downloader = new ModuleDownloader(setup.Environment, recorder, setup.Fetch, sumDb, cache: setup.Cache) { Trees = setup.Trees };
            var source = new DownloaderModuleSource(downloader);
            // go.mod's requirements start downloading now when they are surely the zips fetched below; disposed (what
            // is left stopped and awaited) on every way out.
            await using var ahead = AheadDownloads.Start(setup, _mod, _sum, downloader, requirements, progress, ct);
            // The build list and the package load read the same go.mod: it is parsed once.
            // The graph's go.mod files wait on round trips when the cache is cold: read as many at once as the
            // downloader lets requests be in flight, not as many as there are cores.
            var load = setup.LoadOptions with
            {
                MainModules = new MainModuleCache(),
                MaxParallelism = Math.Max(setup.LoadOptions.MaxParallelism, setup.Fetch.MaxParallelDownloads),
            };
            var listOptions = new ListOptions { ModCache = setup.Environment.ModCache, Mvs = load, BuildListOnly = true };
            _phases.Mark("setup");
            var list = await ModuleReports.ListAsync(setup.ModuleDir, source, ["all"], listOptions, ct).ConfigureAwait(false);
            _phases.Mark("build-list");
            setup.SaveSummaries();
            if (list.ExitCode != 0)
            {
                // The build list alone stops at the graph's first failure; go list -m all's full report looks at every
                // module, so each broken requirement gets its own diagnostic on its own go.mod line.
                list = await ModuleReports.ListAsync(setup.ModuleDir, source, ["all"], listOptions with { BuildListOnly = false }, ct).ConfigureAwait(false);
                _diagnostics.AddRange(CommandDiagnostics(list, _mod, ModFile));
                return Result(modules);
            }
            // go.mod as go list -m all makes it consistent.
            if (mode == ModMode.Mod && list.GoMod is not null) await WriteGoModAsync(list.GoMod, ct).ConfigureAwait(false);

            // The packages go build loads: imports resolved (added under -mod=mod), go.sum kept as go build keeps it.
            // A main module with no package to build keeps go mod download's set and go.sum (list's).
            var packages = await PackageRestore.LoadAsync(setup, source, _files, ct, load.MainModules).ConfigureAwait(false);
            _phases.Mark("package-load");
            setup.SaveSummaries();
            if (packages.Graph is { } graph)
            {
                _messages.AddRange(graph.Messages);
                _ignoredDirectories = PackageRestore.UnloadedIgnoredDirectories(setup.ModuleDir, _mod, graph);
            }
            _diagnostics.AddRange(packages.Diagnostics);
            if (Failed) return Result(modules);
            bool downloadAll = !packages.BuildsPackages;
            if (mode == ModMode.Mod && (downloadAll ? list.GoSum : packages.GoSum) is { } goSum)
            {
                await RestoreSetup.WriteModuleFileAsync(setup.SumFile, goSum, ct).ConfigureAwait(false);
                _sum = GoSumFile.Parse(setup.SumFile, goSum);
                _files = _files with { GoSum = goSum };
            }
            if (!downloadAll && packages.GoMod is not null)
            {
                await WriteGoModAsync(packages.GoMod, ct).ConfigureAwait(false);
                // New requirements: the build list is listed again from the go.mod written.
                list = await ModuleReports.ListAsync(setup.ModuleDir, source, ["all"], listOptions with { Mvs = load with { Files = _files } }, ct).ConfigureAwait(false);
                if (list.ExitCode != 0)
                {
                    _diagnostics.AddRange(CommandDiagnostics(list, _mod, ModFile));
                    return Result(modules);
                }
            }

            var buildList = list.Modules.Where(m => !m.Main).ToList();
            modules = [modules[0]];
            var origin = new Dictionary<ModuleVersion, (int Index, ModFilePosition? At)>();
            foreach (var m in buildList)
            {
                var at = Positions.Of(m.Path, m.Version);
                if (m.Replace is { Version.Length: 0 } dirRepl)
                {
                    modules.Add(new(m.Path, m.Version, Directory.Exists(m.Dir) ? m.Dir : "", "", "", dirRepl.Path, m.Indirect, Main: false));
                    continue;
                }
                var target = m.Replace is { } r ? new ModuleVersion(r.Path, r.Version) : new ModuleVersion(m.Path, m.Version);
                origin[target] = (modules.Count, m.Replace is null ? at : _mod.PositionOfReplace(m.Path, m.Version) ?? at);
                modules.Add(new(m.Path, m.Version, m.Dir, FirstHash(target.Path, target.Version), FirstHash(target.Path, target.Version + "/go.mod"),
                    m.Replace is { } rr ? $"{rr.Path}@{rr.Version}" : "", m.Indirect, Main: false));
            }

            // go build extracts the modules it looked into for packages (of the build list), not every requirement.
            var targets = downloadAll
                ? ModDownload.Targets(_mod, buildList.Select(m => new ModuleVersion(m.Path, m.Version)))
                : packages.Zips.Where(origin.ContainsKey).ToList();

            // Under readonly a zip needs its go.sum line before anything is fetched (go 1.19's wording).
            if (mode != ModMode.Mod)
                foreach (var t in targets)
                    if (!recorder.HasSum(t, goMod: false) && origin.TryGetValue(t, out var o))
                        Report(MissingGoSumEntryException.ForBuild(t, goMod: false), o.At);
            if (Failed) return Result(modules);

            progress.Total = targets.Count;
            _phases.Mark("targets");
            // The retraction and deprecation checks wait on the network for each direct requirement's latest version;
            // the build list and go.mod are final here, so they run while the zips are downloaded and extracted (which
            // wait on the disk and the CPU) and while vendor/ is written.
            var notices = Task.Run(() => LookUpNoticesAsync(source, load, list.Modules, ct), ct);
            var results = await downloader.DownloadAsync(targets, DownloadParts.Build, progress, ct).ConfigureAwait(false);
            foreach (var r in results)
            {
                var (index, at) = origin[r.Module];
                if (r.Succeeded)
                    modules[index] = modules[index] with { Dir = r.Dir ?? "", Sum = r.Sum ?? modules[index].Sum, GoModSum = r.GoModSum ?? modules[index].GoModSum };
                else
                    Report(r.Exception is IOException or UnauthorizedAccessException && r.Exception is not ModuleException
                        ? new ModuleCacheWriteException(setup.Environment.ModCache, r.Exception)
                        : r.Exception ?? new ModuleFetchException(r.Module.Path, r.Module.Version, r.Error ?? "download failed"), at);
            }
            var downloaded = results.Count(r => r.Succeeded && r.Downloaded);
            setup.SaveTrees();
            _phases.Mark("download-extract");
            if (Failed)
            {
                await EndQuietlyAsync(notices).ConfigureAwait(false);
                return Result(modules);
            }
            if (mode == ModMode.Mod && downloadAll)
            {
                // go mod download adds the zip hashes of what it fetched; go list -m all already wrote the go.mod hashes.
                var targetSet = targets.ToHashSet();
                await downloader.SaveGoSumAsync(ct,
                    (path, version) => !version.EndsWith("/go.mod", StringComparison.Ordinal) && targetSet.Contains(new ModuleVersion(path, version))).ConfigureAwait(false);
            }

            if (setup.Options.WriteVendor)
            {
                await WriteVendorAsync(source, modules, async (missing, token) =>
                {
                    // Modules go mod vendor needs that go build did not (files excluded by the host's tags).
                    var byIndex = origin.ToDictionary(o => o.Value.Index, o => o.Key);
                    var wanted = new Dictionary<ModuleVersion, int>();
                    foreach (var m in missing)
                    {
                        var index = modules.FindIndex(x => !x.Main && x.Path == m.Path && x.Version == m.Version);
                        if (index >= 0 && byIndex.TryGetValue(index, out var target)) wanted[target] = index;
                    }
                    var dirs = new Dictionary<ModuleVersion, string>();
                    var failures = new List<Exception>();
                    foreach (var r in await downloader.DownloadAsync([.. wanted.Keys], DownloadParts.Build, null, token).ConfigureAwait(false))
                    {
                        var index = wanted[r.Module];
                        if (r.Succeeded && r.Dir is { Length: > 0 } dir)
                        {
                            modules[index] = modules[index] with { Dir = dir };
                            dirs[new ModuleVersion(modules[index].Path, modules[index].Version)] = dir;
                        }
                        else failures.Add(r.Exception ?? new ModuleFetchException(r.Module.Path, r.Module.Version, r.Error ?? "download failed"));
                    }
                    return (dirs, failures);
                }, ct).ConfigureAwait(false);
                if (Failed)
                {
                    await EndQuietlyAsync(notices).ConfigureAwait(false);
                    return Result(modules);
                }
            }

            _phases.Mark("vendor");
            ReportNotices(await notices.ConfigureAwait(false));
            _phases.Mark("retractions");
            foreach (var f in await ImportCommentStep.CheckAsync(setup, packages.Graph, modules, ct).ConfigureAwait(false))
                _diagnostics.Add(FailureCodes.ToDiagnostic(f, f.File, f.Line, f.Column));
            _phases.Mark("import-comments");
            setup.SaveSourceFacts();
            _phases.Mark("source-facts-save");
            progress.Finish();
            return Result(modules, downloaded, progress.Bytes);
        }

        /// <summary>Writes go.mod under <c>-mod=mod</c> and reads the restore's view of it again.</summary>
        private async Task WriteGoModAsync(string text, CancellationToken ct)
        {
            await RestoreSetup.WriteModuleFileAsync(ModFile, text, ct).ConfigureAwait(false);
            _mod = GoModFile.Parse(ModFile, text);
            _files = _files with { GoMod = text };
        }

        /// <summary>
        /// <c>-mod=vendor</c>: the build list from vendor/modules.txt, checked against go.mod; no network, no module cache.
        /// </summary>
        private RestoreResult VendorMode(List<RestoredModule> modules)
        {
            try
            {
                return Result(VendorRestore.BuildList(setup));
            }
            catch (Exception e) when (e is InconsistentVendoringException or ModuleFileUnreadableException)
            {
                Report(e);
                return Result(modules);
            }
        }

        /// <summary>
        /// <c>GoVendor=true</c>: vendor/ written as <c>go mod vendor</c> writes it, from the modules just restored; the files
        /// written are recorded in the vendor list file, so that <c>GoModClean</c> removes a vendor/ the SDK wrote and
        /// never one made by hand.
        /// </summary>
        private async Task WriteVendorAsync(IModuleSource source, IReadOnlyList<RestoredModule> modules,
            Func<IReadOnlyList<ModuleVersion>, CancellationToken, Task<(IReadOnlyDictionary<ModuleVersion, string> Dirs, IReadOnlyList<Exception> Failures)>> extract,
            CancellationToken ct)
        {
            var cgo = setup.Target.Cgo;
            var (written, failures) = await VendorRestore.WriteAsync(setup, _mod, source, setup.LoadOptions with { Files = _files }, modules, extract, cgo, ct).ConfigureAwait(false);
            foreach (var f in failures) Report(f, f is ModuleException m ? Positions.Of(m.Path) : null);
            if (written is null || setup.Options.VendorListFile is not { Length: > 0 } list) return;
            var vendorDir = Path.Combine(setup.ModuleDir, "vendor");
            if (written.Files.Count == 0)
            {
                if (File.Exists(list)) File.Delete(list);
                return;
            }
            AtomicFile.WriteIfChanged(list, System.Text.Encoding.UTF8.GetBytes(string.Concat(written.Files.Select(f =>
                Path.Combine([vendorDir, .. f.Split('/')]) + "\n"))));
        }

        /// <summary>
        /// Design-time builds never use the network: the build list is
        /// computed by MVS from the module cache alone (its <c>cache/download</c> read as a proxy directory) and, when the
        /// cache cannot answer, go.mod's own requirements are published. Only extracted modules get a <c>Dir</c>.
        /// </summary>
        private async Task<RestoreResult> OfflineAsync(List<RestoredModule> modules, List<(int Index, ModuleVersion Target, ModFilePosition? At)> fetch,
            CancellationToken ct)
        {
            var download = setup.Cache.DownloadDirectory;
            if (Directory.Exists(download))
            {
                var list = await ModuleReports.ListAsync(setup.ModuleDir, new DirectoryModuleSource(download), ["all"],
                    new ListOptions { ModCache = setup.Environment.ModCache, Mvs = setup.LoadOptions with { ReadOnly = true } }, ct).ConfigureAwait(false);
                if (list.ExitCode == 0)
                {
                    var published = new List<RestoredModule> { modules[0] };
                    foreach (var m in list.Modules.Where(m => !m.Main))
                    {
                        var target = m.Replace is { Version.Length: > 0 } r ? new ModuleVersion(r.Path, r.Version) : new ModuleVersion(m.Path, m.Version);
                        var replace = m.Replace is null ? "" : m.Replace.Version.Length == 0 ? m.Replace.Path : $"{m.Replace.Path}@{m.Replace.Version}";
                        var dir = m.Dir.Length > 0 || m.Replace is { Version.Length: 0 } ? m.Dir : ExtractedDir(target);
                        published.Add(new(m.Path, m.Version, dir, FirstHash(target.Path, target.Version), FirstHash(target.Path, target.Version + "/go.mod"),
                            replace, m.Indirect, Main: false));
                        if (dir.Length == 0 && m.Replace is not { Version.Length: 0 }) NotInCache(target, m.Path);
                    }
                    return Result(published);
                }
            }
            foreach (var (index, target, at) in fetch)
            {
                if (ExtractedDir(target) is { Length: > 0 } dir) modules[index] = modules[index] with { Dir = dir };
                else NotInCache(target, modules[index].Path);
            }
            return Result(modules);
        }

        /// <summary>
        /// Where <paramref name="target"/> is extracted in the module cache, or empty: at design time <c>Dir</c> says whether
        /// the files are there, whatever go.sum says yet (go list leaves it empty for a module without a go.sum line).
        /// </summary>
        private string ExtractedDir(ModuleVersion target)
        {
            try
            {
                return target.Version.Length > 0 && setup.Cache.GetExtractedState(target) == ExtractedState.Complete ? setup.Cache.ModuleDir(target) : "";
            }
            catch (Exception e) when (e is ModuleException or ModulePathException or InvalidVersionException)
            {
                return "";
            }
        }

        /// <summary>A design-time build's note that a module is not extracted in the module cache yet (its <c>Dir</c> stays empty).</summary>
        private void NotInCache(ModuleVersion target, string requiredPath)
        {
            if (setup.Options.Offline) Report(new ModuleNotInCacheException(target), Positions.Of(requiredPath));
        }

        /// <summary>No warnings after a failure: the checks only have to end (and their failure be observed) before the downloader goes.</summary>
        private static async Task EndQuietlyAsync(Task checks)
        {
            await Task.WhenAny(checks).ConfigureAwait(false);
            _ = checks.Exception;
        }

        /// <summary>
        /// go get's warnings about the modules the main module requires directly, for their selected versions, each placed
        /// on its require line: GOMOD0350 is go's <c>go: warning: path@v: retracted by module author[: rationale]</c> and
        /// GOMOD0351 its <c>go: module path is deprecated: message</c>, without the <c>go: [warning: ]</c> prefix. As go
        /// does, only the first rationale is shown, and the message is cut to its first line (go's <c>ShortMessage</c>);
        /// go's separate "to switch to the latest unretracted version" line is the descriptor's fix. They need each
        /// module's latest go.mod; a failure to read it is no warning (and never an error).
        /// </summary>
        /// <remarks>
        /// go build makes no such lookup, so the restore makes each only once: a direct requirement whose selected
        /// version has a notice from the previous restore under the same proxy settings (<see cref="RestoreOptions.KnownNotices"/>)
        /// takes it from there, and only the others are looked up (none after an edit that changes no direct
        /// requirement). A lookup that failed is not recorded, so the next restore tries it again.
        /// <para>The lookups wait on the network; the build list and go.mod are final when they start, so they run while the
        /// zips are downloaded and extracted and vendor/ is written, and <see cref="ReportNotices"/> turns them into
        /// warnings afterwards.</para>
        /// </remarks>
        private async Task<IReadOnlyList<RequirementNotice>> LookUpNoticesAsync(IModuleSource source, LoadOptions load, IReadOnlyList<ModuleInfo> buildList, CancellationToken ct)
        {
            var direct = _mod.Require.Where(r => !r.Indirect).Select(r => r.Path).Distinct(StringComparer.Ordinal).ToList();
            if (direct.Count == 0) return [];
            var sourceKey = RequirementNotices.SourceOf(setup.Environment);
            if (RequirementNotices.NoLookupCanSucceed(setup.Environment))
            {
                // GOPROXY=off (and no GONOPROXY to go direct): every lookup would fail, which is no warning and nothing
                // to record, so none is made (each would be an exception thrown and caught per module).
                _notices = new RequirementNotices(sourceKey, []);
                return [];
            }
            var known = setup.Options.KnownNotices?.For(sourceKey) ?? [];
            var selected = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var m in buildList) selected.TryAdd(m.Path, m.Version);
            var notices = new List<RequirementNotice>();
            var recorded = new List<RequirementNotice>();
            var lookUp = new List<string>();
            foreach (var path in direct)
            {
                if (selected.TryGetValue(path, out var version) && known.TryGetValue((path, version), out var notice)) notices.Add(notice);
                else lookUp.Add(path);
            }
            recorded.AddRange(notices);
            if (lookUp.Count > 0)
            {
                var report = await ModuleReports.ListAsync(setup.ModuleDir, source, lookUp,
                    new ListOptions { Update = true, Retracted = true, Mvs = load with { ReadOnly = true, Files = _files } }, ct).ConfigureAwait(false);
                foreach (var m in report.Modules)
                {
                    var notice = new RequirementNotice(m.Path, m.Version, m.Deprecated, m.Retracted);
                    notices.Add(notice);
                    if (m.Error is null && m.Version.Length > 0) recorded.Add(notice);
                }
            }
            _notices = new RequirementNotices(sourceKey, [.. recorded.OrderBy(n => n.Path, StringComparer.Ordinal)]);
            return notices;
        }

        /// <summary>The warnings of <see cref="LookUpNoticesAsync"/>'s notices, on the go.mod lines of the modules.</summary>
        private void ReportNotices(IReadOnlyList<RequirementNotice> notices)
        {
            foreach (var m in notices.OrderBy(n => n.Path, StringComparer.Ordinal))
            {
                // The require line may name an older version than MVS selected: the line of the path is still the one to change.
                var at = Positions.Of(m.Path, m.Version) ?? Positions.Of(m.Path);
                if (m.Deprecated.Length > 0 && DisallowedVersionException.ShortMessage(m.Deprecated, "").Length > 0)
                    Report(new ModuleDeprecatedException(m.Path, m.Deprecated), at);
                if (m.Retracted.Count > 0)
                    Report(new ModuleRetractedException(new ModuleVersion(m.Path, m.Version), m.Retracted), at);
            }
        }

        private bool HasSum(ModuleVersion m, bool goMod) => _sum.Lookup(m.Path, goMod ? m.Version + "/go.mod" : m.Version).Count > 0;

        /// <summary>The h1: hash go.sum records for the key (the first, if several), else its first hash, else "".</summary>
        private string FirstHash(string path, string version)
        {
            var hashes = _sum.Lookup(path, version);
            return hashes.FirstOrDefault(h => h.StartsWith(DirHash.Prefix, StringComparison.Ordinal)) ?? hashes.FirstOrDefault() ?? "";
        }
    }

    /// <summary>
    /// A failed go command (the graph of the restore, a report, go get) as diagnostics, one per failure it reports, each
    /// in go's words without the <c>go: </c> prefix: a graph error on the main go.mod line its requirement chain starts
    /// from, a module's error on the line that requires (or replaces) that module; the code is that of the failure's
    /// most telling cause (<see cref="FailureCodes"/>).
    /// </summary>
    internal static IReadOnlyList<Diagnostic> CommandDiagnostics(GoOutput output, GoModFile mod, string modFile)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var failure in output.Failures)
        {
            var (file, line, column) = ModuleReports.LocationOf(failure) ?? Locate(failure, mod, modFile);
            var d = FailureCodes.ToDiagnostic(failure, file, line, column, GoMessage(failure.Message.TrimEnd('\n')));
            // go may report one module twice (its .info, then the graph's read of its .mod): one diagnostic a place and kind.
            if (!diagnostics.Any(x => x.Code == d.Code && x.File == d.File && x.Line == d.Line && (d.Line > 0 || x.Message == d.Message))) diagnostics.Add(d);
        }
        if (diagnostics.Count == 0)
        {
            // A command that failed without a typed failure: go's text, as the command's own failure.
            var text = string.Join("\n", output.StdErr.TrimEnd('\n').Split('\n')
                .Where(l => !l.StartsWith("go: downloading ", StringComparison.Ordinal)).Select(GoMessage));
            diagnostics.Add(FailureCodes.ToDiagnostic(new GoCommandException(text), modFile));
        }
        return diagnostics;
    }

    /// <summary>The go.mod line of the module a failure is about (its require line, else the replace line that brings it in).</summary>
    private static (string File, int Line, int Column) Locate(Exception failure, GoModFile mod, string modFile)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is not ModuleException { Path.Length: > 0 } m) continue;
            var at = mod.PositionOfRequire(m.Path);
            if (at is null && mod.Replace.FirstOrDefault(r => r.NewPath == m.Path) is { } r) at = mod.PositionOfReplace(r.OldPath, r.OldVersion);
            if (at is { } p) return (modFile, p.Line, p.Column);
        }
        return (modFile, 0, 0);
    }

    /// <summary>
    /// Turns per-module download events into "done of total, bytes" progress. Silent while everything comes from the
    /// module cache: a restore with nothing to download shows nothing.
    /// </summary>
    private sealed class DownloadCounter(int total, IProgress<RestoreProgress>? sink) : IProgress<DownloadProgress>
    {
        /// <summary>How many modules the restore downloads (known once the build list is; downloads may start before).</summary>
        public int Total { get; set; } = total;

        private int _done;
        private long _bytes;
        private int _network;

        public long Bytes => Interlocked.Read(ref _bytes);

        public void Report(DownloadProgress value)
        {
            switch (value.Stage)
            {
                case DownloadStage.Downloading:
                    Interlocked.Exchange(ref _network, 1);
                    return;
                case DownloadStage.Downloaded:
                    Interlocked.Add(ref _bytes, value.Bytes ?? 0);
                    return;
                case DownloadStage.Cached or DownloadStage.Completed or DownloadStage.Failed:
                    var done = Interlocked.Increment(ref _done);
                    if (Volatile.Read(ref _network) == 1 && done < Total) sink?.Report(new RestoreProgress(done, Total, Bytes));
                    return;
            }
        }

        /// <summary>The last step, once everything is in (reported only when something was downloaded).</summary>
        public void Finish()
        {
            if (Volatile.Read(ref _network) == 1) sink?.Report(new RestoreProgress(Volatile.Read(ref _done), Total, Bytes));
        }
    }
}
