using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Mvs;
using GoMod.Core.Semver;

namespace GoMod.Core.ModSummaries;

/// <summary>What MVS needs from a dependency's go.mod (go's <c>modFileSummary</c>).</summary>
internal sealed record ModSummary(
    string ModulePath,
    string Deprecated,
    string GoVersion,
    ModulePruning Pruning,
    ModuleVersion[] Require,
    Retraction[] Retract)
{
    /// <summary>The go line's version (for example <c>1.17</c>), read as go reads it: no line means unpruned.</summary>
    public static ModulePruning PruningForGoVersion(string goVersion) =>
        goVersion.Length == 0 || GoVersions.Compare(goVersion, "1.17") < 0 ? ModulePruning.Unpruned : ModulePruning.Pruned;

    /// <summary>Returns this summary without the requirements for which <paramref name="excluded"/> holds (kept as is when none is).</summary>
    public ModSummary WithoutExcluded(Func<ModuleVersion, bool> excluded)
    {
        bool any = false;
        foreach (var r in Require) if (excluded(r)) { any = true; break; }
        if (!any) return this;
        return this with { Require = Require.Where(r => !excluded(r)).ToArray() };
    }
}
