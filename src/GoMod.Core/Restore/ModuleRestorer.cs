using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.Restore;

/// <summary>
/// The restore as the SDK runs it, without MSBuild: validate the settings, read go.mod and go.sum, compute the build
/// list, and report everything that is wrong as <see cref="Diagnostic"/> data (never by throwing, except for
/// cancellation). The MSBuild task is a thin adapter over <see cref="RestoreAsync"/>.
/// </summary>
/// <remarks>
/// Today the build list is the main module and its direct requirements as go.mod states them (replacements applied),
/// with hashes from go.sum and directories from the module cache when present. MVS over the requirement graph,
/// downloads through GOPROXY and hash verification plug in here as GoMod.Core.Mvs and GoMod.Core.Fetch land.
/// </remarks>
public sealed class ModuleRestorer
{
    /// <summary>Runs one restore. Throws only <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.</summary>
    public Task<RestoreResult> RestoreAsync(RestoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var diagnostics = new List<Diagnostic>();

        var explicitMode = ParseModMode(options.ModMode, "GoModMode", diagnostics);
        var flagsMode = ParseGoFlags(options.Environment.GoFlags, diagnostics);
        CheckImportComments(options.ImportComments, diagnostics);
        CheckModCache(options.Environment.GoModCache, diagnostics);
        if (diagnostics.Any(d => d.IsError)) return Task.FromResult(new RestoreResult([], diagnostics));

        var modFile = options.ModFile;
        if (!File.Exists(modFile))
        {
            diagnostics.Add(DiagnosticCodes.ModFileNotFound.Create($"go.mod file not found: {modFile}"));
            return Task.FromResult(new RestoreResult([], diagnostics));
        }
        var mod = InterimModFile.Parse(File.ReadAllText(modFile));
        foreach (var e in mod.Errors)
            diagnostics.Add(DiagnosticCodes.ModFileSyntax.Create(e.Message, modFile, e.Line, e.Column));
        if (mod.Errors.Count > 0) return Task.FromResult(new RestoreResult([], diagnostics));
        if (mod.ModulePath.Length == 0)
        {
            diagnostics.Add(DiagnosticCodes.NoModuleDeclaration.Create("no module declaration in go.mod. To specify the module path: go mod edit -module=example.com/mod", modFile));
            return Task.FromResult(new RestoreResult([], diagnostics));
        }

        var moduleDir = Path.GetDirectoryName(Path.GetFullPath(modFile))!;
        var mode = explicitMode ?? flagsMode ?? DefaultMode(moduleDir, mod.GoVersion);
        if (mode == ModMode.Vendor)
            diagnostics.Add(DiagnosticCodes.NotSupportedYet.Create(
                "-mod=vendor: reading modules from vendor/ is not supported by this version of GoMod.Sdk; they are resolved from the module cache instead.",
                modFile));
        if (options.WriteVendor)
            diagnostics.Add(DiagnosticCodes.NotSupportedYet.Create(
                "GoVendor=true: writing vendor/ is not supported by this version of GoMod.Sdk; run 'go mod vendor' instead.", modFile));

        var sum = ReadSum(options.SumFile, diagnostics);
        if (sum is null) return Task.FromResult(new RestoreResult([], diagnostics) { Mode = mode });

        cancellationToken.ThrowIfCancellationRequested();
        var modules = new List<RestoredModule> { new(mod.ModulePath, "", moduleDir, "", "", "", Indirect: false, Main: true) };
        foreach (var req in mod.Requires)
        {
            var replace = mod.Replaces.FirstOrDefault(r => r.OldPath == req.Path && r.OldVersion == req.Version)
                          ?? mod.Replaces.FirstOrDefault(r => r.OldPath == req.Path && r.OldVersion.Length == 0);
            if (replace is not null && replace.NewVersion.Length == 0)
            {
                var dir = Path.GetFullPath(Path.Combine(moduleDir, replace.NewPath));
                if (!Directory.Exists(dir))
                    diagnostics.Add(DiagnosticCodes.ReplacementDirectoryMissing.Create(
                        $"{req.Path}@{req.Version}: replacement directory {replace.NewPath} does not exist", modFile, replace.Line, replace.Column));
                modules.Add(new(req.Path, req.Version, Directory.Exists(dir) ? dir : "", "", "", replace.NewPath, req.Indirect, Main: false));
                continue;
            }

            var (path, version) = replace is null ? (req.Path, req.Version) : (replace.NewPath, replace.NewVersion);
            var goModSum = sum.Lookup(path, version + "/go.mod");
            if (goModSum.Length == 0 && mode != ModMode.Mod)
                diagnostics.Add(DiagnosticCodes.MissingSum.Create(
                    $"{path}@{version}: missing go.sum entry; to add it: go mod download {path}", modFile, req.Line, req.Column));
            string cacheDir;
            try
            {
                cacheDir = CacheDir(options.Environment.GoModCache, path, version);
            }
            catch (Exception e) when (e is ModulePathException or ModuleException or InvalidVersionException or FormatException)
            {
                diagnostics.Add(DiagnosticCodes.InvalidRequirement.Create(e.Message, modFile, replace?.Line ?? req.Line, replace?.Column ?? req.Column));
                continue;
            }
            modules.Add(new(req.Path, req.Version, Directory.Exists(cacheDir) ? cacheDir : "", sum.Lookup(path, version), goModSum,
                replace is null ? "" : $"{replace.NewPath}@{replace.NewVersion}", req.Indirect, Main: false));
        }

        return Task.FromResult(new RestoreResult(modules, diagnostics) { Mode = mode });
    }

    /// <summary>A module's directory in the module cache: &lt;GOMODCACHE&gt;/&lt;escaped path&gt;@&lt;escaped version&gt;.</summary>
    private static string CacheDir(string modCache, string path, string version)
    {
        ModulePath.Check(path, version);
        var escaped = ModulePath.EscapePath(path).Replace('/', Path.DirectorySeparatorChar) + "@" + ModulePath.EscapeVersion(version);
        return Path.Combine(modCache, escaped);
    }

    private static InterimSumFile? ReadSum(string sumFile, List<Diagnostic> diagnostics)
    {
        if (!File.Exists(sumFile)) return InterimSumFile.Parse("");
        var sum = InterimSumFile.Parse(File.ReadAllText(sumFile));
        if (sum.Error is { } e)
        {
            diagnostics.Add(DiagnosticCodes.SumFileSyntax.Create($"malformed go.sum: {e.Message}", sumFile, e.Line, 1));
            return null;
        }
        return sum;
    }

    /// <summary>go's default -mod: vendor when vendor/ exists and go.mod says go 1.14 or later, otherwise readonly.</summary>
    private static ModMode DefaultMode(string moduleDir, string goVersion)
    {
        if (!Directory.Exists(Path.Combine(moduleDir, "vendor"))) return ModMode.Readonly;
        return goVersion.Length > 0 && SemVer.Compare("v" + goVersion, "v1.14") >= 0 ? ModMode.Vendor : ModMode.Readonly;
    }

    private static ModMode? ParseModMode(string value, string source, List<Diagnostic> diagnostics)
    {
        switch (value)
        {
            case "": return null;
            case "readonly": return ModMode.Readonly;
            case "mod": return ModMode.Mod;
            case "vendor": return ModMode.Vendor;
            default:
                diagnostics.Add(DiagnosticCodes.InvalidProperty.Create(
                    $"{source}: -mod={value} not supported (can be '', 'mod', 'readonly', or 'vendor')"));
                return null;
        }
    }

    /// <summary>
    /// Checks GOFLAGS as go does (every space-separated word must look like -x, --x, -x=v or --x=v) and returns its
    /// -mod= value. Flags that do not concern modules are accepted and ignored, as go ignores flags a command lacks.
    /// </summary>
    private static ModMode? ParseGoFlags(string goFlags, List<Diagnostic> diagnostics)
    {
        ModMode? mode = null;
        foreach (var f in goFlags.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!f.StartsWith('-') || f is "-" or "--" || f.StartsWith("---", StringComparison.Ordinal) ||
                f.StartsWith("-=", StringComparison.Ordinal) || f.StartsWith("--=", StringComparison.Ordinal))
            {
                diagnostics.Add(DiagnosticCodes.InvalidGoFlags.Create($"parsing $GOFLAGS: non-flag \"{f}\""));
                continue;
            }
            var name = f.TrimStart('-');
            var eq = name.IndexOf('=');
            if (eq >= 0 && name[..eq] == "mod") mode = ParseModMode(name[(eq + 1)..], "GOFLAGS", diagnostics) ?? mode;
        }
        return mode;
    }

    private static void CheckImportComments(string value, List<Diagnostic> diagnostics)
    {
        if (value is "" or "error" or "warning" or "none") return;
        diagnostics.Add(DiagnosticCodes.InvalidProperty.Create(
            $"GoImportComments={value} not supported (can be 'error', 'warning' or 'none')"));
    }

    private static void CheckModCache(string modCache, List<Diagnostic> diagnostics)
    {
        if (modCache.Length == 0)
            diagnostics.Add(DiagnosticCodes.InvalidGoEnvironment.Create("module cache not found: neither GOMODCACHE nor GOPATH is set"));
        else if (!Path.IsPathFullyQualified(modCache))
            diagnostics.Add(DiagnosticCodes.InvalidGoEnvironment.Create($"GOMODCACHE entry is relative; must be absolute path: \"{modCache}\""));
    }
}
