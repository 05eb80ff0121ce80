using GoMod.Core.Module;

namespace GoMod.Core.ModCache;

/// <summary>A module the build needs is not in the module cache and the network must not be used (a design-time build).</summary>
public sealed class ModuleNotInCacheException(ModuleVersion module)
    : Exception($"{module.Path}@{module.Version}: not in the module cache")
{
    /// <summary>The missing module version.</summary>
    public ModuleVersion Module { get; } = module;
}
