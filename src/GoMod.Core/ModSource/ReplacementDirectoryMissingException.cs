using GoMod.Core.Module;

namespace GoMod.Core.ModSource;

/// <summary>A replace directive of the main module points at a directory that does not exist (<c>path@version: replacement directory DIR does not exist</c>).</summary>
public sealed class ReplacementDirectoryMissingException : ModuleException
{
    /// <summary><paramref name="module"/> is replaced by <paramref name="directory"/> (as go.mod writes it), which does not exist.</summary>
    public ReplacementDirectoryMissingException(ModuleVersion module, string directory)
        : base(module.Path, module.Version, $"replacement directory {directory} does not exist")
    {
        Directory = directory;
    }

    /// <summary>The replacement directory as the replace directive writes it.</summary>
    public string Directory { get; }
}
