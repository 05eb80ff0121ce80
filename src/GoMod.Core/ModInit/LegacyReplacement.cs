using GoMod.Core.Module;

namespace GoMod.Core.ModInit;

/// <summary>A dep <c>source</c> entry: <paramref name="Old"/> (name and revision) is fetched as <paramref name="New"/> (the source's path, same revision).</summary>
public readonly record struct LegacyReplacement(ModuleVersion Old, ModuleVersion New);
