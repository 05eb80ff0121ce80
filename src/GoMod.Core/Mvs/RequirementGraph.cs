using GoMod.Core.Module;

namespace GoMod.Core.Mvs;

/// <summary>
/// The incremental MVS graph: requirements are pushed in as they are read, and the selected version of each path
/// is the highest version of it on any edge reached from the roots (go's <c>mvs.Graph</c>).
/// Not thread-safe: the loaders add requirements from one thread.
/// </summary>
internal sealed class RequirementGraph
{
    private const string None = "none";

    private readonly Comparison<string> _compare;
    private readonly ModuleVersion[] _roots;
    private readonly Dictionary<ModuleVersion, ModuleVersion[]> _required = [];
    private readonly Dictionary<ModuleVersion, bool> _isRoot = [];
    private readonly Dictionary<string, string> _selected = new(StringComparer.Ordinal);

    public RequirementGraph(Comparison<string> compare, IReadOnlyList<ModuleVersion> roots)
    {
        _compare = compare;
        _roots = [.. roots];
        foreach (var m in _roots)
        {
            _isRoot[m] = true;
            if (_compare(Selected(m.Path), m.Version) < 0) _selected[m.Path] = m.Version;
        }
    }

    public IReadOnlyList<ModuleVersion> Roots => _roots;

    /// <summary>Records the requirements of <paramref name="m"/>, which must be reachable and not yet recorded.</summary>
    public void Require(ModuleVersion m, ModuleVersion[] reqs)
    {
        if (!_isRoot.ContainsKey(m)) throw new InvalidOperationException($"{m} is not reachable from any root");
        if (!_required.TryAdd(m, reqs)) throw new InvalidOperationException($"requirements of {m} have already been set");
        foreach (var dep in reqs)
        {
            _isRoot.TryAdd(dep, false);
            if (_compare(Selected(dep.Path), dep.Version) < 0) _selected[dep.Path] = dep.Version;
        }
    }

    public bool RequiredBy(ModuleVersion m, out ModuleVersion[] reqs)
    {
        if (_required.TryGetValue(m, out var r)) { reqs = r; return true; }
        reqs = [];
        return false;
    }

    public bool IsLoaded(ModuleVersion m) => _required.ContainsKey(m);

    public string Selected(string path) => _selected.TryGetValue(path, out var v) ? v : None;

    /// <summary>The selected version of every path: first those of the roots (in root order), then the rest in <c>module.Sort</c> order.</summary>
    public List<ModuleVersion> BuildList()
    {
        var seenRoot = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<ModuleVersion>(_selected.Count);
        foreach (var r in _roots)
        {
            if (!seenRoot.Add(r.Path)) continue;
            var v = Selected(r.Path);
            if (v != None) list.Add(new ModuleVersion(r.Path, v));
        }
        int rootCount = list.Count;
        foreach (var (path, version) in _selected)
            if (!seenRoot.Contains(path)) list.Add(new ModuleVersion(path, version));
        list.Sort(rootCount, list.Count - rootCount, ModuleVersion.SortOrder);
        return list;
    }

    /// <summary>Visits every version (other than "none") in the graph, selected or not, breadth-first from the roots.</summary>
    public void WalkBreadthFirst(Action<ModuleVersion> visit)
    {
        var queue = new Queue<ModuleVersion>();
        var enqueued = new HashSet<ModuleVersion>();
        // Every root is visited, a repeated one again (as go's mvs.Graph: a workspace may use one module path twice).
        foreach (var m in _roots)
        {
            if (m.Version == None) continue;
            enqueued.Add(m);
            queue.Enqueue(m);
        }
        while (queue.Count > 0)
        {
            var m = queue.Dequeue();
            visit(m);
            if (!_required.TryGetValue(m, out var reqs)) continue;
            foreach (var r in reqs)
                if (r.Version != None && enqueued.Add(r)) queue.Enqueue(r);
        }
    }

    /// <summary>A shortest requirement path from a root to a version for which <paramref name="match"/> holds, or null.</summary>
    public List<ModuleVersion>? FindPath(Func<ModuleVersion, bool> match)
    {
        var firstRequiredBy = new Dictionary<ModuleVersion, ModuleVersion?>();
        var queue = new Queue<ModuleVersion>();
        foreach (var m in _roots)
        {
            queue.Enqueue(m);
            firstRequiredBy.TryAdd(m, null);
        }
        while (queue.Count > 0)
        {
            var m = queue.Dequeue();
            if (match(m))
            {
                var path = new List<ModuleVersion> { m };
                for (var p = firstRequiredBy[m]; p is { } parent; p = firstRequiredBy[parent]) path.Add(parent);
                path.Reverse();
                return path;
            }
            if (!_required.TryGetValue(m, out var reqs)) continue;
            foreach (var r in reqs)
                if (firstRequiredBy.TryAdd(r, m)) queue.Enqueue(r);
        }
        return null;
    }
}
