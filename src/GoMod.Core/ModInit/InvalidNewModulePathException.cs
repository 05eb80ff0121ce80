namespace GoMod.Core.ModInit;

/// <summary>
/// The module path given to <c>go mod init</c> (GoModulePath) cannot name a module: go's <c>malformed module path
/// "…": …</c> (including <c>is a local import path</c>) or <c>invalid module path "…": major version suffixes must
/// be…</c> with the path go suggests. <see cref="Exception.InnerException"/> is the path rule broken, if any.
/// </summary>
public sealed class InvalidNewModulePathException(string path, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The path as given.</summary>
    public string Path { get; } = path;
}
