using System.Text;
using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;
using GoMod.Core.Internal;
using GoMod.Core.ModCache;
using GoMod.Core.ModFile;
using GoMod.Core.ModLoad;
using GoMod.Core.Module;
using GoMod.Core.Semver;
using GoMod.Core.Sum;
using GoMod.Core.WorkFile;
using GoMod.Core.Workspace;

namespace GoMod.Core.Restore;

/// <summary>
/// One run's settings, resolved once and shared by every entry point — the restore, the reports (<c>go list -m</c>,
/// <c>go mod graph</c>), <c>go get</c> and <c>go mod verify</c> — so they cannot drift: the properties validated, the
/// Go environment, the module cache, the <c>-mod</c> mode (go's default included: vendor when vendor/ exists and go.mod
/// says go 1.14 or later), and go.mod and go.sum, each read once under go's lock.
/// </summary>
public sealed class RestoreSetup
{
    private RestoreSetup(RestoreOptions options, GoEnvironment environment, ModuleCache cache, StoreWarmup stores, ModMode mode, bool modeExplicit, string modText,
        GoModFile mod, string? sumText, GoSumFile sum, IReadOnlyList<Exception> warnings)
    {
        Options = options;
        Environment = environment;
        Cache = cache;
        _stores = stores;
        Mode = mode;
        ModeExplicit = modeExplicit;
        ModText = modText;
        Mod = mod;
        SumText = sumText;
        Sum = sum;
        Warnings = warnings;
    }

    /// <summary>The options the run was given.</summary>
    public RestoreOptions Options { get; }

    /// <summary>The Go environment as go resolves it for this run.</summary>
    public GoEnvironment Environment { get; }

    /// <summary>The one module cache of the run.</summary>
    public ModuleCache Cache { get; }

    /// <summary>
    /// The fetch options every downloader and checksum database of the run is made with: the given ones (or the
    /// defaults) with the run's one GOAUTH state, so GOAUTH's commands run once per run as go runs them once per process.
    /// </summary>
    public FetchOptions Fetch => _fetch ??= FetchOptions.ForRun(Environment, Options.Fetch);

    private FetchOptions? _fetch;

    /// <summary>
    /// The build the package load and vendor/ are for: GOOS/GOARCH, cgo and the tags, as go resolves them from the
    /// settings, the environment and the go env file (<see cref="GoBuild.BuildTarget.Resolve"/>); resolved on first use
    /// (cgo's default may look for a C compiler on PATH).
    /// </summary>
    public GoBuild.BuildTarget Target => _target ??= GoBuild.BuildTarget.Resolve(Environment, Options.BuildTags, Options.GetEnvironmentVariable);

    private GoBuild.BuildTarget? _target;

    /// <summary>The Go files the run has read, by path: every load and check of the run reads each file once.</summary>
    /// <remarks>
    /// Files of module versions extracted in the module cache are kept across runs in <see cref="RestoreOptions.SourceFacts"/>,
    /// else in the main module's store in the module cache (<see cref="SourceStore.SourceFactsStore"/>), read on first use.
    /// </remarks>
    internal Imports.GoFileFactsCache SourceFacts => _sourceFacts ??= new(Options.SourceFacts
        ?? SourceStore.SourceFactsStore.Open(SourceStore.SourceFactsStore.DefaultFile(Environment.ModCache, ModFile)));

    private Imports.GoFileFactsCache? _sourceFacts;

    /// <summary>Saves the store of <see cref="SourceFacts"/> when the run used it.</summary>
    internal void SaveSourceFacts() => _sourceFacts?.Store?.Save();

    /// <summary>The <c>-mod</c> mode in force.</summary>
    public ModMode Mode { get; }

    /// <summary>True when <c>-mod</c> was given (GoModMode or GOFLAGS) rather than defaulted; go words some errors differently.</summary>
    public bool ModeExplicit { get; }

    /// <summary>go.mod's full path.</summary>
    public string ModFile => Options.ModFile;

    /// <summary>go.sum's full path (beside go.mod).</summary>
    public string SumFile => Options.SumFile;

    /// <summary>The main module's directory.</summary>
    public string ModuleDir => Path.GetDirectoryName(Path.GetFullPath(Options.ModFile))!;

    /// <summary>go.mod's text as read at the start of the run.</summary>
    public string ModText { get; }

    /// <summary>go.mod, parsed.</summary>
    public GoModFile Mod { get; }

    /// <summary>go.sum's text as read at the start of the run; null when there is no go.sum.</summary>
    public string? SumText { get; }

    /// <summary>go.sum, parsed (empty when there is none).</summary>
    public GoSumFile Sum { get; }

    /// <summary>The workspace when a go.work applies (workspace mode: GoWork/GOWORK, else found upward); null otherwise.</summary>
    public GoWorkspace? Workspace { get; private init; }

    /// <summary>Settings accepted but not acted on (<see cref="UnsupportedSettingException"/>), reported as warnings.</summary>
    public IReadOnlyList<Exception> Warnings { get; }

    /// <summary>How the module loader must run: readonly unless <c>-mod=mod</c>, over the go.mod and go.sum read here.</summary>
    public LoadOptions LoadOptions => new()
    {
        ReadOnly = Mode != ModMode.Mod,
        ModFlagExplicit = ModeExplicit,
        Files = new MainModuleFiles(ModText, SumText),
        Summaries = Summaries,
        SourceFacts = SourceFacts,
    };

    /// <summary>
    /// The dependencies' go.mod summaries kept from earlier runs: <see cref="RestoreOptions.Summaries"/>, else the main
    /// module's store in the module cache, read beside the go.mod and go.sum parsing (<see cref="StoreWarmup"/>); <see cref="GraphCache.ModSummaryStore.Save"/> keeps it.
    /// </summary>
    public GraphCache.ModSummaryStore Summaries => _summaries ??= _stores.Summaries;

    private GraphCache.ModSummaryStore? _summaries;
    private readonly StoreWarmup _stores;

    /// <summary>Saves <see cref="Summaries"/> when the run opened it (a run that never read the graph leaves the file alone).</summary>
    internal void SaveSummaries() => _summaries?.Save();

    /// <summary>
    /// The module versions earlier runs' warm checks found complete: <see cref="RestoreOptions.Trees"/>, else the main
    /// module's record in the module cache, read beside the go.mod and go.sum parsing (<see cref="StoreWarmup"/>); <see cref="SaveTrees"/> keeps it.
    /// </summary>
    public VerifiedTrees.VerifiedTreeRecord Trees => _trees ??= _stores.Trees;

    private VerifiedTrees.VerifiedTreeRecord? _trees;

    /// <summary>Saves <see cref="Trees"/> when the run opened it.</summary>
    internal void SaveTrees() => _trees?.Save();

    /// <summary>
    /// Resolves everything, or returns every failure found on the way (an invalid property, an unusable Go setting, no
    /// go.mod, a go.mod or go.sum that does not parse, no module line): typed values, not yet diagnostics.
    /// </summary>
    public static async Task<(RestoreSetup? Setup, IReadOnlyList<Exception> Failures)> CreateAsync(RestoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<Exception>();
        var explicitMode = ParseModMode(options.ModMode, failures);
        if (options.ImportComments is not ("" or "error" or "warning" or "none"))
            failures.Add(new InvalidPropertyException("GoImportComments", options.ImportComments,
                $"GoImportComments={options.ImportComments} not supported (can be 'error', 'warning' or 'none')"));
        GoEnvironment? env = null;
        try
        {
            env = options.ResolveEnvironment();
        }
        catch (GoEnvironmentException e)
        {
            failures.Add(e);
        }
        if (env is null || failures.Count > 0) return (null, failures);
        // The stores are read, and their entries' files stamped, on another core while go.mod and go.sum are parsed.
        var cache = new ModuleCache(env.ModCache);
        var stores = new StoreWarmup(options, env, cache);

        string? modText, sumText;
        try
        {
            modText = await ReadAsync(options.ModFile, cancellationToken).ConfigureAwait(false);
            sumText = await ReadAsync(options.SumFile, cancellationToken).ConfigureAwait(false);
        }
        catch (ModuleFileUnreadableException e)
        {
            return (null, [e]);
        }
        if (modText is null) return (null, [new ModFileNotFoundException(options.ModFile)]);
        GoModFile mod;
        try
        {
            mod = GoModFile.Parse(options.ModFile, modText);
        }
        catch (ModFileParseException e)
        {
            return (null, [e]);
        }
        if (mod.Module is null) return (null, [new NoModuleDeclarationException(options.ModFile)]);
        try
        {
            // go checks the main module's path with the import-path rules and words it as a module path.
            ModulePath.CheckImportPath(mod.Module.Path);
        }
        catch (ModulePathException e)
        {
            var at = mod.PositionOfModule() ?? new ModFilePosition(1, 1);
            return (null, [new ModFileParseException([new ModFileError(options.ModFile, at.Line, at.Column,
                new ModulePathException("module", e.Path, e.Detail).Message)])]);
        }

        GoSumFile sum;
        try
        {
            sum = sumText is null ? new GoSumFile(options.SumFile) : GoSumFile.Parse(options.SumFile, sumText);
        }
        catch (GoSumParseException e)
        {
            return (null, [e]);
        }

        var moduleDir = Path.GetDirectoryName(Path.GetFullPath(options.ModFile))!;
        var mode = explicitMode ?? env.Flags.Mod ?? DefaultMode(moduleDir, mod.Go ?? "");
        var warnings = new List<Exception>();
        // go would read and write another go.mod (and the .sum beside it) while the module root stays; the SDK does not.
        if (env.Flags.ModFile is { Length: > 0 } alternate)
            warnings.Add(new UnsupportedSettingException("GOFLAGS", $"GOFLAGS -modfile={alternate} is not applied: the SDK reads and writes "
                + $"{options.ModFile} and the go.sum beside it; run go with -modfile yourself for that file"));
        string? workFile;
        try
        {
            workFile = GoWorkLocator.Find(moduleDir, env);
        }
        catch (GoEnvironmentException e)
        {
            return (null, [e]);
        }
        // A go.work that applies puts the run in workspace mode (go.work.sum, every used module a main module).
        GoWorkspace? workspace = null;
        if (workFile is not null)
        {
            try
            {
                workspace = await GoWorkspace.LoadAsync(workFile, cancellationToken).ConfigureAwait(false);
                WorkspaceRules.Check(workspace, moduleDir, explicitMode ?? env.Flags.Mod, options.WriteVendor, warnings);
            }
            catch (Exception e) when (e is WorkspaceException or GoCommandException)
            {
                return (null, [e]);
            }
            mode = WorkspaceRules.Mode(workspace, explicitMode ?? env.Flags.Mod, options.WriteVendor);
        }
        // Outside a workspace, go refuses the main module's godebug lines it does not accept (go.work's are checked as it loads).
        if (workspace is null && GodebugKeys.Check(options.ModFile, mod) is { Count: > 0 } godebug)
            return (null, [new ModFileParseException(godebug)]);
        // GoVendor=true is go mod vendor, which loads from the module cache whatever vendor/ holds (go runs it readonly).
        if (options.WriteVendor && mode == ModMode.Vendor) mode = ModMode.ReadOnly;
        return (new RestoreSetup(options, env, cache, stores, mode, explicitMode is not null || env.Flags.Mod is not null, modText, mod, sumText, sum, warnings)
        {
            Workspace = workspace,
        }, []);
    }

    /// <summary>
    /// Writes go.mod or go.sum as go does (<c>lockedfile.Transform</c>): in place, under go's lock on the file, and only
    /// when the bytes change. Invalid UTF-8 read from the file (kept by <see cref="GoUtf8"/>) is written back unchanged.
    /// </summary>
    public static Task<bool> WriteModuleFileAsync(string path, string text, CancellationToken cancellationToken) =>
        FileLock.TransformAsync(path, _ => GoUtf8.Encode(text), cancellationToken);

    /// <summary>A file's text read under go's lock; null when it does not exist.</summary>
    private static async Task<string?> ReadAsync(string path, CancellationToken ct)
    {
        try
        {
            return await FileLock.ReadAllTextAsync(path, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModuleFileUnreadableException(path, e);
        }
    }

    /// <summary>go's default <c>-mod</c>: vendor when vendor/ exists and go.mod says go 1.14 or later, otherwise readonly.</summary>
    private static ModMode DefaultMode(string moduleDir, string goVersion)
    {
        if (!Directory.Exists(Path.Combine(moduleDir, "vendor"))) return ModMode.ReadOnly;
        return goVersion.Length > 0 && SemVer.Compare("v" + goVersion, "v1.14") >= 0 ? ModMode.Vendor : ModMode.ReadOnly;
    }

    private static ModMode? ParseModMode(string value, List<Exception> failures)
    {
        switch (value)
        {
            case "": return null;
            case "readonly": return ModMode.ReadOnly;
            case "mod": return ModMode.Mod;
            case "vendor": return ModMode.Vendor;
            default:
                failures.Add(new InvalidPropertyException("GoModMode", value, $"GoModMode: -mod={value} not supported (can be '', 'mod', 'readonly', or 'vendor')"));
                return null;
        }
    }
}
