using GoMod.Core.Module;

namespace GoMod.Core.Mvs;

/// <summary>
/// Minimal Version Selection over any requirement graph (go's <c>cmd/go/internal/mvs</c>; research.swtch.com/vgo-mvs).
/// Versions are opaque except through the comparison passed in; "none" means "no version".
/// </summary>
public static class MinimalVersionSelection
{
    /// <summary>Reads the requirements of one module version.</summary>
    public delegate ValueTask<IReadOnlyList<ModuleVersion>> RequiredFunc(ModuleVersion m, CancellationToken cancellationToken);

    /// <summary>
    /// The build list of <paramref name="targets"/>: every module reachable from them, at the highest version any
    /// reached requirement names. The targets come first (their versions must win), the rest sorted by path.
    /// An error reading requirements is reported with the shortest requirement chain to it.
    /// </summary>
    /// <exception cref="BuildListException">Some reached module's requirements could not be read.</exception>
    public static async Task<IReadOnlyList<ModuleVersion>> BuildListAsync(IReadOnlyList<ModuleVersion> targets, RequiredFunc required,
        Comparison<string> compare, CancellationToken cancellationToken = default)
    {
        var g = await ReadGraphAsync(targets, required, compare, cancellationToken).ConfigureAwait(false);
        var list = g.BuildList();
        for (int i = 0; i < targets.Count; i++)
            if (list.Count <= i || list[i] != targets[i])
                throw new InvalidOperationException($"mistake: chose versions {string.Join(", ", list.Take(targets.Count))} instead of targets {string.Join(", ", targets)}");
        return list;
    }

    internal static async Task<RequirementGraph> ReadGraphAsync(IReadOnlyList<ModuleVersion> targets, RequiredFunc required,
        Comparison<string> compare, CancellationToken ct)
    {
        var g = new RequirementGraph(compare, targets);
        var errors = new Dictionary<ModuleVersion, Exception>();
        var seen = new HashSet<ModuleVersion>();
        var queue = new Queue<ModuleVersion>();
        foreach (var t in targets) if (seen.Add(t)) queue.Enqueue(t);
        while (queue.Count > 0)
        {
            var m = queue.Dequeue();
            IReadOnlyList<ModuleVersion> reqs = [];
            if (m.Version != "none")
            {
                try
                {
                    reqs = await required(m, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    errors[m] = e;
                    reqs = [];
                }
            }
            g.Require(m, [.. reqs]);
            foreach (var r in reqs) if (seen.Add(r)) queue.Enqueue(r);
        }
        if (errors.Count > 0)
        {
            var path = g.FindPath(errors.ContainsKey) ?? throw new InvalidOperationException("internal error: could not reconstruct path to module with error");
            throw new BuildListException(errors[path[^1]], path, null);
        }
        return g;
    }

    /// <summary>
    /// The minimal requirement list for <paramref name="mainModule"/> that reproduces its build list and names every
    /// path in <paramref name="basePaths"/> (go's <c>mvs.Req</c>, "Algorithm R"), sorted by path.
    /// </summary>
    public static async Task<IReadOnlyList<ModuleVersion>> ReqAsync(ModuleVersion mainModule, IReadOnlyList<string> basePaths,
        RequiredFunc required, Comparison<string> compare, CancellationToken cancellationToken = default)
    {
        var list = await BuildListAsync([mainModule], required, compare, cancellationToken).ConfigureAwait(false);

        var max = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in list) max[m.Path] = m.Version;

        // Postorder over the requirement graph (requirements are cached: the build list already read them all).
        var postorder = new List<ModuleVersion>();
        var reqCache = new Dictionary<ModuleVersion, IReadOnlyList<ModuleVersion>> { [mainModule] = [] };
        foreach (var start in list)
        {
            if (reqCache.ContainsKey(start)) continue;
            // Iterative depth-first walk, children in requirement order, matching the recursive definition.
            var stack = new Stack<(ModuleVersion M, int Next)>();
            reqCache[start] = await required(start, cancellationToken).ConfigureAwait(false);
            stack.Push((start, 0));
            while (stack.Count > 0)
            {
                var (m, next) = stack.Pop();
                var reqs = reqCache[m];
                if (next < reqs.Count)
                {
                    stack.Push((m, next + 1));
                    var child = reqs[next];
                    if (!reqCache.ContainsKey(child))
                    {
                        reqCache[child] = await required(child, cancellationToken).ConfigureAwait(false);
                        stack.Push((child, 0));
                    }
                    continue;
                }
                postorder.Add(m);
            }
        }

        var have = new HashSet<ModuleVersion>();
        void Walk(ModuleVersion m)
        {
            var stack = new Stack<ModuleVersion>();
            stack.Push(m);
            while (stack.Count > 0)
            {
                var x = stack.Pop();
                if (!have.Add(x)) continue;
                if (reqCache.TryGetValue(x, out var reqs))
                    for (int i = reqs.Count - 1; i >= 0; i--) stack.Push(reqs[i]);
            }
        }

        var min = new List<ModuleVersion>();
        var haveBase = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in basePaths)
        {
            if (!haveBase.Add(path)) continue;
            var m = new ModuleVersion(path, max.TryGetValue(path, out var v) ? v : "");
            min.Add(m);
            Walk(m);
        }
        for (int i = postorder.Count - 1; i >= 0; i--)
        {
            var m = postorder[i];
            if (max[m.Path] != m.Version) continue;
            if (have.Contains(m)) continue;
            min.Add(m);
            Walk(m);
        }
        min.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return min;
    }
}
