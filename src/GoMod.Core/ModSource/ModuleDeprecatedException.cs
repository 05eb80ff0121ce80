using GoMod.Core.Module;

namespace GoMod.Core.ModSource;

/// <summary>A module is deprecated by its author (go's <c>module path is deprecated: message</c>, the message cut to its first line).</summary>
public sealed class ModuleDeprecatedException(string path, string message)
    : Exception($"module {path} is deprecated: {DisallowedVersionException.ShortMessage(message, "")}")
{
    /// <summary>The deprecated module's path.</summary>
    public string ModulePath { get; } = path;

    /// <summary>The deprecation text as the module's go.mod writes it.</summary>
    public string Deprecation { get; } = message;
}
