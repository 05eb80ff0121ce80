namespace GoMod.Core.Vcs;

/// <summary>
/// A direct-mode failure: <see cref="VcsException"/> (the repository or git failed) or <see cref="VcsNotFoundException"/>
/// (the module, repository or revision does not exist, go's not-exist class, so queries and <c>,</c> lists move on).
/// </summary>
public interface IVcsFailure
{
    /// <summary>What failed.</summary>
    VcsErrorKind Kind { get; }

    /// <summary>The repository URL (without a password), when one was known.</summary>
    string? Repository { get; }
}
