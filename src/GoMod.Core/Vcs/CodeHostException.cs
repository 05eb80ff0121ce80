namespace GoMod.Core.Vcs;

/// <summary>
/// A failure inside the code host layer (one repository, no module yet): the module layer wraps it into a
/// <see cref="VcsException"/> naming the module and version. The message never holds credentials.
/// </summary>
internal sealed class CodeHostException(VcsErrorKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public VcsErrorKind Kind { get; } = kind;
}
