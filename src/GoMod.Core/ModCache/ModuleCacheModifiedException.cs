using GoMod.Core.Module;

namespace GoMod.Core.ModCache;

/// <summary>
/// A module in the module cache no longer matches what was recorded when it was downloaded (go mod verify's
/// <c>path version: zip has been modified (file)</c>, <c>dir has been modified</c>, <c>missing ziphash</c>…).
/// </summary>
public sealed class ModuleCacheModifiedException : Exception
{
    /// <summary><paramref name="module"/>'s cached files fail the check <paramref name="detail"/> describes.</summary>
    public ModuleCacheModifiedException(ModuleVersion module, string detail, Exception? inner = null)
        : base($"{module.Path} {module.Version}: {detail}", inner)
    {
        Module = module;
        Detail = detail;
    }

    /// <summary>The module version whose cached files changed.</summary>
    public ModuleVersion Module { get; }

    /// <summary>What changed, in go's words.</summary>
    public string Detail { get; }
}
