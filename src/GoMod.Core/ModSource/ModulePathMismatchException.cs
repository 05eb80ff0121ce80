using GoMod.Core.Module;

namespace GoMod.Core.ModSource;

/// <summary>
/// A dependency's go.mod declares another module path than the one it was required by (go's
/// <c>path@version: parsing go.mod: module declares its path as: X but was required as: Y</c>).
/// </summary>
public sealed class ModulePathMismatchException : ModuleException
{
    /// <summary><paramref name="module"/>'s go.mod says <paramref name="declared"/>; the graph required it as <paramref name="requiredAs"/>.</summary>
    public ModulePathMismatchException(ModuleVersion module, string declared, string requiredAs)
        : base(module.Path, module.Version, $"parsing go.mod:\n\tmodule declares its path as: {declared}\n\t        but was required as: {requiredAs}")
    {
        Declared = declared;
        RequiredAs = requiredAs;
    }

    /// <summary>The path the module's go.mod declares.</summary>
    public string Declared { get; }

    /// <summary>The path the module was required by.</summary>
    public string RequiredAs { get; }
}
