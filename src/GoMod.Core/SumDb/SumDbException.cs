using GoMod.Core.Module;

namespace GoMod.Core.SumDb;

/// <summary>
/// A failure of the checksum database client. <see cref="Failure"/> classifies it; <see cref="ModulePath"/> and
/// <see cref="Version"/> name the module being verified when there is one (the version ends in <c>/go.mod</c> for a
/// go.mod hash). Subclasses: <see cref="SumDbSecurityException"/> for misbehaviour, <see cref="SumDbUnavailableException"/>
/// when the database cannot answer.
/// </summary>
public class SumDbException : Exception
{
    /// <summary>A failure without a module (while reading the database itself).</summary>
    public SumDbException(SumDbFailure failure, string message, Exception? inner = null) : base(message, inner) => Failure = failure;

    /// <summary>A failure while verifying <paramref name="modulePath"/> at <paramref name="version"/>.</summary>
    public SumDbException(SumDbFailure failure, string modulePath, string version, string message, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
        ModulePath = modulePath;
        Version = version;
    }

    /// <summary>What went wrong.</summary>
    public SumDbFailure Failure { get; }

    /// <summary>The module being verified, if any.</summary>
    public string? ModulePath { get; }

    /// <summary>Its version (with <c>/go.mod</c> for a go.mod hash), if any.</summary>
    public string? Version { get; }

    /// <summary>Whether this is evidence of misbehaviour (a SECURITY ERROR) rather than an unreachable database.</summary>
    public bool IsSecurityError => Failure is SumDbFailure.ChecksumMismatch or SumDbFailure.Fork or SumDbFailure.InvalidSignature
        or SumDbFailure.UnverifiedTree or SumDbFailure.ProofFailed or SumDbFailure.MalformedResponse;
}
