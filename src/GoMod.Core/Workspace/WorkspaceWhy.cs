using GoMod.Core.ModSource;
using GoMod.Core.Reports;

namespace GoMod.Core.Workspace;

/// <summary>
/// <c>go mod why [-m] [-vendor] args…</c> run in a workspace, as go 1.19 answers it (its <c>runWhy</c> calls
/// <c>InitWorkfile</c>): the package graph of <c>all</c> is loaded over every used module
/// (<see cref="WorkspacePackages"/>), so the shortest import path may start in any main module; with <c>-m</c> each
/// argument is a module path of the workspace build list (a pattern with <c>...</c> matches its paths, used modules
/// included). Nothing is written (go's <c>ExplicitWriteGoMod</c>: go.work.sum neither).
/// </summary>
public static class WorkspaceWhy
{
    /// <summary>Runs <c>go mod why</c> in <paramref name="workingDirectory"/> of <paramref name="workspace"/>.</summary>
    /// <param name="workspace">The workspace that applies.</param>
    /// <param name="workingDirectory">Where go runs (directory patterns are relative to it).</param>
    /// <param name="source">Where module versions come from.</param>
    /// <param name="args">Packages, or with <c>-m</c> module paths.</param>
    /// <param name="why">The <c>-m</c> and <c>-vendor</c> flags.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static Task<GoOutput> WhyAsync(GoWorkspace workspace, string workingDirectory, IModuleSource source, IReadOnlyList<string> args, WhyOptions why,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(why);
        var loader = new WorkspaceLoader(workspace, source, workingDirectory);
        return ModuleWhy.WhyAsync(loader.Loader, (patterns, options, ct) => WorkspacePackages.LoadAsync(loader, patterns, options, ct), async (paths, ct) =>
        {
            var (graph, error) = await loader.ReadGraphAsync(ct).ConfigureAwait(false);
            if (error is not null) return ([], error);
            var found = new List<string>();
            foreach (var arg in paths)
            {
                if (!arg.Contains("...", StringComparison.Ordinal))
                {
                    found.Add(arg);
                    continue;
                }
                var match = ModuleLister.MatchPattern(arg);
                found.AddRange(graph.BuildList.Select(m => m.Path).Where(p => match(p)));
            }
            return (found, null);
        }, args, why, cancellationToken);
    }
}
