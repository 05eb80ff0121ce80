using System.Text;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.Vendor;

/// <summary>
/// vendor/modules.txt as go 1.19 writes and reads it. The file is a list of module entries, each a
/// <c># path version[ =&gt; new[ version]]</c> line, then <c>## </c> annotation lines (<c>explicit</c>, <c>go 1.N</c>,
/// separated by <c>;</c>), then one line per vendored package; replacements that provide no package follow as bare
/// module lines. <see cref="Format"/> writes go's bytes for the entries in the order given; <see cref="Parse"/> reads
/// any file as go's <c>readVendorList</c> does — leniently: a line go would ignore is ignored, and recorded in
/// <see cref="Skipped"/> with its line number.
/// </summary>
public sealed class ModulesTxt
{
    /// <summary>The module entries, in file order.</summary>
    public IReadOnlyList<VendoredModule> Modules { get; }

    /// <summary>
    /// Written by <c>go work vendor</c> (go 1.22+): the first line is <c>## workspace</c>, which go reads to tell a
    /// workspace's vendor/ from a module's (<c>modulesTextIsForWorkspace</c>).
    /// </summary>
    public bool Workspace { get; init; }

    /// <summary>The lines go ignores when reading (<c>vendor/modules.txt:LINE: why</c>), for diagnostics; empty when written by go.</summary>
    public IReadOnlyList<string> Skipped { get; }

    private readonly Dictionary<ModuleVersion, VendorMetadata> _meta = [];
    private readonly Dictionary<string, ModuleVersion> _packageModule = new(StringComparer.Ordinal);
    private readonly List<ModuleVersion> _buildList = [];
    private readonly List<ModuleVersion> _replaced = [];
    private readonly Dictionary<string, string> _versions = new(StringComparer.Ordinal);

    /// <summary>Entries built for writing (<see cref="Format"/>); the read-side views are computed from them as go would read the file back.</summary>
    public ModulesTxt(IEnumerable<VendoredModule> modules) : this(modules.ToList(), [])
    {
    }

    private ModulesTxt(List<VendoredModule> modules, List<string> skipped)
    {
        Modules = modules;
        Skipped = skipped;
        foreach (var m in modules) Index(m);
    }

    /// <summary>go's annotations of a module: union of its <c>##</c> lines and its replacement.</summary>
    /// <param name="Explicit">Marked <c>## explicit</c>.</param>
    /// <param name="Replacement">Its <c>=&gt;</c> target, or null.</param>
    /// <param name="GoVersion">Its <c>## go</c> version, or empty.</param>
    public readonly record struct VendorMetadata(bool Explicit, ModuleVersion? Replacement, string GoVersion);

    /// <summary>
    /// The modules that provide packages, each the selected version of its path, in order of first appearance (go's
    /// <c>vendorList</c>): with the main module, the build list under <c>-mod=vendor</c>.
    /// </summary>
    public IReadOnlyList<ModuleVersion> BuildList => _buildList;

    /// <summary>Every module marked as replaced, in file order (go's <c>vendorReplaced</c>).</summary>
    public IReadOnlyList<ModuleVersion> Replaced => _replaced;

    /// <summary>The annotations go recorded for <paramref name="module"/> (default when none).</summary>
    public VendorMetadata Metadata(ModuleVersion module) => _meta.GetValueOrDefault(module);

    /// <summary>The version the file selects for <paramref name="path"/> (go's <c>vendorVersion</c>), or null.</summary>
    public string? SelectedVersion(string path) => _versions.GetValueOrDefault(path);

    /// <summary>The module a vendored package comes from, or null when the package is not vendored.</summary>
    public ModuleVersion? PackageModule(string importPath) =>
        _packageModule.TryGetValue(importPath, out var m) ? m : null;

    /// <summary>Every vendored package's import path, in file order.</summary>
    public IEnumerable<string> Packages => _packageModule.Keys;

    private void Index(VendoredModule entry)
    {
        var mod = entry.Module;
        var meta = _meta.GetValueOrDefault(mod);
        if (entry.Replacement is { } r)
        {
            meta = meta with { Replacement = r };
            _replaced.Add(mod);
        }
        if (entry.Explicit) meta = meta with { Explicit = true };
        if (entry.GoVersion.Length > 0) meta = meta with { GoVersion = entry.GoVersion };
        _meta[mod] = meta;
        foreach (var pkg in entry.Packages)
        {
            _packageModule[pkg] = mod;
            // A module that provides a package is in the build list at the version it was vendored from.
            if (!_versions.TryGetValue(mod.Path, out var v) || SemVer.Compare(v, mod.Version) < 0)
            {
                _buildList.Add(mod);
                _versions[mod.Path] = mod.Version;
            }
        }
    }

    /// <summary>
    /// The file's bytes as go writes them: for each entry its module line, then <c>## explicit; go 1.N</c>,
    /// <c>## explicit</c> or <c>## go 1.N</c> as applicable, then its packages, each line ending in <c>\n</c>.
    /// </summary>
    public string Format()
    {
        var b = new StringBuilder();
        if (Workspace) b.Append("## workspace\n");
        foreach (var m in Modules)
        {
            b.Append(m.ModuleLine).Append('\n');
            if (m.Explicit && m.GoVersion.Length > 0) b.Append("## explicit; go ").Append(m.GoVersion).Append('\n');
            else if (m.Explicit) b.Append("## explicit\n");
            else if (m.GoVersion.Length > 0) b.Append("## go ").Append(m.GoVersion).Append('\n');
            foreach (var p in m.Packages) b.Append(p).Append('\n');
        }
        return b.ToString();
    }

    /// <summary>go's <c>modulesTextIsForWorkspace</c>: a first line of <c>## </c> annotations, one of them <c>workspace</c>.</summary>
    private static bool IsWorkspaceHeader(string line) =>
        line.StartsWith("## ", StringComparison.Ordinal) && line[3..].Split(';').Any(e => e.Trim() == "workspace");

    /// <summary>
    /// Reads vendor/modules.txt as go 1.19 does. A <c>#</c> line whose second field is neither a valid semantic version
    /// nor <c>=&gt;</c>, or a replacement go cannot interpret, is ignored (with the lines that follow it, up to the next
    /// module line); so is an annotation or package line before any module, and a package line that is not one valid
    /// import path. Unknown <c>##</c> tokens are reserved and ignored. Each ignored line is listed in
    /// <see cref="Skipped"/> as <c>FILE:LINE: reason</c>. Never throws for content.
    /// </summary>
    public static ModulesTxt Parse(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var modules = new List<VendoredModule>();
        var skipped = new List<string>();
        VendoredModule? current = null;
        List<string>? packages = null;
        var lines = text.Split('\n');
        void Flush()
        {
            if (current is not null) modules.Add(current with { Packages = packages! });
            current = null;
        }
        bool inIgnoredModule = false;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var lineNo = i + 1;
            if (i == lines.Length - 1 && line.Length == 0) break;
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                var f = Fields(line);
                if (f.Length < 3)
                {
                    // go skips the line but keeps reading the lines after it as the previous module's.
                    skipped.Add($"{fileName}:{lineNo}: module line without a version");
                    continue;
                }
                Flush();
                ModuleVersion mod;
                int rest;
                if (SemVer.IsValid(f[2]))
                {
                    mod = new ModuleVersion(f[1], f[2]);
                    rest = 3;
                }
                else if (f[2] == "=>")
                {
                    mod = new ModuleVersion(f[1], "");
                    rest = 2;
                }
                else
                {
                    skipped.Add($"{fileName}:{lineNo}: unknown module line: {line}");
                    inIgnoredModule = true;
                    continue;
                }
                inIgnoredModule = false;
                ModuleVersion? replacement = null;
                if (f.Length - rest >= 2 && f[rest] == "=>")
                {
                    if (f.Length - rest == 2) replacement = new ModuleVersion(f[rest + 1], "");
                    else if (f.Length - rest == 3 && SemVer.IsValid(f[rest + 2])) replacement = new ModuleVersion(f[rest + 1], f[rest + 2]);
                    else skipped.Add($"{fileName}:{lineNo}: unknown replacement: {line}");
                }
                current = new VendoredModule(mod, replacement, false, "", [], lineNo);
                packages = [];
                continue;
            }
            if (current is null)
            {
                if (i == 0 && IsWorkspaceHeader(line)) continue;
                if (line.Length > 0)
                    skipped.Add(inIgnoredModule ? $"{fileName}:{lineNo}: line of an ignored module" : $"{fileName}:{lineNo}: line before any module line");
                continue;
            }
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                foreach (var raw in line[3..].Split(';'))
                {
                    var entry = raw.Trim();
                    if (entry == "explicit") current = current with { Explicit = true };
                    else if (entry.StartsWith("go ", StringComparison.Ordinal)) current = current with { GoVersion = entry[3..] };
                }
                continue;
            }
            var pf = Fields(line);
            if (pf.Length == 1 && IsImportPath(pf[0])) packages!.Add(pf[0]);
            else if (line.Length > 0) skipped.Add($"{fileName}:{lineNo}: not a package import path: {line}");
        }
        Flush();
        return new ModulesTxt(modules, skipped) { Workspace = IsWorkspaceHeader(lines[0]) };
    }

    private static bool IsImportPath(string path)
    {
        try
        {
            ModulePath.CheckImportPath(path);
            return true;
        }
        catch (ModulePathException)
        {
            return false;
        }
    }

    /// <summary>go's <c>strings.Fields</c> for ASCII and Unicode white space.</summary>
    private static string[] Fields(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
