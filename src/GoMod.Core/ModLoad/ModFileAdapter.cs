using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.ModLoad;

/// <summary>
/// The one place that reads and rewrites the main go.mod through <see cref="GoModFile"/> for the loader (dependencies'
/// go.mod files are read by <see cref="ModSummaries.ModSummaryReader"/>).
/// </summary>
internal static class ModFileAdapter
{
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
    public static (string Text, bool Dirty) UpdateRequirements(MainModule main, IReadOnlyList<(ModuleVersion Module, bool Indirect)> list, string? addedGoVersion,
        bool rewrite = false)
    {
        var f = main.File;
        var original = new Dictionary<ModuleVersion, bool>();
        foreach (var r in f.Require) original[new ModuleVersion(r.Path, r.Version)] = r.Indirect;
        var originalGo = f.Go ?? "";

        var go = string.IsNullOrEmpty(f.Go) ? addedGoVersion ?? main.GoVersion : f.Go;
        bool dirty = rewrite || main.NeedsFix || go != originalGo || list.Count != original.Count;
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
