using GoMod.Core.Fetch;
using GoMod.Core.GoEnv;

namespace GoMod.Core.Restore;

/// <summary>
/// Everything a restore needs, mapped from MSBuild properties by the task: where go.mod is, the Go settings as given,
/// and the switches. Values are taken as given; <see cref="ModuleRestorer"/> validates them and reports bad ones as
/// diagnostics.
/// </summary>
public sealed record RestoreOptions
{
    /// <summary>Full path of the main module's go.mod; go.sum is read beside it.</summary>
    public required string ModFile { get; init; }

    /// <summary>
    /// Explicit Go settings by their Go names (GOPROXY, GOMODCACHE, GOFLAGS…), from MSBuild properties; empty or
    /// missing ones fall back to <see cref="GetEnvironmentVariable"/>, the go env file and go's defaults.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Reads the process environment (injected so tests and MSBuild's multithreaded mode can supply their own).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The explicit <c>-mod=</c> value (GoModMode): "", "readonly", "mod" or "vendor". Empty lets GOFLAGS and go's default decide.</summary>
    public string ModMode { get; init; } = "";

    /// <summary>GoVendor: write vendor/ as <c>go mod vendor</c> would.</summary>
    public bool WriteVendor { get; init; }

    /// <summary>
    /// With <see cref="WriteVendor"/>: the file (under obj/) that records the files the restore wrote into vendor/, one full
    /// path a line, so that clean removes only a vendor/ the SDK wrote; null or empty records nothing.
    /// </summary>
    public string? VendorListFile { get; init; }

    /// <summary>GoImportComments: "error", "warning" or "none"; empty: errors for the main module's packages, warnings for the dependencies'.</summary>
    public string ImportComments { get; init; } = "";

    /// <summary>GoImportCommentsExempt: module path patterns (GOPRIVATE-style, comma- or semicolon-separated) whose import comments are not checked.</summary>
    public string ImportCommentsExempt { get; init; } = "";

    /// <summary>
    /// GoTags: the build tags besides GOOS, GOARCH, cgo and the release tags (comma- or space-separated, as go's
    /// <c>-tags</c>), for the package load: the restore fetches what <c>go build -tags …</c> imports. Null takes
    /// GOFLAGS's <c>-tags</c>, as a go command line without <c>-tags</c> does; any other value (empty too) replaces it.
    /// </summary>
    public string? BuildTags { get; init; }

    /// <summary>True in design-time builds: never touch the network; report only what the module cache has.</summary>
    public bool Offline { get; init; }

    /// <summary>Receives download progress; may be null.</summary>
    public IProgress<RestoreProgress>? Progress { get; init; }

    /// <summary>
    /// Receives the name and duration of each phase of the restore (setup, build list, packages, download, warnings…)
    /// as it ends; null for none. For measuring where a restore's time goes (the task passes them on under
    /// GOMOD_RESTORE_PHASES=1); it changes nothing the restore does.
    /// </summary>
    public Action<string, TimeSpan>? Phases { get; init; }

    /// <summary>
    /// The retraction/deprecation lookups of the previous restore (from its no-op cache), reused for direct requirements
    /// whose selected version is unchanged; null to look every direct requirement up.
    /// </summary>
    public RequirementNotices? KnownNotices { get; init; }

    /// <summary>
    /// Parsed go.mod summaries of dependencies to reuse (<see cref="GraphCache.ModSummaryStore"/>), for a caller that
    /// keeps one across runs; null to open the main module's store file in the module cache (and save it after the
    /// build list is read).
    /// </summary>
    public GraphCache.ModSummaryStore? Summaries { get; init; }

    /// <summary>
    /// Module versions found complete in the module cache by earlier runs (<see cref="VerifiedTrees.VerifiedTreeRecord"/>),
    /// for a caller that keeps one across runs; null to open the main module's record file in the module cache (and
    /// save it after the download phase).
    /// </summary>
    public VerifiedTrees.VerifiedTreeRecord? Trees { get; init; }

    /// <summary>
    /// Facts of module-cache Go files kept across runs (<see cref="SourceStore.SourceFactsStore"/>), for a caller that keeps
    /// one (or wants none: <see cref="SourceStore.SourceFactsStore.InMemory"/>); null to use the main module's store file
    /// in the module cache, saved at the end of the restore.
    /// </summary>
    internal SourceStore.SourceFactsStore? SourceFacts { get; init; }

    /// <summary>Download tuning (parallelism, timeouts); null for the defaults.</summary>
    public FetchOptions? Fetch { get; init; }

    /// <summary>The go.sum path that goes with <see cref="ModFile"/>.</summary>
    public string SumFile => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(ModFile) ?? ".", "go.sum");

    /// <summary>The Go settings as go would resolve them for this restore.</summary>
    /// <exception cref="GoEnvironmentException">A setting cannot be used (go's message).</exception>
    public GoEnvironment ResolveEnvironment() => GoEnvironment.Resolve(Settings, GetEnvironmentVariable);
}
