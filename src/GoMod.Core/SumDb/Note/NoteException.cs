namespace GoMod.Core.SumDb.Note;

/// <summary>
/// A signed note, a verifier key or a signer key that cannot be used. <see cref="Reason"/> says why, so callers never
/// classify by message text.
/// </summary>
public sealed class NoteException : Exception
{
    /// <summary>A failure of kind <paramref name="reason"/> with a message.</summary>
    public NoteException(NoteErrorReason reason, string message, Exception? inner = null) : base(message, inner) => Reason = reason;

    /// <summary>Why the note or key was refused.</summary>
    public NoteErrorReason Reason { get; }

    /// <summary>True when the note was well-formed but a signature by a known key did not verify.</summary>
    public bool IsBadSignature => Reason == NoteErrorReason.InvalidSignature;
}
