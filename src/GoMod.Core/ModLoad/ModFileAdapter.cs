using System.Text;
using GoMod.Core.Internal;
using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.ModLoad;

/// <summary>The one place that reads go.mod files through <see cref="GoModFile"/> for MVS.</summary>
internal static class ModFileAdapter
{
    /// <summary>Summarises a dependency's go.mod, parsed laxly as go parses dependency go.mod files.</summary>
    /// <exception cref="ModFileParseException">The file does not parse.</exception>
    public static ModSummary Summarize(string fileName, byte[] data, StringPool? pool = null)
    {
        if (FastModSummary.TryParse(data, out var fast, pool)) return fast!;
        return SummarizeWithParser(fileName, data);
    }

    /// <summary>The summary through the full lax parser (what <see cref="FastModSummary"/> must agree with).</summary>
    public static ModSummary SummarizeWithParser(string fileName, byte[] data)
    {
        var f = GoModFile.ParseLax(fileName, Encoding.UTF8.GetString(data));
        var go = Go119Version(f.Go ?? "");
        var require = new ModuleVersion[f.Require.Count];
        for (int i = 0; i < require.Length; i++) require[i] = new ModuleVersion(f.Require[i].Path, f.Require[i].Version);
        var retract = f.Retract.ToArray();
        return new ModSummary(
            f.Module?.Path ?? "",
            f.Module?.Deprecated ?? "",
            go,
            ModSummary.PruningForGoVersion(go),
            require,
            retract);
    }

    private static readonly System.Text.RegularExpressions.Regex GoVersionRe = new(@"^([1-9][0-9]*)\.(0|[1-9][0-9]*)$");
    private static readonly System.Text.RegularExpressions.Regex LaxGoVersionRe = new(@"^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9].*)$");

    /// <summary>
    /// A dependency's go line as go 1.19 reads it: <c>1.N</c> as is, and a newer form (<c>1.21.0</c>, <c>1.21rc1</c>)
    /// cut to its <c>1.N</c> prefix, so pruning and <c>GoVersion</c> follow the release we reproduce.
    /// </summary>
    internal static string Go119Version(string v)
    {
        if (v.Length == 0 || GoVersionRe.IsMatch(v)) return v;
        var m = LaxGoVersionRe.Match(v);
        return m.Success ? m.Groups[1].Value : v;
    }

    /// <summary>Reads the main module's go.mod strictly.</summary>
    public static MainModule ReadMain(string modRoot, string fileName, string text, bool needsFix = false)
    {
        var f = GoModFile.Parse(fileName, text);
        if (f.Module is null)
            throw new NoModuleDeclarationException(fileName);
        var requires = f.Require.Select(r => new MainRequirement(new ModuleVersion(r.Path, r.Version), r.Indirect)).ToArray();
        var excludes = f.Exclude.Select(e => new ModuleVersion(e.Path, e.Version)).ToArray();
        var replaces = f.Replace.Select(r => (new ModuleVersion(r.OldPath, r.OldVersion), new ModuleVersion(r.NewPath, r.NewVersion))).ToArray();
        return new MainModule(f.Module.Path, modRoot, f.Go ?? "", requires, excludes, replaces, f, needsFix);
    }

    /// <summary>
    /// Rewrites the main module's requirements as go's <c>commitRequirements</c> does and reports whether the result
    /// differs in meaning from the file as read (go's <c>modFileIsDirty</c>: go line, requirement set, indirect marks).
    /// </summary>
    public static (string Text, bool Dirty) UpdateRequirements(MainModule main, IReadOnlyList<(ModuleVersion Module, bool Indirect)> list, string? addedGoVersion)
    {
        var f = main.File;
        var original = new Dictionary<ModuleVersion, bool>();
        foreach (var r in f.Require) original[new ModuleVersion(r.Path, r.Version)] = r.Indirect;
        var originalGo = f.Go ?? "";

        var go = string.IsNullOrEmpty(f.Go) ? addedGoVersion ?? main.GoVersion : f.Go;
        bool dirty = main.NeedsFix || go != originalGo || list.Count != original.Count;
        if (!dirty)
        {
            foreach (var (m, indirect) in list)
            {
                if (!original.TryGetValue(m, out var was) || was != indirect) { dirty = true; break; }
            }
        }
        // An unchanged file is not rewritten (go compares meaning, then writes only a dirty file).
        if (!dirty) return ("", false);

        if (string.IsNullOrEmpty(f.Go)) f.SetGo(go);
        var reqs = list.Select(r => new Requirement(r.Module.Path, r.Module.Version, r.Indirect)).ToList();
        if (GoVersions.Compare(f.Go!, "1.17") < 0) f.SetRequire(reqs);
        else f.SetRequireSeparateIndirect(reqs);
        f.Cleanup();
        return (f.Format(), true);
    }
}
