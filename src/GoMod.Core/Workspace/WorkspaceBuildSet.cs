using GoMod.Core.Diagnostics;
using GoMod.Core.Module;
using GoMod.Core.Packages;
using GoMod.Core.Restore;

namespace GoMod.Core.Workspace;

/// <summary>
/// What <c>go build ./...</c> run in a used module downloads (go 1.19 in workspace mode): the package load of the
/// module's <c>./...</c> for the target's build tags over the workspace (<see cref="WorkspacePackages"/>), fetching the
/// zip of every module it looks into for a package (the modules whose paths prefix an imported path). go writes to
/// go.work.sum the sums it checked that no go.sum has: those zips' and every go.mod read for the graph.
/// </summary>
internal static class WorkspaceBuildSet
{
    /// <summary>
    /// Loads the project's packages. Returns the modules (after replacement) whose zips the load fetched, or null when
    /// the module has no package to build (the restore then downloads the whole build list, as <c>go mod download</c>);
    /// and the load's failures, each at the import that reaches the package when there is one.
    /// </summary>
    public static async Task<(IReadOnlySet<ModuleVersion>? Zips, List<Diagnostic> Diagnostics)> LoadAsync(RestoreSetup setup, WorkspaceLoader loader, CancellationToken ct)
    {
        var options = new PackageLoadOptions
        {
            Tags = PackageRestore.TargetTags(setup, loader.Workspace.GoVersion),
            ModuleCacheDirectory = setup.Environment.ModCache,
            SourceFacts = setup.SourceFacts,
        };
        var graph = await WorkspacePackages.LoadAsync(loader, ["./..."], options, ct).ConfigureAwait(false);
        var diagnostics = new List<Diagnostic>();
        foreach (var f in graph.LoadFailures) diagnostics.Add(FailureCodes.ToDiagnostic(f, loader.Workspace.WorkFilePath));
        foreach (var pkg in graph.LoadOrder)
        {
            if (pkg.IsTest || pkg.Error is not { } error) continue;
            var message = PackageGraph.IsImportFailure(error) ? error.Message : graph.ErrorText(pkg, loader.Loader.ShortPath);
            diagnostics.Add(graph.ImportPosition(pkg) is { } at
                ? FailureCodes.ToDiagnostic(error, at.File, at.Position.Line, at.Position.Column, message)
                : FailureCodes.ToDiagnostic(error, setup.ModFile, message: message));
        }
        if (graph.Roots.Count == 0) return (null, diagnostics);
        return (loader.Loader.DownloadedZips.Keys.ToHashSet(), diagnostics);
    }
}
