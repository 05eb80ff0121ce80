namespace GoMod.Core.SumDb.Tlog;

/// <summary>Log data that is malformed or does not authenticate; <see cref="Reason"/> says which.</summary>
public sealed class TlogException : Exception
{
    /// <summary>A failure of kind <paramref name="reason"/>.</summary>
    public TlogException(TlogErrorReason reason, string message, Exception? inner = null) : base(message, inner) => Reason = reason;

    /// <summary>What went wrong.</summary>
    public TlogErrorReason Reason { get; }
}
