using GoMod.Core.Imports;
using GoMod.Core.Module;

namespace GoMod.Core.Packages;

/// <summary>How a package load runs (go's <c>modload.PackageOpts</c>, the parts the SDK uses).</summary>
internal sealed record PackageLoadOptions
{
    /// <summary>
    /// The build tags files are matched against: <see cref="BuildTags.Host"/> for a build's view (go build, go list),
    /// <see cref="BuildTags.Any"/> for every file but <c>ignore</c> (go get, go mod vendor, go mod tidy).
    /// </summary>
    public BuildTags Tags { get; init; } = BuildTags.Host();

    /// <summary>
    /// Also load the tests of the root packages and what they import (go's <c>LoadTests</c>, <c>-test</c>/<c>-t</c>).
    /// The <c>all</c> pattern includes the main module's tests whatever this says (go ≥ 1.16; below 1.16 the tests of
    /// every package in <c>all</c>).
    /// </summary>
    public bool LoadTests { get; init; }

    /// <summary>
    /// Under <c>-mod=mod</c>: an import no module of the build list provides is resolved to the latest version of the
    /// module that provides it, which is added to the requirements (<c>go: finding module for package …</c>,
    /// <c>go: found … in …</c>). Under readonly the loader never looks a module up.
    /// </summary>
    public bool ResolveMissingImports { get; init; }

    /// <summary>Keep going after package errors (go's <c>-e</c>); the errors stay on the packages either way.</summary>
    public bool AllowErrors { get; init; }

    /// <summary>GOROOT for go's "package X is not in GOROOT (GOROOT/src/X)" (null: written as <c>$GOROOT</c>).</summary>
    public string? GoRoot { get; init; }

    /// <summary>
    /// GOMODCACHE, to name a downloaded module's package directory in messages as go does (its extracted directory in
    /// the module cache); null names it relative to the module.
    /// </summary>
    public string? ModuleCacheDirectory { get; init; }

    /// <summary>
    /// The file facts shared by the steps of one run (each file of the module cache read once however many loads and
    /// checks look at it); null reads files for this load alone.
    /// </summary>
    public GoFileFactsCache? SourceFacts { get; init; }

    /// <summary>go get's rule that the root packages count as imported by the main module (go's <c>AssumeRootsImported</c>).</summary>
    internal bool AssumeRootsImported { get; init; }

    /// <summary>
    /// go mod tidy's root rule (go's <c>tidyRoots</c>, see <c>Tidy.TidyRoots</c>): when set, the roots it computes from
    /// the requirements and the loaded packages are added on every round (roots are only added while loading, so the
    /// load converges), and when loading ends the requirements become exactly those roots.
    /// </summary>
    internal Func<ModLoad.Requirements, IReadOnlyList<GoPackage>, CancellationToken, Task<ModLoad.Requirements>>? TidyRoots { get; init; }

    /// <summary>
    /// Workspace mode (go's several <c>MainModules</c>): every used module, in <c>use</c> order, is a main module — its
    /// packages are read from its directory, it is selected at no version, its packages are in "all" and its imports
    /// are checked as the main module's are. The requirements given to the load must carry the workspace graph
    /// (<see cref="ModLoad.Requirements.WithGraph"/>); roots are never updated (go's <c>updateWorkspaceRoots</c>).
    /// Null: the loader's one main module.
    /// </summary>
    internal IReadOnlyList<MainModuleRoot>? MainModules { get; init; }

    /// <summary>go get's hook on each package found in a module (go's <c>AllowPackage</c>): false makes it a version change.</summary>
    internal Func<string, ModuleVersion, CancellationToken, Task<bool>>? AllowPackage { get; init; }
}
