using GoMod.Core.Module;
using GoMod.Core.Mvs;

namespace GoMod.Core.ModLoad;

/// <summary>
/// A set of root requirements of the main module with the graph read from them, loaded once on demand
/// (go's <c>modload.Requirements</c>). Roots are sorted in <c>module.Sort</c> order and may repeat a path.
/// </summary>
internal sealed class Requirements
{
    private Task<(ModuleGraph Graph, Exception? Error)>? _graph;
    private readonly object _lock = new();

    public Requirements(ModulePruning pruning, ModuleVersion[] rootModules, IReadOnlySet<string> direct)
    {
        Pruning = pruning;
        RootModules = rootModules;
        Direct = direct;
        foreach (var m in rootModules)
        {
            if (MaxRootVersion.TryGetValue(m.Path, out var v) && ModuleLoader.CompareVersions(v, m.Version) >= 0) continue;
            MaxRootVersion[m.Path] = m.Version;
        }
    }

    public ModulePruning Pruning { get; }

    public ModuleVersion[] RootModules { get; }

    /// <summary>Paths the main module is believed to import directly (no <c>// indirect</c>).</summary>
    public IReadOnlySet<string> Direct { get; }

    public Dictionary<string, string> MaxRootVersion { get; } = new(StringComparer.Ordinal);

    public bool IsGraphLoaded { get { lock (_lock) return _graph is { IsCompletedSuccessfully: true }; } }

    /// <summary>The version of <paramref name="path"/> among the roots ("" for the main module), if it is a root.</summary>
    public bool RootSelected(string mainPath, string path, out string version)
    {
        if (path == mainPath) { version = ""; return true; }
        return MaxRootVersion.TryGetValue(path, out version!);
    }

    public bool HasRedundantRoot(string mainPath)
    {
        for (int i = 0; i < RootModules.Length; i++)
        {
            var m = RootModules[i];
            if (m.Path == mainPath || (i > 0 && m.Path == RootModules[i - 1].Path)) return true;
        }
        return false;
    }

    /// <summary>The graph read from these roots, with the first error met (the graph is then incomplete).</summary>
    public Task<(ModuleGraph Graph, Exception? Error)> GraphAsync(ModuleLoader loader, CancellationToken ct)
    {
        lock (_lock)
        {
            return _graph ??= loader.ReadModGraphAsync(Pruning, RootModules, ct);
        }
    }

    /// <summary>
    /// Requirements whose graph was read elsewhere (a workspace's, by <c>Workspace.WorkspaceLoader</c>): <see cref="GraphAsync"/>
    /// returns it without reading anything.
    /// </summary>
    public static Requirements WithGraph(ModuleVersion[] rootModules, IReadOnlySet<string> direct, ModuleGraph graph, Exception? error)
    {
        var rs = new Requirements(ModulePruning.Pruned, rootModules, direct);
        rs._graph = Task.FromResult((graph, error));
        return rs;
    }

    public static ModuleVersion[] Sorted(IEnumerable<ModuleVersion> roots)
    {
        var list = roots.ToArray();
        Array.Sort(list, ModuleVersion.SortOrder);
        return list;
    }
}
