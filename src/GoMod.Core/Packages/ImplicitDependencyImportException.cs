using GoMod.Core.ModLoad;
using GoMod.Core.Module;

namespace GoMod.Core.Packages;

/// <summary>
/// go's <c>DirectImportFromImplicitDependencyError</c>: outside <c>-mod=mod</c>, a package of the main module imports a
/// package from a module go.mod does not require directly (<c>package P imports X from implicitly required module; to
/// add missing requirements, run:\n\tgo get M@V</c>).
/// </summary>
public sealed class ImplicitDependencyImportException : GoCommandException
{
    internal ImplicitDependencyImportException(string importer, string imported, ModuleVersion module)
        : base($"package {importer} imports {imported} from implicitly required module; to add missing requirements, run:\n\tgo get {module.Path}@{module.Version}")
    {
        Module = module;
    }

    /// <summary>The module that must be required.</summary>
    public ModuleVersion Module { get; }
}
