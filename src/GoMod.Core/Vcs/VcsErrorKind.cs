namespace GoMod.Core.Vcs;

/// <summary>What went wrong while fetching from version control; <see cref="VcsException.Kind"/> carries it.</summary>
public enum VcsErrorKind
{
    /// <summary>A git command failed for a reason not classified below (its redacted stderr is in the message).</summary>
    CommandFailed,

    /// <summary>A git command ran longer than <see cref="VcsOptions.CommandTimeout"/> and was killed.</summary>
    Timeout,

    /// <summary>The server answered that the repository does not exist (HTTP 404/410).</summary>
    RepositoryNotFound,

    /// <summary>The server asked for credentials (HTTP 401/403) and git had none that worked; git never prompts.</summary>
    AuthenticationRequired,

    /// <summary>The repository's server could not be reached at all (connection refused, unknown host, a dead insteadOf).</summary>
    Unreachable,

    /// <summary>The repository has no such branch, tag or commit.</summary>
    UnknownRevision,

    /// <summary>The import path maps to no repository: a bad <c>?go-get=1</c> page, missing or non-matching meta tags.</summary>
    ImportPathNotResolved,

    /// <summary>GOVCS does not allow this version control system for this path.</summary>
    DisallowedByGovcs,

    /// <summary>The repository uses a version control system other than git (hg, svn, bzr, fossil), which is not supported.</summary>
    UnsupportedVcs,

    /// <summary>The revision exists but is not a valid version of this module (go.mod location or path, major version).</summary>
    InvalidVersion,

    /// <summary>The git executable could not be started.</summary>
    GitMissing,
}
