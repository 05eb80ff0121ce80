namespace GoMod.Core.Restore;

/// <summary>go.mod or go.sum exists but cannot be read as a file (it is a directory, or permission is denied); the cause is the I/O failure.</summary>
public sealed class ModuleFileUnreadableException(string path, Exception cause) : IOException($"reading {path}: {cause.Message}", cause)
{
    /// <summary>The go.mod or go.sum that cannot be read.</summary>
    public string Path { get; } = path;
}
