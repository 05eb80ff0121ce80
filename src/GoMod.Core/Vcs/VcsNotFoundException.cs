using GoMod.Core.Fetch;

namespace GoMod.Core.Vcs;

/// <summary>
/// In direct mode the module, its repository or the revision does not exist (go's not-exist class): no such
/// repository, revision or import path mapping, a revision that is not a version of this module, or a GOVCS refusal
/// (go reports import path lookup failures as not-exist too). <see cref="Kind"/> says which.
/// </summary>
public sealed class VcsNotFoundException(VcsErrorKind kind, string path, string version, string detail, string? repository = null, Exception? cause = null)
    : ModuleNotFoundException(path, version, detail, cause), IVcsFailure
{
    public VcsErrorKind Kind { get; } = kind;

    public string? Repository { get; } = repository is null ? null : GitRunner.Redact(repository);
}
