namespace GoMod.Core.SumDb;

/// <summary>
/// The checksum database could not vouch for a module: unreachable, failing, or not knowing the module (a private
/// module). The message says how to proceed: GONOSUMDB/GOPRIVATE for private modules, or GOSUMDB=off.
/// </summary>
public sealed class SumDbUnavailableException : SumDbException
{
    /// <summary>The database did not answer for a module.</summary>
    public SumDbUnavailableException(SumDbFailure failure, string modulePath, string version, string message, Exception? inner = null)
        : base(failure, modulePath, version, message, inner)
    {
    }

    /// <summary>The database did not answer (no module context yet).</summary>
    public SumDbUnavailableException(SumDbFailure failure, string message, Exception? inner = null) : base(failure, message, inner)
    {
    }
}
