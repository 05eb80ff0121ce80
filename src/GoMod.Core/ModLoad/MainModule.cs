using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.ModLoad;

/// <summary>A requirement line of the main go.mod.</summary>
internal readonly record struct MainRequirement(ModuleVersion Module, bool Indirect);

/// <summary>
/// The main module as modload indexes it: its path and directory, its go line, and the replace and exclude
/// directives, which apply only from the main module.
/// </summary>
internal sealed class MainModule
{
    private readonly Dictionary<ModuleVersion, ModuleVersion> _replace = [];
    private readonly HashSet<ModuleVersion> _exclude;

    public MainModule(string path, string modRoot, string goVersion, MainRequirement[] requires, ModuleVersion[] excludes,
        (ModuleVersion Old, ModuleVersion New)[] replaces, GoModFile file, bool needsFix = false)
    {
        NeedsFix = needsFix;
        Path = path;
        ModRoot = modRoot;
        RawGoVersion = goVersion;
        Requires = requires;
        _exclude = [.. excludes];
        File = file;
        foreach (var (old, @new) in replaces)
        {
            if (_replace.TryGetValue(old, out var prev) && prev != @new)
                throw new GoCommandException($"conflicting replacements for {old}:\n\t{prev}\n\t{@new}");
            _replace[old] = @new;
            if (!HighestReplaced.TryGetValue(old.Path, out var v) || SemVer.Compare(old.Version, v) > 0)
                HighestReplaced[old.Path] = old.Version;
        }
    }

    /// <summary>Where each path is first required in go.mod (line, column), for diagnostics; empty when unknown.</summary>
    public IReadOnlyDictionary<string, (int Line, int Column)> RequireLines { get; private set; } = new Dictionary<string, (int, int)>();

    public MainModule WithRequireLines(IReadOnlyDictionary<string, (int Line, int Column)> lines)
    {
        RequireLines = lines;
        return this;
    }

    /// <summary>The main go.mod file's path.</summary>
    public string GoModPath => System.IO.Path.Combine(ModRoot, "go.mod");

    /// <summary>A module with nothing required, replaced or excluded, for queries made before go.mod is read.</summary>
    public static MainModule Bare(string modRoot) => new("", modRoot, "", [], [], [], GoModFile.CreateEmpty());

    public string Path { get; }

    /// <summary>Some version in go.mod was not canonical and was resolved: the file needs rewriting.</summary>
    public bool NeedsFix { get; }

    public string ModRoot { get; }

    /// <summary>The main module's vertex: its path with no version, which compares above every version.</summary>
    public ModuleVersion Version => new(Path, "");

    /// <summary>The go line as written, or empty.</summary>
    public string RawGoVersion { get; }

    /// <summary>The go version requirements are read at: the go line, or 1.16 when there is none (go's <c>modFileGoVersion</c>).</summary>
    public string GoVersion => RawGoVersion.Length == 0 ? "1.16" : RawGoVersion;

    public MainRequirement[] Requires { get; }

    public GoModFile File { get; }

    /// <summary>For each replaced path, the highest replaced version ("" for a replacement of every version).</summary>
    public Dictionary<string, string> HighestReplaced { get; } = new(StringComparer.Ordinal);

    public bool HasReplacements => _replace.Count > 0;

    public IEnumerable<ModuleVersion> ReplacedVersions => _replace.Keys;

    public bool IsExcluded(ModuleVersion m) => _exclude.Contains(m);

    public bool HasExclusions => _exclude.Count > 0;

    /// <summary>The replacement for <paramref name="m"/> (exact version first, then every version), or default.</summary>
    public ModuleVersion Replacement(ModuleVersion m)
    {
        if (m.Path == Path && m.Version.Length == 0) return default;
        if (_replace.TryGetValue(m, out var r)) return r;
        if (_replace.TryGetValue(new ModuleVersion(m.Path, ""), out r)) return r;
        return default;
    }

    /// <summary>The module whose content and requirements are used for <paramref name="m"/>: its replacement or itself.</summary>
    public ModuleVersion Resolve(ModuleVersion m)
    {
        var r = Replacement(m);
        return r.Path is null ? m : r;
    }

    /// <summary>The absolute, cleaned directory of a directory replacement (go's <c>filepath.Join(modRoot, path)</c>).</summary>
    public string ReplacementDirectory(string replacementPath) =>
        System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(replacementPath) ? replacementPath : System.IO.Path.Combine(ModRoot, replacementPath));
}
