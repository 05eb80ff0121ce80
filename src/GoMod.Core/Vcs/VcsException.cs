using GoMod.Core.Fetch;

namespace GoMod.Core.Vcs;

/// <summary>
/// Fetching a module from version control failed for a reason other than absence (authentication, an unreachable
/// server, a timeout, a git failure, an unsupported VCS). The message is go's <c>path@version: detail</c>,
/// <see cref="Kind"/> says what failed without reading the text, the cause is the inner exception. Never holds a password.
/// </summary>
public sealed class VcsException(VcsErrorKind kind, string path, string version, string detail, string? repository = null, Exception? cause = null)
    : ModuleFetchException(path, version, detail, cause), IVcsFailure
{
    public VcsErrorKind Kind { get; } = kind;

    public string? Repository { get; } = repository is null ? null : GitRunner.Redact(repository);

    /// <summary>
    /// The failure of kind <paramref name="kind"/>: a <see cref="VcsNotFoundException"/> for the not-exist kinds
    /// (go wraps them in notExistError: no such repository, revision or import path, a revision that is not a version
    /// of this module, a GOVCS refusal), else a <see cref="VcsException"/>.
    /// </summary>
    public static ModuleFetchException Create(VcsErrorKind kind, string path, string version, string detail, string? repository = null, Exception? cause = null) =>
        IsNotFoundKind(kind)
            ? new VcsNotFoundException(kind, path, version, detail, repository, cause)
            : new VcsException(kind, path, version, detail, repository, cause);

    /// <summary>Whether go treats <paramref name="kind"/> as "does not exist".</summary>
    public static bool IsNotFoundKind(VcsErrorKind kind) => kind is VcsErrorKind.RepositoryNotFound or VcsErrorKind.UnknownRevision
        or VcsErrorKind.ImportPathNotResolved or VcsErrorKind.InvalidVersion or VcsErrorKind.DisallowedByGovcs;
}
