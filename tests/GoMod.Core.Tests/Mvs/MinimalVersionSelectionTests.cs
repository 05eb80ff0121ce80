using GoMod.Core.Fetch;
using GoMod.Core.Module;
using GoMod.Core.Mvs;
using GoMod.Core.Semver;

namespace GoMod.Core.Tests.Mvs;

/// <summary>The MVS algorithm on in-memory requirement graphs: worked examples and properties over random graphs.</summary>
public class MinimalVersionSelectionTests
{
    /// <summary>A requirement graph held in memory: "path@version" → its requirements.</summary>
    private sealed class MemoryGraph
    {
        public Dictionary<ModuleVersion, List<ModuleVersion>> Edges { get; } = [];

        public MemoryGraph Add(string from, params string[] to)
        {
            var m = Parse(from);
            if (!Edges.TryGetValue(m, out var list)) Edges[m] = list = [];
            list.AddRange(to.Select(Parse));
            foreach (var t in to) Edges.TryAdd(Parse(t), []);
            return this;
        }

        public MinimalVersionSelection.RequiredFunc Required => (m, _) =>
            Edges.TryGetValue(m, out var list)
                ? ValueTask.FromResult<IReadOnlyList<ModuleVersion>>(list)
                : ValueTask.FromException<IReadOnlyList<ModuleVersion>>(new ModuleNotFoundException(m.Path, m.Version, "not in the test graph"));

        public static ModuleVersion Parse(string s)
        {
            int at = s.IndexOf('@');
            return at < 0 ? new ModuleVersion(s, "") : new ModuleVersion(s[..at], s[(at + 1)..]);
        }
    }

    /// <summary>Main module ("") above every version, then semver, as modload compares.</summary>
    private static int Compare(string a, string b)
    {
        if (b.Length == 0) return a.Length == 0 ? 0 : -1;
        if (a.Length == 0) return 1;
        return SemVer.Compare(a, b);
    }

    private static async Task<string> BuildList(MemoryGraph g, string target = "main") =>
        string.Join(' ', await MinimalVersionSelection.BuildListAsync([MemoryGraph.Parse(target)], g.Required, Compare));

    [Fact]
    public async Task BuildList_selects_the_highest_required_version_of_each_path_reached()
    {
        // research.swtch.com/vgo-mvs, Algorithm 1.
        var g = new MemoryGraph()
            .Add("main", "b@v1.2.0", "c@v1.2.0")
            .Add("b@v1.2.0", "d@v1.3.0")
            .Add("c@v1.2.0", "d@v1.4.0")
            .Add("d@v1.3.0", "e@v1.2.0")
            .Add("d@v1.4.0", "e@v1.2.0")
            .Add("c@v1.3.0", "f@v1.1.0");
        (await BuildList(g)).ShouldBe("main b@v1.2.0 c@v1.2.0 d@v1.4.0 e@v1.2.0");
    }

    [Fact]
    public async Task BuildList_puts_the_target_first_and_sorts_the_rest_by_path()
    {
        var g = new MemoryGraph().Add("main", "z@v1.0.0", "a@v1.0.0", "m@v1.0.0");
        (await BuildList(g)).ShouldBe("main a@v1.0.0 m@v1.0.0 z@v1.0.0");
    }

    [Fact]
    public async Task BuildList_follows_the_requirements_of_versions_that_are_not_selected()
    {
        var g = new MemoryGraph()
            .Add("main", "a@v1.0.0", "a@v1.1.0")
            .Add("a@v1.0.0", "b@v1.0.0")
            .Add("a@v1.1.0");
        (await BuildList(g)).ShouldBe("main a@v1.1.0 b@v1.0.0");
    }

    [Fact]
    public async Task BuildList_terminates_on_cycles_and_keeps_the_target_version()
    {
        var g = new MemoryGraph()
            .Add("main", "a@v1.0.0")
            .Add("a@v1.0.0", "b@v1.0.0")
            .Add("b@v1.0.0", "a@v1.1.0", "main@v0.9.0")
            .Add("a@v1.1.0", "b@v1.0.0")
            .Add("main@v0.9.0", "c@v1.0.0");
        (await BuildList(g)).ShouldBe("main a@v1.1.0 b@v1.0.0 c@v1.0.0");
    }

    [Fact]
    public async Task BuildList_orders_prereleases_below_their_release()
    {
        var g = new MemoryGraph().Add("main", "a@v1.0.0-rc.1", "b@v1.0.0").Add("b@v1.0.0", "a@v1.0.0-beta");
        (await BuildList(g)).ShouldBe("main a@v1.0.0-rc.1 b@v1.0.0");
    }

    [Fact]
    public async Task BuildList_treats_none_as_absent()
    {
        var g = new MemoryGraph().Add("main", "a@none", "b@v1.0.0");
        (await BuildList(g)).ShouldBe("main b@v1.0.0");
    }

    [Fact]
    public async Task BuildList_error_names_the_shortest_requirement_chain()
    {
        var g = new MemoryGraph()
            .Add("main", "a@v1.0.0", "x@v1.0.0")
            .Add("a@v1.0.0", "b@v1.0.0")
            .Add("x@v1.0.0", "y@v1.0.0")
            .Add("y@v1.0.0", "b@v1.0.0");
        g.Edges.Remove(MemoryGraph.Parse("b@v1.0.0"));
        var e = await Should.ThrowAsync<BuildListException>(() => BuildList(g));
        e.Message.ShouldBe("a@v1.0.0 requires\n\tb@v1.0.0: not in the test graph");
        e.Chain.ShouldBe([MemoryGraph.Parse("main"), MemoryGraph.Parse("a@v1.0.0"), MemoryGraph.Parse("b@v1.0.0")]);
    }

    [Fact]
    public async Task BuildList_error_at_a_direct_requirement_has_no_chain()
    {
        var g = new MemoryGraph().Add("main", "a@v1.0.0");
        g.Edges.Remove(MemoryGraph.Parse("a@v1.0.0"));
        var e = await Should.ThrowAsync<BuildListException>(() => BuildList(g));
        e.Message.ShouldBe("a@v1.0.0: not in the test graph");
    }

    [Fact]
    public async Task Req_keeps_base_paths_and_drops_requirements_implied_by_others()
    {
        var g = new MemoryGraph()
            .Add("main", "a@v1.0.0", "b@v1.1.0", "c@v1.0.0")
            .Add("a@v1.0.0", "b@v1.1.0", "c@v1.0.0")
            .Add("b@v1.1.0")
            .Add("c@v1.0.0");
        var min = await MinimalVersionSelection.ReqAsync(MemoryGraph.Parse("main"), ["c"], g.Required, Compare);
        string.Join(' ', min).ShouldBe("a@v1.0.0 c@v1.0.0");
    }

    [Fact]
    public async Task Req_keeps_a_requirement_that_raises_a_version()
    {
        var g = new MemoryGraph()
            .Add("main", "a@v1.0.0", "b@v1.2.0")
            .Add("a@v1.0.0", "b@v1.1.0");
        var min = await MinimalVersionSelection.ReqAsync(MemoryGraph.Parse("main"), [], g.Required, Compare);
        string.Join(' ', min).ShouldBe("a@v1.0.0 b@v1.2.0");
    }

    // ----- Properties over random graphs -----

    /// <summary>A random graph: 3–12 paths with 1–6 versions each, each version requiring 0–4 random other paths.</summary>
    private static MemoryGraph RandomGraph(Random rng, out List<ModuleVersion> mainRequires)
    {
        var g = new MemoryGraph();
        int paths = rng.Next(3, 13);
        var versions = new List<ModuleVersion>();
        for (int p = 0; p < paths; p++)
        {
            int n = rng.Next(1, 7);
            for (int v = 0; v < n; v++) versions.Add(new ModuleVersion($"m{p:D2}", $"v1.{v}.0"));
        }
        foreach (var m in versions)
        {
            var reqs = new List<ModuleVersion>();
            int k = rng.Next(0, 5);
            for (int i = 0; i < k; i++)
            {
                var r = versions[rng.Next(versions.Count)];
                if (r.Path != m.Path) reqs.Add(r);
            }
            g.Edges[m] = reqs;
        }
        mainRequires = [];
        int roots = rng.Next(1, 4);
        for (int i = 0; i < roots; i++) mainRequires.Add(versions[rng.Next(versions.Count)]);
        g.Edges[MemoryGraph.Parse("main")] = mainRequires;
        return g;
    }

    /// <summary>Reference MVS: the transitive closure from main, and the maximum version per path over it.</summary>
    private static Dictionary<string, string> Reference(MemoryGraph g)
    {
        var seen = new HashSet<ModuleVersion>();
        var stack = new Stack<ModuleVersion>();
        stack.Push(MemoryGraph.Parse("main"));
        var max = new Dictionary<string, string>();
        while (stack.Count > 0)
        {
            var m = stack.Pop();
            if (!seen.Add(m)) continue;
            if (!max.TryGetValue(m.Path, out var v) || Compare(v, m.Version) < 0) max[m.Path] = m.Version;
            foreach (var r in g.Edges[m]) stack.Push(r);
        }
        return max;
    }

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 200));

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task BuildList_is_the_maximum_version_per_path_over_the_reachable_graph(int seed)
    {
        var g = RandomGraph(new Random(seed), out _);
        var list = await MinimalVersionSelection.BuildListAsync([MemoryGraph.Parse("main")], g.Required, Compare);
        var expected = Reference(g).OrderBy(kv => kv.Key == "main" ? "" : kv.Key, StringComparer.Ordinal).Select(kv => new ModuleVersion(kv.Key, kv.Value));
        list.ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task BuildList_contains_the_main_requirements_and_satisfies_every_reached_requirement(int seed)
    {
        var g = RandomGraph(new Random(seed), out var mainRequires);
        var list = await MinimalVersionSelection.BuildListAsync([MemoryGraph.Parse("main")], g.Required, Compare);
        var selected = list.ToDictionary(m => m.Path, m => m.Version);
        foreach (var r in mainRequires)
            Compare(selected[r.Path], r.Version).ShouldBeGreaterThanOrEqualTo(0);
        // Every requirement of every selected version is met by the selection.
        foreach (var m in list)
            foreach (var r in g.Edges[m])
                Compare(selected[r.Path], r.Version).ShouldBeGreaterThanOrEqualTo(0, $"{m} requires {r}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Adding_a_requirement_never_lowers_a_selected_version(int seed)
    {
        var rng = new Random(seed);
        var g = RandomGraph(rng, out _);
        var before = (await MinimalVersionSelection.BuildListAsync([MemoryGraph.Parse("main")], g.Required, Compare)).ToDictionary(m => m.Path, m => m.Version);

        var all = g.Edges.Keys.Where(k => k.Version.Length != 0).ToList();
        var from = g.Edges.Keys.ElementAt(rng.Next(g.Edges.Count));
        var to = all[rng.Next(all.Count)];
        if (to.Path != from.Path) g.Edges[from] = [.. g.Edges[from], to];

        var after = (await MinimalVersionSelection.BuildListAsync([MemoryGraph.Parse("main")], g.Required, Compare)).ToDictionary(m => m.Path, m => m.Version);
        foreach (var (path, v) in before)
            Compare(after[path], v).ShouldBeGreaterThanOrEqualTo(0, $"{path} went from {v} to {after[path]}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Req_reproduces_the_build_list_and_keeps_the_base_paths(int seed)
    {
        var rng = new Random(seed);
        var g = RandomGraph(rng, out var mainRequires);
        var main = MemoryGraph.Parse("main");
        var list = await MinimalVersionSelection.BuildListAsync([main], g.Required, Compare);
        var basePaths = mainRequires.Select(m => m.Path).Distinct().Take(rng.Next(0, 3)).ToList();

        var min = await MinimalVersionSelection.ReqAsync(main, basePaths, g.Required, Compare);
        foreach (var p in basePaths) min.Select(m => m.Path).ShouldContain(p);
        min.Select(m => m.Path).ShouldBe(min.Select(m => m.Path).Order(StringComparer.Ordinal));

        var g2 = new MemoryGraph();
        foreach (var (k, v) in g.Edges) g2.Edges[k] = v;
        g2.Edges[main] = [.. min];
        var list2 = await MinimalVersionSelection.BuildListAsync([main], g2.Required, Compare);
        list2.ShouldBe(list);
    }
}
