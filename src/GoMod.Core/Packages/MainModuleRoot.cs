namespace GoMod.Core.Packages;

/// <summary>
/// One main module of a package load: its path and the directory its packages are read from (go's
/// <c>MainModules.ModRoot</c>). A workspace has one per <c>use</c>d module; a single-module load has the loader's main.
/// </summary>
internal sealed record MainModuleRoot(string Path, string Dir);
