namespace GoMod.Core.ModInit;

/// <summary>
/// No module path was given and none could be guessed (no import comment, no Godeps.json or vendor.json path, the
/// directory not under GOPATH/src, or under it at an invalid import path): go's <c>cannot determine module path for
/// source directory DIR (REASON)</c> with its usage lines. <see cref="Exception.InnerException"/> is the invalid path's
/// failure when GOPATH gave one.
/// </summary>
public sealed class ModulePathUnknownException(string directory, string reason, Exception? inner = null)
    : Exception($"""
        cannot determine module path for source directory {directory} ({reason})

        Example usage:
        	'go mod init example.com/m' to initialize a v0 or v1 module
        	'go mod init example.com/m/v2' to initialize a v2 module

        Run 'go help mod init' for more information.

        """.ReplaceLineEndings("\n"), inner)
{
    /// <summary>The directory that has no module path.</summary>
    public string Directory { get; } = directory;

    /// <summary>Why (<c>outside GOPATH, module path must be specified</c>, or the invalid path GOPATH implied).</summary>
    public string Reason { get; } = reason;
}
