using GoMod.Core.ModLoad;
using GoMod.Core.Module;

namespace GoMod.Core.Mvs;

/// <summary>
/// The module requirement graph of a main module as go reads it: every version reached from the main module's
/// requirements (pruned at go ≥ 1.17 modules), with each module's requirements and the version MVS selects per path.
/// </summary>
public sealed class ModuleGraph
{
    private readonly RequirementGraph _graph;
    private List<ModuleVersion>? _buildList;

    internal ModuleGraph(RequirementGraph graph, ModuleVersion mainModule)
    {
        _graph = graph;
        MainModule = mainModule;
    }

    internal RequirementGraph Graph => _graph;

    /// <summary>The main module's vertex (its path, no version).</summary>
    public ModuleVersion MainModule { get; }

    /// <summary>The selected version of <paramref name="path"/>: the highest on any edge reached, "" for the main module, "none" if absent.</summary>
    public string Selected(string path) => _graph.Selected(path);

    /// <summary>The requirements read for <paramref name="m"/>, in go.mod order; false when its go.mod was not read (pruned out).</summary>
    public bool TryGetRequirements(ModuleVersion m, out IReadOnlyList<ModuleVersion> requirements)
    {
        bool ok = _graph.RequiredBy(m, out var reqs);
        requirements = reqs;
        return ok;
    }

    /// <summary>The build list: the main module first, then the selected version of every other path, sorted by path.</summary>
    public IReadOnlyList<ModuleVersion> BuildList => _buildList ??= _graph.BuildList();

    /// <summary>Every version in the graph (selected or not, "none" excluded), breadth-first from the main module.</summary>
    public IReadOnlyList<ModuleVersion> BreadthFirst()
    {
        var list = new List<ModuleVersion>();
        _graph.WalkBreadthFirst(list.Add);
        return list;
    }
}
