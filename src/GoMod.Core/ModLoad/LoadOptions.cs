namespace GoMod.Core.ModLoad;

/// <summary>How the go command we reproduce is invoked.</summary>
public sealed record LoadOptions
{
    /// <summary>
    /// go's <c>-mod=readonly</c>: the main go.mod must not need changes (an inconsistent or untidy requirement set
    /// is an error, <c>updates to go.mod needed</c>). When false (<c>-mod=mod</c>), the updated go.mod is computed
    /// and returned for the caller to write.
    /// </summary>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// Whether <c>-mod</c> was given explicitly (on the command line or in GOFLAGS): go then words a needed go.mod
    /// update as <c>updates to go.mod needed, disabled by -mod=readonly</c>.
    /// </summary>
    public bool ModFlagExplicit { get; init; }

    /// <summary>The directory paths in messages are shortened against (go's working directory); the main module's by default.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// The main module's go.mod and go.sum as the caller already read them (under go's lock, once per run); null to
    /// let the loader read them from the module root.
    /// </summary>
    public MainModuleFiles? Files { get; init; }

    /// <summary>
    /// Workspace mode (go.work): go.mod hashes are not required of go.sum while loading, even when readonly (go
    /// records them in go.work.sum instead).
    /// </summary>
    public bool Workspace { get; init; }

    /// <summary>Main modules already read in this run, reused by a loader over the same go.mod text; null to read each time.</summary>
    public MainModuleCache? MainModules { get; init; }

    /// <summary>
    /// Parsed go.mod summaries kept from earlier runs (see <see cref="GraphCache.ModSummaryStore"/>), consulted for
    /// module versions read through a module cache; null to read every go.mod.
    /// </summary>
    public GraphCache.ModSummaryStore? Summaries { get; init; }

    /// <summary>
    /// The run's Go file facts (and their store across runs): complete extractions of module versions in the module
    /// cache are registered with it when fetched, so their listings and files may come from earlier runs; null for none.
    /// </summary>
    internal Imports.GoFileFactsCache? SourceFacts { get; init; }

    /// <summary>How many go.mod files may be read at once.</summary>
    public int MaxParallelism { get; init; } = Math.Max(8, Environment.ProcessorCount * 2);
}
