namespace GoMod.Core.SumDb;

/// <summary>
/// A SECURITY ERROR: the checksum database contradicts the download, or the database itself misbehaved (a fork, a bad
/// signature, a record or tile that does not prove against the signed tree). The build must stop and nothing from the
/// download may be kept. The message starts with the module and says what the database said and what was downloaded.
/// </summary>
public sealed class SumDbSecurityException : SumDbException
{
    /// <summary>A misbehaviour without a module.</summary>
    public SumDbSecurityException(SumDbFailure failure, string message, Exception? inner = null) : base(failure, message, inner)
    {
    }

    /// <summary>A misbehaviour found while verifying a module.</summary>
    public SumDbSecurityException(SumDbFailure failure, string modulePath, string version, string message, Exception? inner = null)
        : base(failure, modulePath, version, message, inner)
    {
    }

    /// <summary>The hash downloaded, for a checksum mismatch.</summary>
    public string? Downloaded { get; init; }

    /// <summary>The hash the database records, for a checksum mismatch.</summary>
    public string? Recorded { get; init; }
}
