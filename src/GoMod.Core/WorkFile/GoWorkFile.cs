using System.Text;
using GoMod.Core.Internal;
using GoMod.Core.ModFile;

namespace GoMod.Core.WorkFile;

/// <summary>
/// A go.work file, exact to the go command: go.mod's syntax (the same parser, printer and edits as
/// <see cref="GoModFile"/>, comments kept), with go.work's directives — <c>go</c>, <c>toolchain</c>, <c>godebug</c>,
/// <c>use</c> (single lines and blocks) and <c>replace</c>.
/// </summary>
public sealed class GoWorkFile
{
    private readonly GoModFile _file;
    private readonly Dictionary<string, string> _modulePaths = new(StringComparer.Ordinal);

    private GoWorkFile(GoModFile file) => _file = file;

    /// <summary>
    /// Parses a go.work as x/mod's <c>ParseWork</c> does: any other directive is <c>unknown directive: X</c>, any other
    /// block <c>unknown block type: X</c>; go, toolchain, godebug and replace follow go.mod's rules and wording. Throws
    /// <see cref="ModFileParseException"/> (and nothing else) listing every error as <c>FILE:LINE:COL: message</c>.
    /// </summary>
    public static GoWorkFile Parse(string fileName, string text) => new(GoModFile.ParseWork(fileName, text));

    /// <summary>An empty go.work, as <c>go work init</c> starts from.</summary>
    public static GoWorkFile CreateEmpty(string fileName = "go.work") => new(GoModFile.CreateEmptyWork(fileName));

    /// <summary>The file name used in error messages.</summary>
    public string FileName => _file.FileName;

    /// <summary>The go version, or null when there is no go line.</summary>
    public string? Go => _file.Go;

    /// <summary>The toolchain name, or null.</summary>
    public string? Toolchain => _file.Toolchain;

    /// <summary>The godebug settings, in file order.</summary>
    public IReadOnlyList<GodebugSetting> Godebug => _file.Godebug;

    /// <summary>Where the <paramref name="index"/>-th godebug setting was parsed, or null.</summary>
    public ModFilePosition? PositionOfGodebug(int index) => _file.PositionOfGodebug(index);

    /// <summary>The module directories of the <c>use</c> directives, in file order, as written.</summary>
    public IReadOnlyList<string> Use => _file.Use;

    /// <summary>The replacements, in file order; they apply to every module of the workspace and win over the modules' own.</summary>
    public IReadOnlyList<Replacement> Replace => _file.Replace;

    /// <summary>The file as <c>go work edit -fmt</c> writes it (x/mod's <c>SortBlocks</c>, <c>Cleanup</c>, <c>Format</c>).</summary>
    public string Format() => _file.Format();

    /// <summary>Sets the go version (<c>go work edit -go</c>); a new go line goes before the first directive.</summary>
    public void SetGo(string version) => _file.SetWorkGo(version);

    /// <summary>Sets the toolchain line.</summary>
    public void SetToolchain(string name) => _file.SetToolchain(name);

    /// <summary>Sets a godebug key (<c>go work edit -godebug</c> of later go).</summary>
    public void AddGodebug(string key, string value) => _file.AddGodebug(key, value);

    /// <summary>Deletes a godebug key.</summary>
    public void DropGodebug(string key) => _file.DropGodebug(key);

    /// <summary>Adds a use directive for <paramref name="diskPath"/> (<c>go work edit -use</c>); an existing one is kept, duplicates dropped.</summary>
    public void AddUse(string diskPath) => _file.AddUse(diskPath);

    /// <summary>Deletes the use directives for <paramref name="diskPath"/> (<c>go work edit -dropuse</c>).</summary>
    public void DropUse(string diskPath) => _file.DropUse(diskPath);

    /// <summary>Adds or rewrites a replacement (<c>go work edit -replace</c>), as <see cref="GoModFile.AddReplace"/>.</summary>
    public void AddReplace(string oldPath, string oldVersion, string newPath, string newVersion) => _file.AddReplace(oldPath, oldVersion, newPath, newVersion);

    /// <summary>Deletes a replacement (<c>go work edit -dropreplace</c>).</summary>
    public void DropReplace(string oldPath, string oldVersion) => _file.DropReplace(oldPath, oldVersion);

    /// <summary>
    /// go's <c>UpdateWorkFile</c>, which every <c>go work</c> command runs before writing: each used directory whose
    /// module <paramref name="modulePathOf"/> finds (go reads <c>DIR/go.mod</c> relative to its working directory) is
    /// annotated with that module path, and later <c>use</c> lines of the same directory are deleted (go's
    /// <c>AddUse</c>).
    /// </summary>
    public void UpdateModulePaths(Func<string, string?> modulePathOf)
    {
        ArgumentNullException.ThrowIfNull(modulePathOf);
        foreach (var dir in Use.Distinct(StringComparer.Ordinal).ToList())
        {
            if (_modulePaths.ContainsKey(dir) || modulePathOf(dir) is not { } module) continue;
            _modulePaths[dir] = module;
            _file.AddUse(dir);
        }
    }

    /// <summary>
    /// <c>go work edit -json</c> as go 1.19 prints it: <c>Go</c> (omitted when empty), <c>Use</c> in file order
    /// (<c>DiskPath</c>, and <c>ModPath</c> when <see cref="UpdateModulePaths"/> found one; null when there is none)
    /// and <c>Replace</c> (duplicates of an old path and version dropped, the last kept; <c>Old</c>/<c>New</c> as
    /// <c>Path</c> and <c>Version</c>, the version omitted when empty; null when there is none), tab-indented, with a
    /// final newline. Go 1.19 knows no toolchain or godebug in go.work, and so prints neither.
    /// </summary>
    public string FormatJson()
    {
        var b = new StringBuilder();
        var w = new GoJson(b);
        w.BeginObject();
        if (!string.IsNullOrEmpty(Go)) w.Field("Go", Go);

        var uses = Use.Select(dir => (Dir: dir, Module: _modulePaths.GetValueOrDefault(dir))).ToList();
        w.Name("Use");
        if (uses.Count == 0) b.Append("null");
        else
        {
            w.BeginArray();
            foreach (var (dir, module) in uses)
            {
                w.ArrayItem();
                w.BeginObject();
                w.Field("DiskPath", dir);
                if (!string.IsNullOrEmpty(module)) w.Field("ModPath", module);
                w.EndObject();
            }
            w.EndArray();
        }

        var all = Replace;
        var replace = all.Where((r, i) => !all.Skip(i + 1).Any(later => later.OldPath == r.OldPath && later.OldVersion == r.OldVersion)).ToList();
        w.Name("Replace");
        if (replace.Count == 0) b.Append("null");
        else
        {
            w.BeginArray();
            foreach (var r in replace)
            {
                w.ArrayItem();
                w.BeginObject();
                Version(w, "Old", r.OldPath, r.OldVersion);
                Version(w, "New", r.NewPath, r.NewVersion);
                w.EndObject();
            }
            w.EndArray();
        }
        w.EndObject();
        return b.Append('\n').ToString();
    }

    private static void Version(GoJson w, string name, string path, string version)
    {
        w.Name(name);
        w.BeginObject();
        w.Field("Path", path);
        if (version.Length != 0) w.Field("Version", version);
        w.EndObject();
    }
}
