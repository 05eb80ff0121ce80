using GoMod.Core.Diagnostics;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Internal;
using GoMod.Core.ModCache;
using GoMod.Core.ModFile;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Reports;
using GoMod.Core.Semver;
using GoMod.Core.Sum;

namespace GoMod.Core.Restore;

/// <summary>
/// The restore as the SDK runs it, without MSBuild: validate the settings, read go.mod and go.sum, compute the build
/// list, download what it needs into the module cache (every .mod and .zip checked against go.sum), and report
/// everything that is wrong as <see cref="Diagnostic"/> data (never by throwing, except for cancellation). The MSBuild
/// task is a thin adapter over <see cref="RestoreAsync"/>.
/// </summary>
/// <remarks>
/// The build list is go's (<c>go list -m all</c>: MVS with graph pruning, replace and exclude from the main module),
/// read through the module proxy and cache; the zips downloaded are those <c>go mod download</c> fetches (from go 1.17
/// the modules go.mod requires, which are all the modules that provide packages).
/// </remarks>
public sealed class ModuleRestorer
{
    /// <summary>Runs one restore. Throws only <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.</summary>
    public async Task<RestoreResult> RestoreAsync(RestoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var diagnostics = new List<Diagnostic>();

        var explicitMode = ParseModMode(options.ModMode, diagnostics);
        CheckImportComments(options.ImportComments, diagnostics);
        var env = ResolveEnvironment(options, diagnostics);
        if (env is null || diagnostics.Any(d => d.IsError)) return new RestoreResult([], diagnostics);

        var modFile = options.ModFile;
        if (!File.Exists(modFile))
        {
            diagnostics.Add(DiagnosticCodes.ModFileNotFound.Create($"go.mod file not found: {modFile}"));
            return new RestoreResult([], diagnostics);
        }
        GoModFile mod;
        try
        {
            mod = GoModFile.Parse(modFile, await FileLock.ReadAllTextAsync(modFile, cancellationToken).ConfigureAwait(false) ?? "");
        }
        catch (ModFileParseException e)
        {
            foreach (var error in e.Errors)
                diagnostics.Add(DiagnosticCodes.ModFileSyntax.Create(error.Message, modFile, error.Line, error.Column));
            return new RestoreResult([], diagnostics);
        }
        if (mod.Module is not { } module)
        {
            diagnostics.Add(DiagnosticCodes.NoModuleDeclaration.Create("no module declaration in go.mod. To specify the module path: go mod edit -module=example.com/mod", modFile));
            return new RestoreResult([], diagnostics);
        }

        var moduleDir = Path.GetDirectoryName(Path.GetFullPath(modFile))!;
        var mode = explicitMode ?? env.Flags.Mod ?? DefaultMode(moduleDir, mod.Go ?? "");
        if (mode == ModMode.Vendor)
            diagnostics.Add(DiagnosticCodes.NotSupportedYet.Create(
                "-mod=vendor: reading modules from vendor/ is not supported by this version of GoMod.Sdk; they are resolved from the module cache instead.",
                modFile));
        if (options.WriteVendor)
            diagnostics.Add(DiagnosticCodes.NotSupportedYet.Create(
                "GoVendor=true: writing vendor/ is not supported by this version of GoMod.Sdk; run 'go mod vendor' instead.", modFile));

        var sum = await ReadSumAsync(options.SumFile, diagnostics, cancellationToken).ConfigureAwait(false);
        if (sum is null) return new RestoreResult([], diagnostics) { Mode = mode };
        var checker = new GoSumChecker(options.SumFile, sum, mode);

        cancellationToken.ThrowIfCancellationRequested();
        var cache = new ModuleCache(env.ModCache);
        var modules = new List<RestoredModule> { new(module.Path, "", moduleDir, "", "", "", Indirect: false, Main: true) };
        // What to fetch for each published module (its replacement when replaced by a module), and where go.mod names it.
        var fetch = new List<(int Index, ModuleVersion Target, ModFilePosition? At)>();
        foreach (var req in mod.Require)
        {
            var at = mod.PositionOfRequire(req.Path, req.Version);
            var replace = mod.Replace.FirstOrDefault(r => r.OldPath == req.Path && r.OldVersion == req.Version)
                          ?? mod.Replace.FirstOrDefault(r => r.OldPath == req.Path && r.OldVersion.Length == 0);
            var replaceAt = replace is null ? null : mod.PositionOfReplace(req.Path, req.Version);
            if (replace is { IsDirectory: true })
            {
                var dir = Path.GetFullPath(Path.Combine(moduleDir, replace.NewPath));
                if (!Directory.Exists(dir))
                    diagnostics.Add(DiagnosticCodes.ReplacementDirectoryMissing.Create(
                        $"{req.Path}@{req.Version}: replacement directory {replace.NewPath} does not exist", modFile, replaceAt?.Line ?? 0, replaceAt?.Column ?? 0));
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
                diagnostics.Add(DiagnosticCodes.InvalidRequirement.Create(e.Message, modFile, where?.Line ?? 0, where?.Column ?? 0));
                continue;
            }
            // go checks go.mod hashes while it loads the module graph, before any zip: go 1.19's wording.
            if (mode != ModMode.Mod && !checker.HasSum(target, goMod: true))
                diagnostics.Add(DiagnosticCodes.MissingSum.Create(
                    $"{target}: missing go.sum entry; to add it: go mod download {target.Path}", modFile, at?.Line ?? 0, at?.Column ?? 0));
            fetch.Add((modules.Count, target, where));
            modules.Add(new(req.Path, req.Version, "", FirstHash(sum, target.Path, target.Version), FirstHash(sum, target.Path, target.Version + "/go.mod"),
                replace is null ? "" : $"{replace.NewPath}@{replace.NewVersion}", req.Indirect, Main: false));
        }
        if (diagnostics.Any(d => d.IsError)) return new RestoreResult(modules, diagnostics) { Mode = mode };

        if (options.Offline || mode == ModMode.Vendor)
            return await OfflineAsync(options, env, moduleDir, modules, fetch, diagnostics, mode, cancellationToken).ConfigureAwait(false);

        var progress = new DownloadCounter(0, options.Progress);
        int downloaded;
        try
        {
            // MVS reads every .mod through the downloader, which checks hashes against go.sum and records new ones
            // (ModMode.Mod): a missing line is MVS's error to report, in go's words, and only -mod=mod writes any.
            var recorder = new GoSumChecker(options.SumFile, sum, ModMode.Mod);
            using var downloader = new ModuleDownloader(env, recorder, options.Fetch);
            var source = new DownloaderModuleSource(downloader);
            var mvs = new LoadOptions { ReadOnly = mode != ModMode.Mod, ModFlagExplicit = explicitMode is not null || env.Flags.Mod is not null };
            var list = await ModuleReports.ListAsync(moduleDir, source, ["all"], new ListOptions { ModCache = env.ModCache, Mvs = mvs }, cancellationToken).ConfigureAwait(false);
            if (list.ExitCode != 0)
            {
                diagnostics.Add(GraphDiagnostic(list, modFile));
                return new RestoreResult(modules, diagnostics) { Mode = mode };
            }
            if (mode == ModMode.Mod)
            {
                // go list -m all's own go.mod and go.sum updates (consistent roots, go.mod hashes it read).
                if (list.GoMod is not null) AtomicFile.WriteIfChanged(modFile, System.Text.Encoding.UTF8.GetBytes(list.GoMod));
                if (list.GoSum is not null)
                {
                    AtomicFile.WriteIfChanged(options.SumFile, System.Text.Encoding.UTF8.GetBytes(list.GoSum));
                    sum = GoSumFile.Parse(options.SumFile, list.GoSum);
                }
                if (list.GoMod is not null) mod = GoModFile.Parse(modFile, list.GoMod);
            }

            var buildList = list.Modules.Where(m => !m.Main).ToList();
            var targets = ModDownload.Targets(mod, buildList.Select(m => new ModuleVersion(m.Path, m.Version)));
            var targetSet = targets.ToHashSet();
            modules = [modules[0]];
            var origin = new Dictionary<ModuleVersion, (int Index, ModFilePosition? At)>();
            foreach (var m in buildList)
            {
                var at = mod.PositionOfRequire(m.Path, m.Version);
                if (m.Replace is { Version.Length: 0 } dirRepl)
                {
                    modules.Add(new(m.Path, m.Version, Directory.Exists(m.Dir) ? m.Dir : "", "", "", dirRepl.Path, m.Indirect, Main: false));
                    continue;
                }
                var target = m.Replace is { } r ? new ModuleVersion(r.Path, r.Version) : new ModuleVersion(m.Path, m.Version);
                origin[target] = (modules.Count, m.Replace is null ? at : mod.PositionOfReplace(m.Path, m.Version) ?? at);
                modules.Add(new(m.Path, m.Version, m.Dir, FirstHash(sum, target.Path, target.Version), FirstHash(sum, target.Path, target.Version + "/go.mod"),
                    m.Replace is { } rr ? $"{rr.Path}@{rr.Version}" : "", m.Indirect, Main: false));
            }

            // Under readonly a zip needs its go.sum line before anything is fetched (go 1.19's wording).
            if (mode != ModMode.Mod)
                foreach (var t in targets)
                    if (!recorder.HasSum(t, goMod: false) && origin.TryGetValue(t, out var o))
                        diagnostics.Add(DiagnosticCodes.MissingSum.Create(
                            $"{t}: missing go.sum entry; to add it: go mod download {t.Path}", modFile, o.At?.Line ?? 0, o.At?.Column ?? 0));
            if (diagnostics.Any(d => d.IsError)) return new RestoreResult(modules, diagnostics) { Mode = mode };

            progress = new DownloadCounter(targets.Count, options.Progress);
            var results = await downloader.DownloadAsync(targets, DownloadParts.Build, progress, cancellationToken).ConfigureAwait(false);
            foreach (var r in results)
            {
                var (index, at) = origin[r.Module];
                if (r.Succeeded)
                    modules[index] = modules[index] with { Dir = r.Dir ?? "", Sum = r.Sum ?? modules[index].Sum, GoModSum = r.GoModSum ?? modules[index].GoModSum };
                else
                    diagnostics.Add(FetchDiagnostic(r.Exception, r.Error ?? "", modFile, at));
            }
            downloaded = results.Count(r => r.Succeeded && !r.FromCache);
            if (diagnostics.Any(d => d.IsError)) return new RestoreResult(modules, diagnostics) { Mode = mode };
            if (mode == ModMode.Mod)
                // go build adds the zip hashes of the modules it builds; MVS already wrote the go.mod hashes go keeps.
                await downloader.SaveGoSumAsync(cancellationToken,
                    (path, version) => !version.EndsWith("/go.mod", StringComparison.Ordinal) && targetSet.Contains(new ModuleVersion(path, version))).ConfigureAwait(false);

            await AddRetractionWarningsAsync(moduleDir, source, mod, mvs, modFile, diagnostics, cancellationToken).ConfigureAwait(false);
        }
        catch (FetchConfigurationException e)
        {
            diagnostics.Add(DiagnosticCodes.InvalidGoEnvironment.Create(GoMessage(e.Message)));
            return new RestoreResult(modules, diagnostics) { Mode = mode };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCodes.CacheWriteFailed.Create(e.Message, options.SumFile));
            return new RestoreResult(modules, diagnostics) { Mode = mode };
        }
        progress.Finish();
        return new RestoreResult(modules, diagnostics) { Mode = mode, Downloaded = downloaded, DownloadedBytes = progress.Bytes };
    }

    /// <summary>
    /// Design-time builds (and, until vendor/ is supported, vendor mode) never use the network: the build list is
    /// computed by MVS from the module cache alone (its <c>cache/download</c> read as a proxy directory) and, when the
    /// cache cannot answer, go.mod's own requirements are published. Only extracted modules get a <c>Dir</c>.
    /// </summary>
    private static async Task<RestoreResult> OfflineAsync(RestoreOptions options, GoEnvironment env, string moduleDir,
        List<RestoredModule> modules, List<(int Index, ModuleVersion Target, ModFilePosition? At)> fetch, List<Diagnostic> diagnostics,
        ModMode mode, CancellationToken cancellationToken)
    {
        var cache = new ModuleCache(env.ModCache);
        var download = Path.Combine(env.ModCache, "cache", "download");
        if (Directory.Exists(download))
        {
            var list = await ModuleReports.ListAsync(moduleDir, new DirectoryModuleSource(download), ["all"],
                new ListOptions { ModCache = env.ModCache, Mvs = new LoadOptions { ReadOnly = true } }, cancellationToken).ConfigureAwait(false);
            if (list.ExitCode == 0)
            {
                var published = new List<RestoredModule> { modules[0] };
                var sum = await ReadSumAsync(options.SumFile, [], cancellationToken).ConfigureAwait(false) ?? new GoSumFile(options.SumFile);
                foreach (var m in list.Modules.Where(m => !m.Main))
                {
                    var target = m.Replace is { Version.Length: > 0 } r ? new ModuleVersion(r.Path, r.Version) : new ModuleVersion(m.Path, m.Version);
                    var replace = m.Replace is null ? "" : m.Replace.Version.Length == 0 ? m.Replace.Path : $"{m.Replace.Path}@{m.Replace.Version}";
                    published.Add(new(m.Path, m.Version, m.Dir, FirstHash(sum, target.Path, target.Version), FirstHash(sum, target.Path, target.Version + "/go.mod"),
                        replace, m.Indirect, Main: false));
                }
                return new RestoreResult(published, diagnostics) { Mode = mode };
            }
        }
        foreach (var (index, target, _) in fetch)
            if (cache.GetExtractedState(target) == ExtractedState.Complete) modules[index] = modules[index] with { Dir = cache.ModuleDir(target) };
        return new RestoreResult(modules, diagnostics) { Mode = mode };
    }

    /// <summary>
    /// go get's warnings about the modules the main module requires directly, for their selected versions, each placed
    /// on its require line: GOMOD0350 is go's <c>go: warning: path@v: retracted by module author[: rationale]</c> and
    /// GOMOD0351 its <c>go: module path is deprecated: message</c>, without the <c>go: [warning: ]</c> prefix. As go
    /// does, only the first rationale is shown, and the message is cut to its first line (go's <c>ShortMessage</c>);
    /// go's separate "to switch to the latest unretracted version" line is the descriptor's fix. They need each
    /// module's latest go.mod; a failure to read it is no warning (and never an error).
    /// </summary>
    private static async Task AddRetractionWarningsAsync(string moduleDir, IModuleSource source, GoModFile mod, LoadOptions mvs, string modFile,
        List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var direct = mod.Require.Where(r => !r.Indirect).Select(r => r.Path).Distinct(StringComparer.Ordinal).ToList();
        if (direct.Count == 0) return;
        var report = await ModuleReports.ListAsync(moduleDir, source, direct,
            new ListOptions { Update = true, Retracted = true, Mvs = mvs with { ReadOnly = true } }, cancellationToken).ConfigureAwait(false);
        foreach (var m in report.Modules.OrderBy(m => m.Path, StringComparer.Ordinal))
        {
            // The require line may name an older version than MVS selected: the line of the path is still the one to change.
            var at = mod.PositionOfRequire(m.Path, m.Version) ?? mod.PositionOfRequire(m.Path);
            if (m.Deprecated.Length > 0 && DisallowedVersionException.ShortMessage(m.Deprecated, "") is { Length: > 0 } deprecation)
                diagnostics.Add(DiagnosticCodes.Deprecated.Create($"module {m.Path} is deprecated: {deprecation}", modFile, at?.Line ?? 0, at?.Column ?? 0));
            if (m.Retracted.Count > 0)
                diagnostics.Add(DiagnosticCodes.Retracted.Create($"{m.Path}@{m.Version}: {RetractionMessage(m.Retracted)}", modFile, at?.Line ?? 0, at?.Column ?? 0));
        }
    }

    /// <summary>
    /// go's retraction error text from <c>go list -retracted</c>'s rationale list, which stands in
    /// <c>retracted by module author</c> for a retraction without a rationale (then go prints no rationale either).
    /// </summary>
    private static string RetractionMessage(IReadOnlyList<string> rationale)
    {
        const string Retracted = "retracted by module author";
        return rationale is [Retracted] ? Retracted : $"{Retracted}: {DisallowedVersionException.ShortMessage(rationale[0], Retracted)}";
    }

    /// <summary>
    /// A module-graph failure as one diagnostic: go's message (with its requirement chain) without the <c>go: </c>
    /// prefix, placed on the main go.mod line the chain starts from. A go.sum mismatch met on the way stays a
    /// SECURITY ERROR (GOMOD0103), a missing go.sum line GOMOD0102, a needed go.mod update under readonly GOMOD0305.
    /// </summary>
    internal static Diagnostic GraphDiagnostic(GoOutput output, string modFile)
    {
        var lines = output.StdErr.TrimEnd('\n').Split('\n').Where(l => !l.StartsWith("go: downloading ", StringComparison.Ordinal));
        var message = string.Join("\n", lines.Select(l => l.StartsWith("go: ", StringComparison.Ordinal) ? l[4..] : l));
        var (file, line, column) = output.ErrorLocation ?? (modFile, 0, 0);
        var code = message.Contains("SECURITY ERROR", StringComparison.Ordinal) ? DiagnosticCodes.ChecksumMismatch
            : message.Contains("missing go.sum entry", StringComparison.Ordinal) ? DiagnosticCodes.MissingSum
            : message.Contains("updates to go.mod needed", StringComparison.Ordinal) ? DiagnosticCodes.ModFileUpdateNeeded
            : message.Contains(DisabledLookupException.Off, StringComparison.Ordinal) ? DiagnosticCodes.LookupDisabled
            : DiagnosticCodes.ModuleGraphError;
        return code.Create(message, file, line, column);
    }

    /// <summary>
    /// A failed download as a diagnostic, placed on the go.mod line that requires (or replaces) the module: a hash
    /// that differs from go.sum is go's SECURITY ERROR (GOMOD0103), a missing go.sum line in readonly mode says what to
    /// run (GOMOD0102), and proxy failures tell "not found" (GOMOD0201) from "GOPROXY=off" (GOMOD0203) and other errors.
    /// </summary>
    internal static Diagnostic FetchDiagnostic(Exception? e, string message, string modFile, ModFilePosition? at)
    {
        int line = at?.Line ?? 0, column = at?.Column ?? 0;
        for (var x = e; x is not null; x = x.InnerException ?? (x as ModuleFetchException)?.Cause)
        {
            switch (x)
            {
                case ChecksumMismatchException:
                    return DiagnosticCodes.ChecksumMismatch.Create(x.Message.TrimEnd(), modFile, line, column);
                case MissingGoSumEntryException:
                    return DiagnosticCodes.MissingSum.Create(x.Message, modFile, line, column);
                case FetchConfigurationException:
                    return DiagnosticCodes.InvalidGoEnvironment.Create(GoMessage(x.Message));
                case IOException or UnauthorizedAccessException when e is not ModuleException:
                    return DiagnosticCodes.CacheWriteFailed.Create(x.Message, modFile, line, column);
            }
        }
        if (e is ModuleFetchException fetch)
        {
            if (fetch.Detail.Contains(DisabledLookupException.Off, StringComparison.Ordinal))
                return DiagnosticCodes.LookupDisabled.Create(message, modFile, line, column);
            if (fetch.IsNotFound) return DiagnosticCodes.ModuleNotFound.Create(message, modFile, line, column);
        }
        return DiagnosticCodes.ProxyRequestFailed.Create(message, modFile, line, column);
    }

    /// <summary>Resolves the Go settings; a setting go would refuse becomes GOMOD0005 (GOFLAGS) or GOMOD0006 (the others).</summary>
    private static GoEnvironment? ResolveEnvironment(RestoreOptions options, List<Diagnostic> diagnostics)
    {
        try
        {
            return options.ResolveEnvironment();
        }
        catch (FetchConfigurationException e)
        {
            var code = e.Setting == "GOFLAGS" ? DiagnosticCodes.InvalidGoFlags : DiagnosticCodes.InvalidGoEnvironment;
            diagnostics.Add(code.Create(GoMessage(e.Message)));
            return null;
        }
    }

    /// <summary>go's message without the "go: " command prefix (our diagnostics carry their own code and prefix).</summary>
    private static string GoMessage(string message) => message.StartsWith("go: ", StringComparison.Ordinal) ? message[4..] : message;

    private static async Task<GoSumFile?> ReadSumAsync(string sumFile, List<Diagnostic> diagnostics, CancellationToken ct)
    {
        if (await FileLock.ReadAllTextAsync(sumFile, ct).ConfigureAwait(false) is not { } text) return new GoSumFile(sumFile);
        try
        {
            return GoSumFile.Parse(sumFile, text);
        }
        catch (GoSumParseException e)
        {
            diagnostics.Add(DiagnosticCodes.SumFileSyntax.Create($"malformed go.sum: wrong number of fields {e.FieldCount}", sumFile, e.Line, 1));
            return null;
        }
    }

    /// <summary>The h1: hash go.sum records for the key (the first, if several), else its first hash, else "".</summary>
    private static string FirstHash(GoSumFile sum, string path, string version)
    {
        var hashes = sum.Lookup(path, version);
        return hashes.FirstOrDefault(h => h.StartsWith(DirHash.Prefix, StringComparison.Ordinal)) ?? hashes.FirstOrDefault() ?? "";
    }

    /// <summary>go's default -mod: vendor when vendor/ exists and go.mod says go 1.14 or later, otherwise readonly.</summary>
    private static ModMode DefaultMode(string moduleDir, string goVersion)
    {
        if (!Directory.Exists(Path.Combine(moduleDir, "vendor"))) return ModMode.ReadOnly;
        return goVersion.Length > 0 && SemVer.Compare("v" + goVersion, "v1.14") >= 0 ? ModMode.Vendor : ModMode.ReadOnly;
    }

    private static ModMode? ParseModMode(string value, List<Diagnostic> diagnostics)
    {
        switch (value)
        {
            case "": return null;
            case "readonly": return ModMode.ReadOnly;
            case "mod": return ModMode.Mod;
            case "vendor": return ModMode.Vendor;
            default:
                diagnostics.Add(DiagnosticCodes.InvalidProperty.Create(
                    $"GoModMode: -mod={value} not supported (can be '', 'mod', 'readonly', or 'vendor')"));
                return null;
        }
    }

    private static void CheckImportComments(string value, List<Diagnostic> diagnostics)
    {
        if (value is "" or "error" or "warning" or "none") return;
        diagnostics.Add(DiagnosticCodes.InvalidProperty.Create(
            $"GoImportComments={value} not supported (can be 'error', 'warning' or 'none')"));
    }

    /// <summary>
    /// Turns per-module download events into "done of total, bytes" progress. Silent while everything comes from the
    /// module cache: a restore with nothing to download shows nothing.
    /// </summary>
    private sealed class DownloadCounter(int total, IProgress<RestoreProgress>? sink) : IProgress<DownloadProgress>
    {
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
                    if (Volatile.Read(ref _network) == 1 && done < total) sink?.Report(new RestoreProgress(done, total, Bytes));
                    return;
            }
        }

        /// <summary>The last step, once everything is in (reported only when something was downloaded).</summary>
        public void Finish()
        {
            if (Volatile.Read(ref _network) == 1) sink?.Report(new RestoreProgress(Volatile.Read(ref _done), total, Bytes));
        }
    }
}
