using GoMod.Core.ModFile;
using GoMod.Core.ModLoad;
using GoMod.Core.Module;
using GoMod.Core.Mvs;
using GoMod.Core.Semver;

namespace GoMod.Core.Tidy;

/// <summary>
/// go 1.21's go line as go 1.23's tidy treats it (<c>modload</c>: the <c>go</c> and <c>toolchain</c> roots,
/// <c>rawGoModSummary</c>, <c>UpdateGoModFromReqs</c>): a dependency whose go line is 1.21 or later requires that go
/// version, so the main module's go line is the highest go line among the modules whose go.mod the module graph read;
/// a go line above the local toolchain is an error; and the <c>toolchain</c> line follows the go line.
/// </summary>
internal sealed class TidyGoLine
{
    private readonly ModuleLoader _loader;
    private readonly Dictionary<ModuleVersion, string> _goLines = [];

    public TidyGoLine(ModuleLoader loader, string local)
    {
        _loader = loader;
        Local = local;
    }

    /// <summary>The loader whose graphs are read.</summary>
    public ModuleLoader Loader => _loader;

    /// <summary>From this release the go command no longer writes its own version as the toolchain line when it raises the go line.</summary>
    private const string NoSelfToolchainVersion = "1.25";

    /// <summary>The local toolchain's Go version (go's <c>gover.Local()</c>).</summary>
    public string Local { get; }

    /// <summary>The local toolchain version a setting names (<c>1.23.5</c> or <c>go1.23.5</c>), or go 1.23.5 when empty.</summary>
    public static string LocalVersion(string setting)
    {
        var v = setting.Trim();
        if (v.Length == 0) return GoToolchainVersions.NewestReproduced;
        return v.StartsWith("go", StringComparison.Ordinal) ? GoToolchainVersions.FromToolchain(v) : v;
    }

    /// <summary>
    /// The full go line of <paramref name="m"/>'s go.mod (after its replacement), "" when it has none. Module summaries
    /// keep only <c>1.N</c> of newer forms; here <c>1.22.1</c> and <c>1.21rc1</c> stay as written.
    /// </summary>
    public async Task<string> GoLineAsync(ModuleVersion m, CancellationToken ct)
    {
        var actual = _loader.Main.Resolve(m);
        if (_goLines.TryGetValue(actual, out var known)) return known;
        byte[] data;
        string name;
        if (actual.Version.Length == 0)
        {
            name = Path.Combine(_loader.Main.ReplacementDirectory(actual.Path), "go.mod");
            data = await File.ReadAllBytesAsync(name, ct).ConfigureAwait(false);
        }
        else
        {
            name = "go.mod";
            data = await _loader.Source.GetGoModAsync(actual.Path, actual.Version, ct).ConfigureAwait(false);
        }
        string go;
        try
        {
            go = GoModFile.ParseLax(name, System.Text.Encoding.UTF8.GetString(data)).Go ?? "";
        }
        catch (ModFileParseException)
        {
            go = "";
        }
        _goLines[actual] = go;
        return go;
    }

    /// <summary>The go version a dependency's go line requires: the line itself from go 1.21, none ("") before.</summary>
    private async Task<string> RequiredGoAsync(ModuleVersion m, CancellationToken ct)
    {
        var go = await GoLineAsync(m, ct).ConfigureAwait(false);
        return go.Length > 0 && GoToolchainVersions.Compare(go, GoToolchainVersions.StrictVersion) >= 0 ? go : "";
    }

    /// <summary>The modules of <paramref name="mg"/> whose go.mod the graph read, breadth first from the main module (go's <c>FindPath</c> order), each with the path to it.</summary>
    private static IEnumerable<(ModuleVersion Module, List<ModuleVersion> Path)> ReadModules(ModuleGraph mg)
    {
        var first = new Dictionary<ModuleVersion, ModuleVersion?>();
        var queue = new Queue<ModuleVersion>();
        if (!mg.TryGetRequirements(mg.MainModule, out var roots)) yield break;
        foreach (var r in roots)
        {
            if (first.TryAdd(r, null)) queue.Enqueue(r);
        }
        while (queue.Count > 0)
        {
            var m = queue.Dequeue();
            if (!mg.TryGetRequirements(m, out var reqs)) continue;
            foreach (var r in reqs)
            {
                if (first.TryAdd(r, m)) queue.Enqueue(r);
            }
            var path = new List<ModuleVersion>();
            for (ModuleVersion? at = m; at is { } a; at = first[a]) path.Insert(0, a);
            yield return (m, path);
        }
    }

    /// <summary>
    /// The go version the graph of <paramref name="rs"/> selects: the highest of <paramref name="mainGo"/> and the go
    /// lines (1.21 or later) of the modules whose go.mod the graph read.
    /// </summary>
    public async Task<string> SelectedAsync(Requirements rs, string mainGo, CancellationToken ct)
    {
        var (mg, _) = await rs.GraphAsync(_loader, ct).ConfigureAwait(false);
        var selected = mainGo;
        foreach (var (m, _) in ReadModules(mg))
        {
            var go = await RequiredGoAsync(m, ct).ConfigureAwait(false);
            if (go.Length > 0) selected = GoToolchainVersions.Max(selected, go);
        }
        return selected;
    }

    /// <summary>
    /// The first module (breadth first) of the graph of <paramref name="rs"/> whose go line (1.21 or later) is above
    /// the local toolchain: go's <c>module M@V requires go &gt;= X</c>; null when none is.
    /// </summary>
    public async Task<(ModuleVersion Module, GoVersionTooNewException Error)?> TooNewInGraphAsync(Requirements rs, CancellationToken ct)
    {
        var (mg, _) = await rs.GraphAsync(_loader, ct).ConfigureAwait(false);
        foreach (var (m, path) in ReadModules(mg))
        {
            var go = await RequiredGoAsync(m, ct).ConfigureAwait(false);
            if (go.Length == 0 || GoToolchainVersions.Compare(go, Local) <= 0) continue;
            // Below a root, go's build-list error: the requirement chain, then the module and its error.
            var via = path.Count == 1 ? "" : string.Concat(path.Take(path.Count - 1).Select(p => p + " requires\n\t")) + m + ": ";
            return (m, new GoVersionTooNewException("module " + m, go, Local, via));
        }
        return null;
    }

    /// <summary>
    /// The module, among <paramref name="modules"/>, with the highest go line above the local toolchain (any go line: go
    /// checks every module it downloads): go's <c>M@V requires go &gt;= X</c>; null when none is.
    /// </summary>
    public async Task<(ModuleVersion Module, GoVersionTooNewException Error)?> TooNewModuleAsync(IEnumerable<ModuleVersion> modules, CancellationToken ct)
    {
        (ModuleVersion, GoVersionTooNewException)? max = null;
        foreach (var m in modules)
        {
            var go = await GoLineAsync(m, ct).ConfigureAwait(false);
            if (go.Length == 0 || GoToolchainVersions.Compare(go, Local) <= 0) continue;
            if (max is { } x && GoToolchainVersions.Compare(go, x.Item2.GoVersion) <= 0) continue;
            max = (m, new GoVersionTooNewException(m.ToString(), go, Local));
        }
        return max;
    }

    /// <summary>
    /// go's check of <c>-go=version</c>: with the go root set to <paramref name="requested"/>, the tidy graph must not
    /// select a higher go; otherwise go's conflict (<c>M@V requires go@X, but V is requested</c>, <c>indirectly</c> past
    /// one step). Null when the requested version stands.
    /// </summary>
    public async Task<TidyGoConflictException?> ConflictAsync(Requirements tidy, string requested, CancellationToken ct)
    {
        var (mg, _) = await tidy.GraphAsync(_loader, ct).ConfigureAwait(false);
        var selected = requested;
        var paths = new List<(string Go, List<ModuleVersion> Path)>();
        foreach (var (m, path) in ReadModules(mg))
        {
            var go = await RequiredGoAsync(m, ct).ConfigureAwait(false);
            if (go.Length == 0) continue;
            selected = GoToolchainVersions.Max(selected, go);
            paths.Add((go, path));
        }
        if (selected == requested) return null;
        var to = paths.First(p => p.Go == selected).Path;
        var adverb = to.Count > 1 ? "indirectly " : "";
        return new TidyGoConflictException(requested, selected, $"{to[0]} {adverb}requires go@{selected}, but {requested} is requested");
    }

    /// <summary>
    /// go 1.23's <c>UpdateGoModFromReqs</c> for the go and toolchain lines: the go line set to <paramref name="goVersion"/>;
    /// the toolchain the main go.mod named (raised to the go version the loading graph selected, as the toolchain root
    /// is), or the go version's own; raised to the local toolchain when the go line changed (only while the local
    /// toolchain is older than go 1.25, which stopped naming itself there: golang/go#65847); dropped when it only
    /// repeats the go line or names a release before 1.21.
    /// </summary>
    public void Apply(GoModFile f, string? originalGo, string? originalToolchain, string goVersion, string loadingGo)
    {
        bool wroteGo = originalGo is null || originalGo != goVersion;
        f.SetGo(goVersion);
        string toolchain;
        if (originalToolchain is not null)
        {
            toolchain = originalToolchain;
            if (GoToolchainVersions.Compare(loadingGo, GoToolchainVersions.StrictVersion) >= 0
                && GoToolchainVersions.Compare(GoToolchainVersions.FromToolchain(toolchain), loadingGo) < 0)
                toolchain = "go" + loadingGo;
        }
        else
        {
            toolchain = "go" + goVersion;
        }
        var toolVersion = GoToolchainVersions.FromToolchain(toolchain);
        if (wroteGo && GoToolchainVersions.Compare(goVersion, GoToolchainVersions.StrictVersion) >= 0
            && GoToolchainVersions.Compare(Local, NoSelfToolchainVersion) < 0
            && GoToolchainVersions.Compare(Local, toolVersion) > 0 && !GoToolchainVersions.IsLang(Local))
        {
            toolchain = "go" + Local;
            toolVersion = Local;
        }
        if (toolchain == "go" + goVersion || GoToolchainVersions.Compare(toolVersion, GoToolchainVersions.StrictVersion) < 0)
            f.DropToolchain();
        else
            f.SetToolchain(toolchain);
    }
}
