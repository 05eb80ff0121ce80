using GoMod.Core.Module;

namespace GoMod.Core.Vendor;

/// <summary>
/// One <c># path version</c> entry of vendor/modules.txt with what follows it: its replacement (<c>=&gt; new [version]</c>),
/// its <c>## explicit</c> and <c>## go 1.N</c> annotations, and the import paths of the packages vendored from it.
/// A trailing replacement line (a replacement that provides no package) is an entry with no annotation and no package.
/// </summary>
/// <param name="Module">The module as go.mod names it; <c>Version</c> is empty for a wildcard replacement's line.</param>
/// <param name="Replacement">What replaces it (<c>Version</c> empty for a directory), or null.</param>
/// <param name="Explicit">True when go.mod requires exactly this version (<c>## explicit</c>).</param>
/// <param name="GoVersion">The module's go.mod <c>go</c> version as recorded (<c>## go 1.N</c>), or empty.</param>
/// <param name="Packages">The vendored packages' import paths, in file order (sorted when go writes them).</param>
/// <param name="Line">The 1-based line of the entry in the file it was read from; 0 when built rather than read.</param>
public sealed record VendoredModule(
    ModuleVersion Module,
    ModuleVersion? Replacement,
    bool Explicit,
    string GoVersion,
    IReadOnlyList<string> Packages,
    int Line = 0)
{
    /// <summary>go's module line: <c># path[ version][ =&gt; newpath[ newversion]]</c>, without the newline.</summary>
    public string ModuleLine
    {
        get
        {
            var line = "# " + Module.Path + (Module.Version.Length > 0 ? " " + Module.Version : "");
            if (Replacement is { } r)
                line += " => " + r.Path + (r.Version.Length > 0 ? " " + r.Version : "");
            return line;
        }
    }
}
