namespace GoMod.Core.SumDb.Note;

/// <summary>Why a note or a key was refused (x/mod's note package errors).</summary>
public enum NoteErrorReason
{
    /// <summary>The note text or its signature block is malformed.</summary>
    MalformedNote,

    /// <summary>A signature by a known key does not verify.</summary>
    InvalidSignature,

    /// <summary>The note verifies with none of the known keys (every signature is by an unknown key).</summary>
    NoVerifiableSignature,

    /// <summary>A verifier key is not <c>name+hash+base64</c> or its key bytes are malformed.</summary>
    MalformedVerifierKey,

    /// <summary>A verifier key's hash does not match its name and key.</summary>
    VerifierHashMismatch,

    /// <summary>A key names an algorithm other than Ed25519.</summary>
    UnknownAlgorithm,

    /// <summary>A signer key is not <c>PRIVATE+KEY+name+hash+base64</c>, or its hash does not match.</summary>
    MalformedSignerKey,

    /// <summary>Two known verifiers share a name and key hash.</summary>
    AmbiguousVerifier,
}
