using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.Restore;

/// <summary>
/// A requirement (or its replacement) of the main go.mod names an invalid module path or version; the cause
/// (<see cref="ModuleException"/>, <see cref="ModulePathException"/>, <see cref="Semver.InvalidVersionException"/>)
/// holds go's wording, which is the message.
/// </summary>
public sealed class InvalidRequirementException(ModuleVersion requirement, Exception cause) : Exception(cause.Message, cause)
{
    /// <summary>The requirement as go.mod writes it (or its replacement).</summary>
    public ModuleVersion Requirement { get; } = requirement;
}
