using GoMod.Core.Fetch;

namespace GoMod.Core.Vcs;

/// <summary>
/// Fetching a module from version control failed. The message is go's <c>path@version: detail</c>; <see cref="Kind"/>
/// says what failed without reading the text, <see cref="Repository"/> names the repository URL (credentials
/// removed) and the cause (a git command failure, an HTTP error) is the inner exception. Never contains a password.
/// </summary>
public sealed class VcsException : ModuleFetchException
{
    /// <summary>A failure of kind <paramref name="kind"/> for <paramref name="path"/>@<paramref name="version"/>.</summary>
    public VcsException(VcsErrorKind kind, string path, string version, string detail, string? repository = null, Exception? cause = null)
        : base(path, version, detail, notFound: kind is VcsErrorKind.RepositoryNotFound or VcsErrorKind.UnknownRevision
            or VcsErrorKind.ImportPathNotResolved or VcsErrorKind.InvalidVersion, cause)
    {
        Kind = kind;
        Repository = repository is null ? null : GitRunner.Redact(repository);
    }

    /// <summary>What failed.</summary>
    public VcsErrorKind Kind { get; }

    /// <summary>The repository URL (without credentials), when one was known.</summary>
    public string? Repository { get; }
}
