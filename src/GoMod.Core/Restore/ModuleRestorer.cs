using GoMod.Core.Fetch;
using GoMod.Core.ModFile;
using GoMod.Core.Module;
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
/// The build list is the main module and its requirements as go.mod states them (replacements applied).
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
            mod = GoModFile.Parse(modFile, await File.ReadAllTextAsync(modFile, cancellationToken).ConfigureAwait(false));
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

        var sum = ReadSum(options.SumFile, diagnostics);
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
        {
            // Design-time builds and (until vendor/ is supported) vendor mode publish what the module cache holds.
            foreach (var (index, target, _) in fetch)
                if (cache.GetExtractedState(target) == ExtractedState.Complete) modules[index] = modules[index] with { Dir = cache.ModuleDir(target) };
            return new RestoreResult(modules, diagnostics) { Mode = mode };
        }

        var progress = new DownloadCounter(fetch.Count, options.Progress);
        int downloaded;
        try
        {
            using var downloader = new ModuleDownloader(env, checker, options.Fetch);
            var results = await downloader.DownloadAsync(fetch.Select(f => f.Target), DownloadParts.Build, progress, cancellationToken).ConfigureAwait(false);
            var byModule = results.ToDictionary(r => r.Module);
            foreach (var (index, target, at) in fetch)
            {
                var r = byModule[target];
                if (r.Succeeded)
                    modules[index] = modules[index] with { Dir = r.Dir ?? "", Sum = r.Sum ?? modules[index].Sum, GoModSum = r.GoModSum ?? modules[index].GoModSum };
                else
                    diagnostics.Add(FetchDiagnostic(r.Exception, r.Error ?? "", modFile, at));
            }
            downloaded = results.Count(r => r.Succeeded && !r.FromCache);
            if (!diagnostics.Any(d => d.IsError) && mode == ModMode.Mod)
                await downloader.SaveGoSumAsync(cancellationToken).ConfigureAwait(false);
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

    private static GoSumFile? ReadSum(string sumFile, List<Diagnostic> diagnostics)
    {
        if (!File.Exists(sumFile)) return new GoSumFile(sumFile);
        try
        {
            return GoSumFile.Parse(sumFile, File.ReadAllText(sumFile));
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
