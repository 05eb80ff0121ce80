namespace GoMod.Core.ModCache;

/// <summary>The module cache (or a file the restore writes beside go.mod) could not be written; the cause is the I/O failure.</summary>
public sealed class ModuleCacheWriteException(string path, Exception cause) : IOException(cause.Message, cause)
{
    /// <summary>The directory or file that could not be written.</summary>
    public string Path { get; } = path;
}
