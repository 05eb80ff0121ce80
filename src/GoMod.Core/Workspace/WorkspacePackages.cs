using GoMod.Core.ModLoad;
using GoMod.Core.Module;
using GoMod.Core.Packages;

namespace GoMod.Core.Workspace;

/// <summary>
/// Package loading in workspace mode (go's <c>LoadPackages</c> with several <c>MainModules</c>): the one
/// <see cref="PackageLoader"/>, started from every <c>use</c>d module. The requirements are go's
/// <c>requirementsFromModFiles</c> in workspace mode (the main modules, then every requirement of every used go.mod
/// that no exclusion drops, direct where not <c>// indirect</c>) over the graph <see cref="WorkspaceLoader"/> read;
/// each main module's packages come from its directory; <c>all</c> starts from the packages of every main module and
/// a directory pattern from the module holding the directory. The load is readonly, as go's in a workspace.
/// </summary>
internal static class WorkspacePackages
{
    /// <summary>The main modules of <paramref name="ws"/> as the package loader takes them, in <c>use</c> order.</summary>
    public static IReadOnlyList<MainModuleRoot> MainModules(GoWorkspace ws) => [.. ws.Modules.Select(m => new MainModuleRoot(m.Path, m.Dir, m.File))];

    /// <summary>go's workspace <c>requirementsFromModFiles</c>, carrying the graph already read.</summary>
    public static Requirements Requirements(WorkspaceLoader loader, Mvs.ModuleGraph graph, Exception? graphError)
    {
        var roots = new List<ModuleVersion>(loader.MainVersions);
        var direct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in loader.Workspace.Modules)
        {
            foreach (var r in m.File.Require)
            {
                var mv = new ModuleVersion(r.Path, r.Version);
                if (loader.Loader.Main.IsExcluded(mv)) continue;
                roots.Add(mv);
                if (!r.Indirect) direct.Add(r.Path);
            }
        }
        return ModLoad.Requirements.WithGraph(ModLoad.Requirements.Sorted(roots), direct, graph, graphError);
    }

    /// <summary>
    /// Loads <paramref name="patterns"/> over the workspace (directory patterns relative to the loader's working
    /// directory). The graph is read first; its error, if any, is the load's.
    /// </summary>
    public static async Task<PackageGraph> LoadAsync(WorkspaceLoader loader, IReadOnlyList<string> patterns, PackageLoadOptions options, CancellationToken ct)
    {
        var (graph, err) = await loader.ReadGraphAsync(ct).ConfigureAwait(false);
        var rs = Requirements(loader, graph, err);
        return await loader.Loader.LoadPackagesAsync(rs, patterns, options with { MainModules = MainModules(loader.Workspace), ResolveMissingImports = false }, ct).ConfigureAwait(false);
    }
}
