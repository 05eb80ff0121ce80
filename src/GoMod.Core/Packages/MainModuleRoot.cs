using GoMod.Core.ModFile;

namespace GoMod.Core.Packages;

/// <summary>
/// One main module of a package load: its path, the directory its packages are read from (go's
/// <c>MainModules.ModRoot</c>), and what its go.mod says about packages: its <c>tool</c> packages (Go 1.24+, always in
/// <c>all</c>) and its <c>ignore</c> directives (Go 1.25+, left out of its package patterns). A workspace has one per
/// <c>use</c>d module; a single-module load has the loader's main.
/// </summary>
internal sealed record MainModuleRoot(string Path, string Dir, IReadOnlyList<string> Tools, IgnoredDirectories Ignore)
{
    public MainModuleRoot(string path, string dir, GoModFile? file)
        : this(path, dir, file?.Tool ?? [], IgnoredDirectories.From(file?.Ignore ?? []))
    {
    }
}
